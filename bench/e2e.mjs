// Benchmark 3, end to end the way Logto calls it: our packed package (its published host) and the official
// @logto/connector-aliyun-dm are installed into a scratch instance by the real `logto connector add`, loaded by
// @logto/cli's loader, built with buildRawConnector, and called flow-style (`sendMessage(data)`, config from getConfig).
// Both send to the same local Direct Mail fake (`logto-aliyun-sandbox`, which checks every signature); the
// official connector's https.request is redirected to it. Rounds alternate which connector goes first; each round
// measures SEQ sends one at a time (latency) and PAR sends with 64 in flight (throughput). Per-send CPU time of each
// process (this Node process, our host, the sandbox) is printed too: on a small machine they share the cores.
// Usage: node bench/e2e.mjs [--rounds 5] [--seq 200] [--par 3000]
import { parseArgs } from 'node:util';
import { buildRawConnector, loadConnectorFactories } from '@logto/cli/lib/connector/index.js';
import { getConnectorPackagesFromDirectory } from '@logto/cli/lib/utils.js';
import { childPids, cpuMsOf, drive, fmt, memoryOf, ownCpuMs, startSandbox, summarize, table, us } from './support/common.mjs';
import { instanceWithBothConnectors } from './support/package.mjs';
import { redirectAliyunTo } from './support/redirect-https.mjs';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    seq: { type: 'string', default: '200' },
    par: { type: 'string', default: '3000' },
  },
});
const rounds = Number(values.rounds);
const seqCount = Number(values.seq);
const parCount = Number(values.par);
const phaseMaxMs = 30_000;
const concurrency = 64;

// Logto prints connector logs; here they are counted, not printed (our host logs one line per accepted mail).
const print = console.log.bind(console);
const logged = { lines: 0, errors: [] };
for (const level of ['log', 'info', 'warn', 'debug']) console[level] = () => (logged.lines += 1);
console.error = (...args) => logged.errors.push(args.join(' '));

