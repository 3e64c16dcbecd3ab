// Issue 5, item 7, the parts that run in every test run: scripts/canary's check can fail (its self-test plants the canary
// in the output, the working tree and a temp dir and must find each), and LOGTO_TEST_CANARY_SECRET really becomes the
// secret of the test configs and of the sandbox (a send signed with it is accepted, one with another secret is not),
// without showing up in anything the bridge prints or throws. The full run is `scripts/canary` (see README).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { ensureHost, repoDir } from './support/artifacts.mjs';

const run = promisify(execFile);
let hostDll;

before(async () => {
  hostDll = await ensureHost();
});

// Runs in a child so that the canary is in the environment before the support modules read it.
const child = `
  import { startSandbox, sandboxCredentials } from './tests/node/support/sandbox.mjs';
  import { loadBridge, sandboxConfig } from './tests/node/support/bridge.mjs';
  const sandbox = await startSandbox();
  try {
    const createConnector = await loadBridge(process.env.HOST_DLL, { logLevel: 'trace' });
    const send = (config) => createConnector({ getConfig: async () => config })
      .then((c) => c.sendMessage({ to: 'canary@example.com', type: 'Generic', payload: { code: '1' } }))
      .then((result) => ({ result }), (error) => ({ code: error.code, data: error.data, message: error.message }));
    const accepted = await send(sandboxConfig(sandbox.endpoint));
    const refused = await send(sandboxConfig(sandbox.endpoint, { accessKeySecret: 'not-the-canary' }));
    console.log(JSON.stringify({ secret: sandboxCredentials.accessKeySecret, accepted, refused, outbox: (await sandbox.outbox()).length }));
  } finally {
    await sandbox.stop();
  }
  process.exit(0);
`;

describe('the secret canary', () => {
  it('Has_a_check_that_finds_a_planted_canary_in_the_output_the_working_tree_and_temp_files', async () => {
    const { stdout } = await run(path.join(repoDir, 'scripts/canary'), ['--self-test-only'], { cwd: repoDir, timeout: 60_000 });
    assert.match(stdout, /^canary: self-test passed .*all 3 found\)$/m);
  });

  it('Becomes_the_secret_of_the_test_configs_and_the_sandbox_and_never_shows_in_what_the_bridge_prints', async () => {
    const canary = `TestCanary${Date.now().toString(36)}Secret`;
    const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', child], {
      cwd: repoDir,
      env: { ...process.env, LOGTO_TEST_CANARY_SECRET: canary, HOST_DLL: hostDll },
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const lines = stdout.trim().split('\n');
    const report = JSON.parse(lines.pop());
    assert.equal(report.secret, canary);
    assert.match(report.accepted.result?.EnvId ?? JSON.stringify(report.accepted), /^\d+$/);
    assert.equal(report.refused.code, 'general');
    assert.equal(report.refused.data.Code, 'SignatureDoesNotMatch');
    assert.equal(report.outbox, 1);
    assert.ok(lines.some((line) => line.includes('dbug:')), 'the host logged at trace level through the bridge');
    assert.ok(!`${lines.join('\n')}\n${stderr}`.includes(canary), 'the canary is not in the bridge output');
  });
});
