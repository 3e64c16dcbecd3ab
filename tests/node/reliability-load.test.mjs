// Issue 5, item 6: load through the module Logto imports, the real host and the sandbox. LOGTO_RELIABILITY_LOAD_CALLS
// (default 10,000) sendMessage calls, 64 in flight at any time, each to its own address: every call resolves, and the
// sandbox's outbox then holds exactly one message per call, the one whose EnvId the call returned (0 lost, 0 duplicated).
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { loadBridge, sandboxConfig } from './support/bridge.mjs';
import { useSandbox } from './support/sandbox.mjs';

const calls = Number(process.env.LOGTO_RELIABILITY_LOAD_CALLS) || 10_000;
const inFlight = 64;
const fixture = useSandbox();

describe('load through the bridge', () => {
  it(`Delivers_${calls}_sendMessage_calls_at_${inFlight}_in_flight_exactly_once_each`, async (t) => {
    // Warnings and errors only: an information line per accepted mail would flood the test output.
    const createConnector = await loadBridge(fixture.hostDll, { logLevel: 'warning' });
    const connector = await createConnector({ getConfig: async () => sandboxConfig(fixture.sandbox.endpoint) });
    const address = (i) => `load-${i}@example.com`;
    await connector.sendMessage({ to: 'warm-up@example.com', type: 'Generic', payload: { code: '0' } });
    await fixture.sandbox.clearOutbox();

    const results = new Array(calls);
    const failures = [];
    let next = 0;
    let running = 0;
    let maxRunning = 0;
    const worker = async () => {
      while (next < calls) {
        const i = next++;
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        try {
          results[i] = await connector.sendMessage({ to: address(i), type: 'Generic', payload: { code: String(i).padStart(6, '0') } });
        } catch (error) {
          failures.push({ i, error: `${error.code}: ${JSON.stringify(error.data)}` });
        } finally {
          running -= 1;
        }
      }
    };
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: inFlight }, worker));
    const seconds = (performance.now() - startedAt) / 1000;

    const outbox = await fixture.sandbox.outbox();
    const byAddress = new Map();
    for (const mail of outbox) byAddress.set(mail.toAddress, [...(byAddress.get(mail.toAddress) ?? []), mail]);
    const lost = Array.from({ length: calls }, (_, i) => i).filter((i) => !byAddress.has(address(i)));
    const duplicated = [...byAddress.values()].filter((mails) => mails.length > 1).length;
    t.diagnostic(
      `load: ${calls} sendMessage calls, ${maxRunning} in flight: ${seconds.toFixed(1)} s, ${(calls / seconds).toFixed(0)} calls/s; ` +
        `resolved ${calls - failures.length}, outbox ${outbox.length}, lost ${lost.length}, duplicated ${duplicated}`,
    );

    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} calls failed`);
    assert.equal(maxRunning, inFlight);
    assert.equal(outbox.length, calls);
    assert.equal(new Set(outbox.map(({ envId }) => envId)).size, calls, 'distinct EnvIds');
    assert.deepEqual(lost.slice(0, 5), [], `${lost.length} lost`);
    assert.equal(duplicated, 0);
    for (let i = 0; i < calls; i += 1) {
      const [mail] = byAddress.get(address(i));
      assert.equal(mail.envId, results[i].EnvId, `call ${i} got the EnvId of its own mail`);
      assert.equal(mail.subject, `Generic code ${String(i).padStart(6, '0')}`);
    }
  });
});
