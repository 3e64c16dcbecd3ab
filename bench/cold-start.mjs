// Benchmark 1, cold start: spawn the host (`serve`, as the bridge spawns it) -> first `initialize` answer, seen from Node
// through the bridge's JSON-RPC client. The published Native AOT host and the framework-dependent JIT Release build are
// started RUNS times each, in a block of their own after WARMUP unrecorded starts (page cache, not the process, is warmed).
// Usage: node bench/cold-start.mjs [--runs 20] [--no-build]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { RpcConnection } from '../lib/src/rpc-client.js';
import { fmt, jitHost, memoryOf, now, percentile, publishedHost, table } from './support/common.mjs';

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
  await Promise.race([rpc.request('initialize', { protocolVersion: '1', client: { name: 'bench', version: '0' } }).result, failed]);
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

const hosts = [publishedHost(), await jitHost({ build: !values['no-build'] })];
const floor = [];
const results = new Map(hosts.map((host) => [host.name, { ms: [], rssMb: [] }]));
// Each build in its own block, not interleaved: a JIT start keeps both cores of this machine busy for ~300 ms, and an AOT
// start right after one measured 1-3 ms slower. The floor is taken alongside the AOT starts.
for (const host of hosts) {
  for (let i = 0; i < warmup + runs; i += 1) {
    const { ms, rssMb } = await coldStart(host);
    if (i < warmup) continue;
    results.get(host.name).ms.push(ms);
    results.get(host.name).rssMb.push(rssMb);
    if (host === hosts[0]) floor.push(await spawnFloor());
  }
}

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
rows.push({ host: 'floor', median: fmt(percentile(echo, 50)), p90: fmt(percentile(echo, 90)), min: fmt(echo[0]), max: fmt(echo.at(-1)), 'RSS after initialize (MB, median)': '-', binary: '/bin/echo (spawn -> first stdout byte)' });
table(rows);
const [aot, jit] = rows;
console.log(`JIT/AOT median ratio: ${fmt(Number(jit.median) / Number(aot.median), 1)}x; target AOT median <= 10 ms: ${Number(aot.median) <= 10 ? 'met' : 'MISSED'}`);
