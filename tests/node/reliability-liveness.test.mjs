// Issue 14: a host that stays alive without answering is detected and replaced, a slow one is not. Real processes: the
// bridge's HostProcess over tests/Host.TestHost (connectors that spin, block every thread-pool thread, or are slow), with
// the default liveness settings (lib/src/settings.js) unless a test says otherwise.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { before, describe, it } from 'node:test';
import { HostError } from '../../lib/src/host-error.js';
import { settingDefaults } from '../../lib/src/settings.js';
import { captureConsole, hostPids, isGone, loadBridge, sandboxConfig, waitFor } from './support/bridge.mjs';
import { useSandbox } from './support/sandbox.mjs';
import { ensureTestHost, testHostProcess, testSend } from './support/test-host.mjs';

const { quietMs, pingTimeoutMs, cancelGraceMs } = settingDefaults;
// Scheduling slack on a loaded 2-core machine; the figures themselves are reported as diagnostics.
const slackMs = 4_000;

const fixture = useSandbox();

before(async () => {
  await ensureTestHost();
});

/** A breaker that only counts (never opens), to see that a replacement is counted like a crash. */
function countingBreaker() {
  const breaker = { exits: 0, recordExit: () => { breaker.exits += 1; }, openState: () => undefined, settings: {} };
  return breaker;
}

const settle = (promise) => promise.then((result) => ({ result, at: performance.now() }), (error) => ({ error, at: performance.now() }));

function assertUnresponsive(error) {
  assert.ok(error instanceof HostError, String(error));
  assert.equal(error.failure, 'unresponsive');
  assert.equal(
    error.message,
    'The connector host stopped responding and was replaced; this call was abandoned and its outcome is unknown.',
  );
}

