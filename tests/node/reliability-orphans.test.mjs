// Issue 5, item 3: no orphaned hosts. A Node process that loaded the bridge (the stand-in for Logto) is SIGKILLed, so no
// exit handler of ours runs; the host must be gone at once all the same (in practice within 2 s: see the diagnostics),
// from stdin EOF and its parent watchdog, both when it is idle and when it is stuck in a send the sandbox holds.
// LOGTO_RELIABILITY_ORPHAN_ROUNDS (default 20) sets the idle rounds; the stuck rounds are a quarter of them. Four parents
// run at a time.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { repoDir } from './support/artifacts.mjs';
import { isGone, waitFor } from './support/bridge.mjs';
import { useSandbox } from './support/sandbox.mjs';

const rounds = Number(process.env.LOGTO_RELIABILITY_ORPHAN_ROUNDS) || 20;
// The figures (max, median) are the diagnostics; the assertion only separates "gone because the parent died" (stdin EOF,
// watchdog) from "waited out the host's 5 s grace period", so that a loaded machine cannot break it.
const deadlineMs = 5_000;
const parentScript = path.join(repoDir, 'tests/node/support/bridge-parent.mjs');
const fixture = useSandbox();

/** Starts a bridge parent, waits for its host's pid, SIGKILLs the parent; returns how long the host outlived it (ms). */
async function killParentAndTimeHost(mode) {
  const parent = spawn(process.execPath, [parentScript, fixture.sandbox.endpoint, mode], {
    env: {
      ...process.env,
      LOGTO_DOTNET_CONNECTOR_HOST: fixture.hostDll,
      LOGTO_CONNECTOR_HOST_LOG_LEVEL: mode === 'slow' ? 'debug' : 'warning',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  parent.stderr.on('data', (chunk) => output.push(chunk.toString()));
  const exited = new Promise((resolve) => parent.once('exit', resolve));
  const line = await Promise.race([
    new Promise((resolve) => {
      const lines = createInterface({ input: parent.stdout });
      lines.on('line', (text) => (text.startsWith('{"hostPid"') ? resolve(text) : output.push(text)));
    }),
    exited.then((code) => assert.fail(`the bridge parent exited (${code}) early:\n${output.join('\n')}`)),
  ]);
  const { hostPid } = JSON.parse(line);
  assert.ok(Number.isInteger(hostPid) && !isGone(hostPid), `a running host: ${line}`);
  const killedAt = performance.now();
  parent.kill('SIGKILL');
  await exited;
  await waitFor(() => isGone(hostPid) || performance.now() - killedAt > 10_000, `host ${hostPid} to end`, 15_000);
  const outlived = performance.now() - killedAt;
  if (!isGone(hostPid)) process.kill(hostPid, 'SIGKILL');
  return outlived;
}

describe('the host after its Node parent is SIGKILLed', () => {
  it(`Is_gone_at_once_every_time_in_${rounds}_rounds_when_idle`, async (t) => {
    const times = await inBatches(rounds, () => killParentAndTimeHost('idle'));
    t.diagnostic(`orphans (idle): ${rounds} parents SIGKILLed, host gone after max ${Math.max(...times).toFixed(0)} ms, ` +
      `median ${median(times).toFixed(0)} ms`);
    assert.deepEqual(times.filter((ms) => ms >= deadlineMs), [], `hosts outlived their parent: ${times.map(Math.round)}`);
  });

  it('Is_gone_at_once_every_time_when_stuck_in_a_send_the_sandbox_holds', async (t) => {
    await fixture.sandbox.fault({ kind: 'Delay', delayMs: 120_000 });
    t.after(() => fixture.sandbox.fault({ kind: 'None' }));
    const stuckRounds = Math.max(2, Math.ceil(rounds / 4));
    const times = await inBatches(stuckRounds, () => killParentAndTimeHost('slow'));
    t.diagnostic(`orphans (stuck in a send): ${stuckRounds} parents SIGKILLed, host gone after max ` +
      `${Math.max(...times).toFixed(0)} ms, median ${median(times).toFixed(0)} ms`);
    assert.deepEqual(times.filter((ms) => ms >= deadlineMs), [], `hosts outlived their parent: ${times.map(Math.round)}`);
  });
});

/** Runs `round` `count` times, a few parents at a time (each measures its own host). */
async function inBatches(count, round, width = 4) {
  const times = [];
  for (let done = 0; done < count; done += width) {
    times.push(...(await Promise.all(Array.from({ length: Math.min(width, count - done) }, round))));
  }
  return times;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
