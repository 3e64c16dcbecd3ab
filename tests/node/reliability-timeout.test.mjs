// Issue 5, items 4 and 5, through the module Logto imports with the real host and the sandbox. A send slower than the
// bridge's per-call timeout (LOGTO_DOTNET_CONNECTOR_TIMEOUT_MS) is cancelled in the host, which drops its HTTP request (the
// sandbox records "dropped", nothing is delivered), the caller gets a clear timeout error, and the same host serves the
// next call. One Throttling answer is retried by the connector into exactly one accepted email and one success.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { ConnectorError } from '@logto/connector-kit';
import { captureConsole, hostPids, loadBridge, sandboxConfig, waitFor } from './support/bridge.mjs';
import { useSandbox } from './support/sandbox.mjs';

const timeoutMs = 1_000;
const fixture = useSandbox();
let logs;

before(async () => {
  logs = captureConsole();
});

after(() => logs?.restore());

const send = (connector, to) => connector.sendMessage({ to, type: 'Generic', payload: { code: '424242' } });

describe('the per-call timeout', () => {
  it('Cancels_a_send_slower_than_the_timeout_in_the_host_so_the_sandbox_sees_it_dropped_and_keeps_the_host', async (t) => {
    const createConnector = await loadBridge(fixture.hostDll, { timeoutMs });
    const connector = await createConnector({ getConfig: async () => sandboxConfig(fixture.sandbox.endpoint) });
    await send(connector, 'warm-up@example.com');
    const [pid] = hostPids();
    await fixture.sandbox.clearOutbox();
    const exchangesBefore = (await fixture.sandbox.exchanges()).length;
    await fixture.sandbox.fault({ kind: 'Delay', delayMs: 30_000, count: 1 });

    const startedAt = performance.now();
    const error = await send(connector, 'slow@example.com').then(
      () => assert.fail('a send held for 30 s must time out'),
      (e) => e,
    );
    const elapsed = performance.now() - startedAt;
    t.diagnostic(`timeout: the ${timeoutMs} ms timeout rejected the call after ${elapsed.toFixed(0)} ms`);

    assert.ok(error instanceof ConnectorError, String(error));
    assert.equal(error.code, 'general');
    assert.deepEqual(Object.keys(error.data), ['errorDescription', 'failure', 'correlationId']);
    assert.equal(error.data.failure, 'timeout');
    assert.match(error.data.errorDescription, /did not answer sendMessage within 1000 ms; the call was cancelled, but its outcome is unknown/);
    assert.equal(logs.lines.filter((line) => line.includes(error.data.correlationId)).length, 1, 'one log entry for the timeout');
    // Below half the 30 s the sandbox holds the send: rejected by the timeout, not by the answer (holds on a loaded machine).
    assert.ok(elapsed >= timeoutMs && elapsed < 15_000, `rejected after ${elapsed} ms`);

    // The host cancelled the HTTP request: the sandbox saw its client go away before the 30 s were up.
    await waitFor(
      async () => (await fixture.sandbox.exchanges()).length > exchangesBefore,
      'the fixture.sandbox to record the request',
      60_000,
    );
    assert.deepEqual((await fixture.sandbox.exchanges()).slice(exchangesBefore).map(({ outcome }) => outcome), ['dropped']);
    assert.deepEqual(await fixture.sandbox.outbox(), []);

    const next = await send(connector, 'next@example.com');
    assert.deepEqual(hostPids(), [pid], 'the same host serves the next call');
    const delivered = (await fixture.sandbox.outbox()).map(({ envId, toAddress }) => [envId, toAddress]);
    assert.deepEqual(delivered, [[next.EnvId, 'next@example.com']]);
  });
});

describe('a throttled send', () => {
  it('Yields_exactly_one_accepted_email_and_one_success_for_one_Throttling_answer', async () => {
    const createConnector = await loadBridge(fixture.hostDll);
    const connector = await createConnector({ getConfig: async () => sandboxConfig(fixture.sandbox.endpoint) });
    await fixture.sandbox.clearOutbox();
    const exchangesBefore = (await fixture.sandbox.exchanges()).length;
    await fixture.sandbox.fault({ kind: 'Throttling', count: 1 });

    const result = await send(connector, 'throttled@example.com');

    const outcomes = (await fixture.sandbox.exchanges()).slice(exchangesBefore).map(({ outcome }) => outcome);
    assert.deepEqual(outcomes, ['fault:Throttling', 'accepted']);
    const outbox = await fixture.sandbox.outbox();
    assert.deepEqual(outbox.map(({ envId, toAddress }) => [envId, toAddress]), [[result.EnvId, 'throttled@example.com']]);
  });
});