describe('a wedged host', () => {
  it('Is_killed_and_replaced_when_SIGSTOPped_with_a_call_in_flight_and_the_call_is_not_retried', async (t) => {
    const breaker = countingBreaker();
    const { host, lines, spawns } = testHostProcess({ callTimeoutMs: 60_000, breaker });
    t.after(() => host.stop());
    await testSend(host, 'echo');
    const pid = host.pid;
    const inFlight = settle(testSend(host, 'delay', { delayMs: 60_000 }));
    const frozenAt = performance.now();
    process.kill(pid, 'SIGSTOP');

    const { error, at } = await inFlight;
    const detectedMs = at - frozenAt;
    t.diagnostic(`liveness: a SIGSTOPped host with a call in flight was replaced ${detectedMs.toFixed(0)} ms after the freeze`);
    assertUnresponsive(error);
    assert.ok(detectedMs < quietMs + pingTimeoutMs + slackMs, `replaced after ${detectedMs} ms`);
    await waitFor(() => isGone(pid), `the frozen host ${pid} to be killed`, 10_000);
    assert.equal(breaker.exits, 1, 'the replacement is counted by the breaker like a crash');
    const entry = lines.find(({ line }) => line.includes(error.correlationId));
    assert.equal(entry.level, 'error');
    assert.match(entry.line, /stopped responding \(no answer to a ping within 2000 ms; it had sent nothing for \d+ ms with calls pending\)/);

    const next = await testSend(host, 'echo', { to: 'after@example.com' });
    assert.equal(next.to, 'after@example.com');
    assert.notEqual(host.pid, pid);
    assert.equal(spawns(), 2);
  });

  it('Holds_a_call_made_to_a_host_frozen_while_idle_until_a_new_host_serves_it', async (t) => {
    const { host, spawns } = testHostProcess();
    t.after(() => host.stop());
    await testSend(host, 'echo');
    const pid = host.pid;
    process.kill(pid, 'SIGSTOP');
    // The scenario of the issue: a send a few seconds after the freeze, not a synchronisation.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const startedAt = performance.now();
    const result = await testSend(host, 'echo', { to: 'held@example.com' });
    const elapsed = performance.now() - startedAt;
    t.diagnostic(`liveness: a send to a host frozen 3 s earlier succeeded on a new host after ${elapsed.toFixed(0)} ms`);
    assert.equal(result.to, 'held@example.com');
    assert.ok(elapsed < 10_000, `the send took ${elapsed} ms`);
    assert.notEqual(host.pid, pid);
    assert.equal(spawns(), 2);
    await waitFor(() => isGone(pid), `the frozen host ${pid} to be killed`, 10_000);
  });

  for (const [behavior, what] of [['spin', 'spins forever'], ['block-threads', 'blocks every thread-pool thread forever']]) {
    it(`Is_replaced_when_its_connector_${behavior === 'spin' ? 'spins' : 'blocks_the_thread_pool'}_and_ignores_cancellation`, async (t) => {
      const callTimeoutMs = 1_500;
      const breaker = countingBreaker();
      const { host, lines } = testHostProcess({ callTimeoutMs, breaker });
      t.after(() => host.stop());
      await testSend(host, 'echo');
      const pid = host.pid;
      const bystander = settle(host.call('sendMessage', {
        connectorId: 'test',
        to: 'bystander@example.com',
        type: 'Generic',
        payload: { behavior: 'delay', delayMs: 60_000 },
        config: { apiKey: 'k' },
      }, { timeoutMs: 60_000 }));
      const startedAt = performance.now();
      const wedged = await testSend(host, behavior).catch((e) => e);
      assert.equal(wedged.failure, 'timeout', `the ${what} call times out first`);

      const { error, at } = await bystander;
      const replacedMs = at - startedAt;
      t.diagnostic(`liveness: a connector that ${what} got its host replaced ${replacedMs.toFixed(0)} ms after the call started ` +
        `(call timeout ${callTimeoutMs} ms + cancel grace ${cancelGraceMs} ms)`);
      assertUnresponsive(error);
      assert.ok(replacedMs < callTimeoutMs + cancelGraceMs + slackMs, `replaced after ${replacedMs} ms`);
      assert.equal(breaker.exits, 1);
      assert.match(lines.find(({ line }) => line.includes(error.correlationId)).line,
        new RegExp(`did not answer a timed-out sendMessage within ${cancelGraceMs} ms of cancelling it`));
      await waitFor(() => isGone(pid), `the wedged host ${pid} to be killed`, 10_000);
      assert.equal((await testSend(host, 'echo', { to: 'next@example.com' })).to, 'next@example.com');
      assert.notEqual(host.pid, pid);
    });
  }
});

describe('a slow but healthy host', () => {
  it('Keeps_its_process_while_four_calls_wait_1500_ms_each_on_a_blocking_provider', async (t) => {
    const { host, spawns } = testHostProcess({ callTimeoutMs: 20_000 });
    t.after(() => host.stop());
    await testSend(host, 'echo');
    const pid = host.pid;
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) => testSend(host, 'slow-provider', { delayMs: 1_500, to: `slow-${i}@example.com` })),
    );
    assert.deepEqual(results.map(({ delayed }) => delayed), [1_500, 1_500, 1_500, 1_500]);
    assert.equal(host.pid, pid);
    assert.equal(spawns(), 1);
    const { sent, answered } = host.pings;
    t.diagnostic(`liveness: ${answered} of ${sent} pings answered while the slow provider held the calls`);
    assert.ok(sent >= 1 && answered === sent, `pings sent ${sent}, answered ${answered}`);
  });

  it('Answers_pings_from_its_reader_while_every_thread_pool_thread_is_blocked_and_keeps_its_process', async (t) => {
    const { host, lines, spawns } = testHostProcess({ callTimeoutMs: 20_000 });
    t.after(() => host.stop());
    await testSend(host, 'echo');
    const pid = host.pid;
    const saturationMs = quietMs + pingTimeoutMs + 1_500;
    const call = testSend(host, 'block-threads', { delayMs: saturationMs });
    await waitFor(() => lines.some(({ line }) => line.includes('thread-pool threads blocked')), 'the pool to be blocked', 20_000);
    // Pings go out once the host has been quiet for quietMs; each must be answered within pingTimeoutMs though no pool
    // thread can run (a host that needed one would be killed here).
    await waitFor(() => host.pings.answered >= 1, 'a ping answered while the pool is blocked', saturationMs);
    assert.deepEqual(await call, { blocked: saturationMs });
    assert.equal(host.pid, pid);
    assert.equal(spawns(), 1);
    assert.equal(host.pings.answered, host.pings.sent);
  });
});

