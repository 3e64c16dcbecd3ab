// Benchmark 1, cold start: spawn the host (`serve`, as the bridge spawns it) -> first `initialize` answer, seen from Node
// through the bridge's JSON-RPC client. Absolute times do not carry across machines (nor across days on one VM), so the
// published Native AOT host is reported as a ratio to a minimal Native AOT program that reads one frame and answers it
// (bench/MinimalResponder, published here unless --no-build), started alternately with the host in the same block. A second
// reference alternates with them: bench/MinimalSender, the least program that can do the host's sends (HTTPS client,
// HMAC-SHA1, JSON; it answers `initialize` with `{}`), whose start shows what carrying that stack costs any host. The
// framework-dependent JIT Release build follows in a block of its own. Each block starts after WARMUP unrecorded starts
// (page cache, not the process, is warmed).
// Usage: node bench/cold-start.mjs [--runs 20] [--no-build]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { protocolVersion } from '../lib/src/host-process.js';
import { RpcConnection } from '../lib/src/rpc-client.js';
import { fmt, jitHost, memoryOf, minimalResponder, minimalSender, now, percentile, publishedHost, table } from './support/common.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, 'no-build': { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const warmup = 2;

/** One start: spawn -> `initialize` answered. Returns the time and the host's RSS right after it answered. */
async function coldStart(host) {
  const t0 = now();
  const child = spawn(host.command, [...host.args, 'serve', '--parent-pid', String(process.pid)], { stdio: ['pipe', 'pipe', 'ignore'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const rpc = new RpcConnection(child.stdout, child.stdin, {
    onFatal: (error) => {
      console.error(`${host.name} host broke the protocol: ${error.message}`);
      child.kill('SIGKILL');
    },
  });
  const failed = exited.then((code) => Promise.reject(new Error(`${host.name} host exited with ${code} before answering`)));
  await Promise.race([rpc.request('initialize', { protocolVersion, client: { name: 'bench', version: '0' } }).result, failed]);
  const ms = now() - t0;
  const { rssMb } = memoryOf(child.pid);
  child.stdin.end();
  failed.catch(() => {});
  await exited;
  return { ms, rssMb };
}

/** The floor: spawn -> first stdout bytes of /bin/echo, i.e. what starting any process costs from this Node process. */
async function spawnFloor() {
  const t0 = now();
  const child = spawn('/bin/echo', ['x'], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  const ms = now() - t0;
  await new Promise((resolve) => child.once('close', resolve));
  return ms;
}

const aot = publishedHost();
const minimal = await minimalResponder({ build: !values['no-build'] });
const sender = await minimalSender({ build: !values['no-build'] });
const jit = await jitHost({ build: !values['no-build'] });
const hosts = [aot, minimal, sender, jit];
const floor = [];
const results = new Map(hosts.map((host) => [host.name, { ms: [], rssMb: [] }]));
const record = async (host) => {
  const { ms, rssMb } = await coldStart(host);
  results.get(host.name).ms.push(ms);
  results.get(host.name).rssMb.push(rssMb);
};
// The AOT host, the minimal responder and the floor alternate start by start, so a change in the machine's speed during
// the run weighs on all three alike. The JIT build comes after, in its own block: a JIT start keeps both cores busy for
// ~300 ms, and an AOT start right after one measured 1-3 ms slower.
for (let i = 0; i < warmup; i += 1) {
  await coldStart(aot);
  await coldStart(minimal);
  await coldStart(sender);
  await spawnFloor();
}
for (let i = 0; i < runs; i += 1) {
  await record(aot);
  await record(minimal);
  await record(sender);
  floor.push(await spawnFloor());
}
for (let i = 0; i < warmup; i += 1) await coldStart(jit);
for (let i = 0; i < runs; i += 1) await record(jit);

console.log(`Cold start: spawn -> first initialize answer, ${runs} starts each (after ${warmup} warm-up starts), ms`);
const rows = hosts.map(({ name, command }) => {
  const ms = Float64Array.from(results.get(name).ms).sort();
  const rss = Float64Array.from(results.get(name).rssMb).sort();
  return {
    host: name,
    median: fmt(percentile(ms, 50)),
    p90: fmt(percentile(ms, 90)),
    min: fmt(ms[0]),
    max: fmt(ms.at(-1)),
    'RSS after initialize (MB, median)': fmt(percentile(rss, 50), 1),
    binary: command.replace(`${process.cwd()}/`, ''),
  };
});
const echo = Float64Array.from(floor).sort();
rows.push({
  host: 'floor',
  median: fmt(percentile(echo, 50)),
  p90: fmt(percentile(echo, 90)),
  min: fmt(echo[0]),
  max: fmt(echo.at(-1)),
  'RSS after initialize (MB, median)': '-',
  binary: '/bin/echo (spawn -> first stdout byte)',
});
table(rows);
const median = (name) => Number(rows.find(({ host }) => host === name).median);
const ratio = median(aot.name) / median(minimal.name);
console.log(
  `AOT host / minimal responder median ratio: ${fmt(ratio)} (target <= 1.5: ${ratio <= 1.5 ? 'met' : 'MISSED'}); ` +
    `the host's own start: ${fmt(median(aot.name) - median(minimal.name))} ms; JIT/AOT: ${fmt(median(jit.name) / median(aot.name), 1)}x`,
);
console.log(
  `minimal sender / minimal responder: ${fmt(median(sender.name) / median(minimal.name))} (what an HTTPS client, HMAC and JSON ` +
    `cost any host's start); AOT host / minimal sender: ${fmt(median(aot.name) / median(sender.name))}`,
);
