// The real host's lifetime is bound to the Node process that started it, even when that process dies without running
// any exit handler (SIGKILL): the host sees its stdin close and its --parent-pid vanish.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { before, describe, it } from 'node:test';
import { ensureHost, repoDir } from './support/artifacts.mjs';
import { isGone } from './support/bridge.mjs';

let hostDll;
before(async () => {
  hostDll = await ensureHost();
});

describe('the real host', () => {
  it('Exits_soon_after_the_Node_process_that_started_it_is_SIGKILLed', async () => {
    const user = spawn(process.execPath, [path.join(repoDir, 'tests/node/fixtures/host-user.mjs'), 'hold'], {
      env: { ...process.env, HOST_USER_COMMAND: JSON.stringify({ command: 'dotnet', args: [hostDll, 'serve'] }) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const { pid } = JSON.parse(await new Promise((resolve) => createInterface({ input: user.stdout }).once('line', resolve)));
    assert.ok(!isGone(pid));
    user.kill('SIGKILL');
    // An "eventually" with a deadline for failing runs only (the watchdog polls every 250 ms).
    const deadline = Date.now() + 30_000;
    while (!isGone(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(isGone(pid), true, `host ${pid} outlived its parent by 30 s`);
  });
});