describe('writing to a stalled host', () => {
  it('Fails_calls_fast_beyond_the_queue_bound_and_never_buffers_more_then_replaces_the_host', async (t) => {
    const maxQueuedBytes = 1024 * 1024;
    const { host } = testHostProcess({ callTimeoutMs: 60_000, settings: { maxQueuedBytes } });
    t.after(() => host.stop());
    await testSend(host, 'echo');
    const pid = host.pid;
    process.kill(pid, 'SIGSTOP');
    const padding = 'x'.repeat(256 * 1024);
    const startedAt = performance.now();
    const calls = Array.from({ length: 40 }, (_, i) => settle(testSend(host, 'echo', { to: `queued-${i}@example.com`, padding })));
    // Every call has been written or refused once the microtasks ran.
    await new Promise((resolve) => setImmediate(resolve));
    const queued = host.queuedBytes;
    t.diagnostic(`backpressure: ${queued} bytes queued for the stopped host (bound ${maxQueuedBytes})`);
    assert.ok(queued <= maxQueuedBytes + padding.length + 4096, `${queued} bytes queued`);

    const outcomes = await Promise.all(calls);
    const overloaded = outcomes.filter(({ error }) => error?.failure === 'overloaded');
    const abandoned = outcomes.filter(({ error }) => error?.failure === 'unresponsive');
    assert.ok(overloaded.length >= 30, `${overloaded.length} calls refused`);
    assert.equal(overloaded.length + abandoned.length, calls.length, 'no call succeeds on, or is retried after, the stopped host');
    assert.ok(overloaded.every(({ at }) => at - startedAt < 1_000), 'the refusals are immediate');
    assert.match(overloaded[0].error.message, /not reading its input fast enough; sendMessage was not sent/);
    await waitFor(() => isGone(pid), `the stalled host ${pid} to be killed`, 10_000);
    assert.equal((await testSend(host, 'echo', { to: 'after@example.com' })).to, 'after@example.com');
  });
});

describe('a frozen host behind the module Logto imports', () => {
  it('Serves_a_send_started_3_s_after_the_freeze_on_a_new_host_within_10_s_and_delivers_it_once', async (t) => {
    const logs = captureConsole();
    t.after(() => logs.restore());
    const createConnector = await loadBridge(fixture.hostDll);
    const connector = await createConnector({ getConfig: async () => sandboxConfig(fixture.sandbox.endpoint) });
    const send = (to) => connector.sendMessage({ to, type: 'Generic', payload: { code: '123456' } });
    await send('warm-up@example.com');
    const [pid] = hostPids();
    await fixture.sandbox.clearOutbox();
    process.kill(pid, 'SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const startedAt = performance.now();
    const result = await send('after-freeze@example.com');
    const elapsed = performance.now() - startedAt;
    t.diagnostic(
      `liveness: through index.js with the default settings, the send 3 s after the freeze succeeded after ${elapsed.toFixed(0)} ms`,
    );
    assert.ok(elapsed < 10_000, `the send took ${elapsed} ms`);
    const [replacement] = hostPids();
    assert.ok(replacement && replacement !== pid, 'a new host served it');
    await waitFor(() => isGone(pid), `the frozen host ${pid} to be killed`, 10_000);
    const delivered = (await fixture.sandbox.outbox()).map(({ envId, toAddress }) => [envId, toAddress]);
    assert.deepEqual(delivered, [[result.EnvId, 'after-freeze@example.com']]);
    const logged = 'stopped responding (no answer to a ping within 2000 ms';
    assert.ok(logs.lines.some((line) => line.includes(logged)), 'the replacement is logged');
  });
});
