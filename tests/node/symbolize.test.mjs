// The published Native AOT host has no stack trace metadata (StackTraceSupport=false, -0.49 MB): its stack frames read
// `logto-connector-host!<BaseAddress>+0x…`. scripts/symbolize, with the symbols scripts/build-host kept for the same build,
// must turn a real trace the host logged into method names with source lines.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { hostUnderTest, repoDir } from './support/artifacts.mjs';

const host = hostUnderTest();
const skip = host.kind === 'published' ? false : `needs the published host (${host.reason})`;

/** A port nothing listens on: bound, then closed. */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('scripts/symbolize', () => {
  it('Turns_the_AOT_hosts_logged_stack_frames_into_methods_and_source_lines', { skip }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'symbolize-'));
    try {
      const config = path.join(dir, 'config.json');
      writeFileSync(config, JSON.stringify({
        accessKeyId: 'id', accessKeySecret: 'secret', accountName: 'noreply@example.com',
        endpoint: `http://127.0.0.1:${await closedPort()}/`,
        templates: ['Generic', 'Register', 'SignIn', 'ForgotPassword'].map((usageType) => ({ usageType, subject: 'Code', content: '{{code}}' })),
      }));
      // A refused connection is logged at warning with the HttpRequestException, stack trace included.
      const send = spawnSync(host.file, ['send', '--config', config, '--to', 'user@example.com'], { encoding: 'utf8', timeout: 60_000 });
      assert.notEqual(send.status, 0);
      const frames = send.stderr.match(/logto-connector-host!<BaseAddress>\+0x[0-9a-f]+/g) ?? [];
      assert.ok(frames.length > 0, `the host logged no address frames:\n${send.stderr}`);

      const symbolized = spawnSync(path.join(repoDir, 'scripts', 'symbolize'), [], { input: send.stderr, encoding: 'utf8' });

      assert.equal(symbolized.status, 0, symbolized.stderr);
      assert.match(symbolized.stdout, /SingleSendMailClient__\w+ \(\S*SingleSendMailClient\.cs:\d+\)/);
      const left = symbolized.stdout.match(/<BaseAddress>\+0x/g)?.length ?? 0;
      assert.ok(left < frames.length / 4, `${left} of ${frames.length} frames stayed unresolved`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
