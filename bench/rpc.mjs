// Benchmark 2, bare RPC: `ping` round trips from Node through the bridge's own client (HostProcess: per-call timeout timer,
// LSP framing, the host's dispatcher), one at a time and with 64 in flight, against the published Native AOT host and the
// JIT Release build. Each phase is bounded by a count and by a time limit.
// Usage: node bench/rpc.mjs [--count 20000] [--max-seconds 10] [--no-build] [--aot-only]
import { parseArgs } from 'node:util';
import { bridgeHost, drive, fmt, jitHost, publishedHost, summarize, table, us } from './support/common.mjs';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '20000' },
    'max-seconds': { type: 'string', default: '10' },
    'no-build': { type: 'boolean', default: false },
    'aot-only': { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const maxMs = Number(values['max-seconds']) * 1000;
const hosts = [publishedHost(), ...(values['aot-only'] ? [] : [await jitHost({ build: !values['no-build'] })])];

const rows = [];
for (const host of hosts) {
  const bridge = bridgeHost(host);
  const ping = () => bridge.call('ping');
  try {
    await ping(); // starts and initializes the host
    await drive(ping, { count: 5_000, concurrency: 8, maxMs }); // warm-up (JIT tiering, pools), not recorded
    for (const concurrency of [1, 64]) {
      const { latencies, elapsedMs } = await drive(ping, { count, concurrency, maxMs });
      const s = summarize(latencies, elapsedMs);
      rows.push({
        host: host.name, 'in flight': concurrency, requests: s.count, 'req/s': fmt(s.perSecond, 0), p50: us(s.p50), p99: us(s.p99),
      });
    }
  } finally {
    await bridge.stop();
  }
}

console.log(`Bare RPC: ping through the bridge's client (lib/src/host-process.js), up to ${count} calls or ${maxMs / 1000} s per row`);
table(rows);