const sandbox = await startSandbox();
const restoreHttps = redirectAliyunTo(sandbox.endpoint);
const setup = await instanceWithBothConnectors();
try {
  const packages = await getConnectorPackagesFromDirectory(setup.instance.connectorsDir);
  const factories = await loadConnectorFactories(packages, false);
  const usageTypes = ['SignIn', 'Register', 'ForgotPassword', 'Generic'];
  const config = {
    accessKeyId: 'sandbox-access-key-id',
    accessKeySecret: 'sandbox-access-key-secret',
    accountName: 'noreply@mail.example.com',
    fromAlias: 'Example',
    templates: usageTypes.map((usageType) => ({
      usageType,
      subject: `${usageType} code {{code}}`,
      content: `<p>Your ${usageType} code is <b>{{code}}</b> for {{application.name}}</p>`,
    })),
  };
  const build = async (id, connectorConfig) => {
    const factory = factories.find(({ metadata }) => metadata.id === id);
    if (!factory) throw new Error(`Logto's loader did not load ${id}: ${logged.errors.join('\n')}`);
    const { rawConnector } = await buildRawConnector(factory, async () => connectorConfig, undefined, async () => undefined);
    return rawConnector;
  };
  const contenders = [
    { name: 'ours', connector: await build('aliyun-direct-mail-dotnet', { ...config, endpoint: sandbox.endpoint }) },
    { name: 'official', connector: await build('aliyun-direct-mail', config) },
  ];

  let sent = 0;
  const sendWith = (connector) => async () => {
    sent += 1;
    const result = await connector.sendMessage({
      to: `user${sent}@example.com`,
      type: 'SignIn',
      payload: { code: String(100_000 + (sent % 900_000)), locale: 'en', application: { name: 'My App' } },
      ip: '127.0.0.1',
    });
    if (!result?.EnvId) throw new Error(`unexpected result ${JSON.stringify(result)}`);
  };

  let hostPid;
  const cpu = () => {
    hostPid ??= childPids((argv) => argv[0].endsWith('logto-connector-host') && argv[1] === 'serve')[0];
    return { node: ownCpuMs(), host: hostPid ? cpuMsOf(hostPid) : 0, sandbox: cpuMsOf(sandbox.pid) };
  };
  const phase = async (contender, count, inFlight) => {
    const before = cpu();
    const run = await drive(sendWith(contender.connector), { count, concurrency: inFlight, maxMs: phaseMaxMs });
    const after = cpu();
    await sandbox.clearOutbox();
    return { ...run, cpu: Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - before[key]])) };
  };

  // Warm-up (host start, JIT of Node code, connection pools), not recorded.
  for (const contender of contenders) {
    await phase(contender, 200, 1);
    await phase(contender, 1_000, concurrency);
  }

  const totals = Object.fromEntries(
    contenders.map(({ name }) => [name, { seq: [], parLatencies: [], parCount: 0, parMs: 0, roundRates: [], cpu: { seq: [], par: [] } }]),
  );
  for (let round = 0; round < rounds; round += 1) {
    for (const contender of round % 2 === 0 ? contenders : [...contenders].reverse()) {
      const total = totals[contender.name];
      const seq = await phase(contender, seqCount, 1);
      total.seq.push(...seq.latencies);
      total.cpu.seq.push({ ...seq.cpu, sends: seq.latencies.length });
      const par = await phase(contender, parCount, concurrency);
      total.parLatencies.push(...par.latencies);
      total.parCount += par.latencies.length;
      total.parMs += par.elapsedMs;
      total.roundRates.push((par.latencies.length / par.elapsedMs) * 1000);
      total.cpu.par.push({ ...par.cpu, sends: par.latencies.length });
    }
  }

  const perSend = (entries) => {
    const sends = entries.reduce((sum, entry) => sum + entry.sends, 0);
    const of = (key) => entries.reduce((sum, entry) => sum + entry[key], 0) / sends;
    return `node ${fmt(of('node'), 3)} / host ${fmt(of('host'), 3)} / sandbox ${fmt(of('sandbox'), 3)}`;
  };
  const rows = contenders.map(({ name }) => {
    const total = totals[name];
    const seq = summarize(total.seq);
    const par = summarize(total.parLatencies);
    return {
      connector: name,
      'seq p50': us(seq.p50),
      'seq p99': us(seq.p99),
      'seq sends': seq.count,
      [`${concurrency} in flight (sends/s)`]: fmt((total.parCount / total.parMs) * 1000, 0),
      'per-round sends/s': total.roundRates.map((rate) => fmt(rate, 0)).join(','),
      [`${concurrency}-in-flight p50`]: us(par.p50),
      [`${concurrency}-in-flight p99`]: us(par.p99),
      _seq: seq,
      _rate: (total.parCount / total.parMs) * 1000,
      _cpuSeq: perSend(total.cpu.seq),
      _cpuPar: perSend(total.cpu.par),
    };
  });
  const visible = (row) => Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith('_')));
  print(
    `End to end through @logto/cli's loader, flow-style sendMessage to the sandbox: ${rounds} alternating rounds of ` +
      `${seqCount} sequential and ${parCount} at ${concurrency} in flight per connector (package tarball ${setup.ours.bytes} bytes)`,
  );
  table(rows.map(visible), print);
  const [ours, official] = rows;
  const p50Ratio = ours._seq.p50 / official._seq.p50;
  const p99Ratio = ours._seq.p99 / official._seq.p99;
  const rateRatio = ours._rate / official._rate;
  print(`ratios ours/official: sequential p50 ${fmt(p50Ratio)} (target <= 1.0: ${p50Ratio <= 1 ? 'met' : 'MISSED'}), ` +
    `sequential p99 ${fmt(p99Ratio)}, throughput at ${concurrency} in flight ${fmt(rateRatio)} ` +
    `(target >= 1.5: ${rateRatio >= 1.5 ? 'met' : 'MISSED'})`);
  print('CPU ms per send (sequential):');
  for (const row of rows) print(`  ${row.connector.padEnd(8)} ${row._cpuSeq}`);
  print(`CPU ms per send (${concurrency} in flight):`);
  for (const row of rows) print(`  ${row.connector.padEnd(8)} ${row._cpuPar}`);
  if (hostPid) {
    const { rssMb, peakMb } = memoryOf(hostPid);
    print(`our host after ${sent} sends in all: RSS ${fmt(rssMb, 1)} MB (peak ${fmt(peakMb, 1)} MB); ` +
      `log lines counted, not printed: ${logged.lines}`);
  }
  if (logged.errors.length > 0) print(`errors logged: ${logged.errors.length}, first: ${logged.errors[0]}`);
} catch (error) {
  process.stderr.write(`${error.stack}\n${logged.errors.slice(0, 5).join('\n')}\n`);
  process.exitCode = 1;
} finally {
  restoreHttps();
  await sandbox.stop();
  setup.remove();
  // The bridge's host is a module-level child of this process; it exits with us (stdin closes, parent watchdog).
  process.exit(process.exitCode ?? 0);
}
