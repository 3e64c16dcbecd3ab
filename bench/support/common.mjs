// Shared by the benchmarks: where the host builds are, how to start them and the sandbox, how to read a process's memory,
// and how to summarise latencies. Loopback only; every loop in the benchmarks is bounded by a count and by a time limit.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { HostProcess } from '../../lib/src/host-process.js';
import { runtimeIdentifier } from '../../lib/src/platform.js';
import { startSandbox as startSandboxProcess } from '../../tests/node/support/sandbox.mjs';

const run = promisify(execFile);
export const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const manifest = JSON.parse(readFileSync(path.join(repoDir, 'logto-connector.manifest.json'), 'utf8'));

/**
 * The published host the package ships for this platform (scripts/build-host), e.g. the Native AOT linux-x64 binary;
 * BENCH_AOT_HOST=<path> measures another build instead (e.g. one published with different switches).
 */
export function publishedHost() {
  if (process.env.BENCH_AOT_HOST) return { name: 'AOT', command: path.resolve(process.env.BENCH_AOT_HOST), args: [] };
  const rid = runtimeIdentifier();
  const relative = manifest.host.executables[rid];
  const file = relative && path.resolve(repoDir, relative);
  if (!file || !existsSync(file)) {
    throw new Error(`No published host for ${rid} at ${relative ?? '(not in the manifest)'}; run "scripts/build-host ${rid}" first.`);
  }
  return { name: 'AOT', command: file, args: [] };
}

/** The framework-dependent Release build (JIT), built here when asked: `dotnet build host/Cli -c Release`. */
export async function jitHost({ build = true } = {}) {
  const dir = path.join(repoDir, 'host/Cli/bin/Release/net10.0');
  if (build) {
    await run('dotnet', ['build', path.join(repoDir, 'host/Cli/Logto.ConnectorHost.Cli.csproj'), '-c', 'Release', '--nologo', '-v', 'q'], {
      cwd: repoDir,
      maxBuffer: 32 * 1024 * 1024,
    });
  }
  return { name: 'JIT', command: path.join(dir, 'logto-connector-host'), args: [] };
}

/**
 * bench/MinimalResponder published as Native AOT for this platform (the floor the host's cold start is compared with),
 * built here when asked, with the C compiler scripts/build-host would pick.
 */
export const minimalResponder = ({ build = true } = {}) =>
  publishBenchProgram({ label: 'minimal responder', project: 'MinimalResponder', assembly: 'minimal-responder', build });

/**
 * bench/MinimalSender published as Native AOT for this platform (the floor the host's memory under load is compared
 * with: one signed SingleSendMail POST per sendMessage frame, nothing else), built here when asked, like the responder.
 */
export const minimalSender = ({ build = true } = {}) =>
  publishBenchProgram({ label: 'minimal sender', project: 'MinimalSender', assembly: 'minimal-sender', build });

/** `dotnet publish -p:PublishAot=true` of a bench/<project> program to bench/<project>/publish/<rid>/<assembly>. */
async function publishBenchProgram({ label, project, assembly, build }) {
  const rid = runtimeIdentifier();
  const dir = path.join(repoDir, 'bench', project, 'publish', rid);
  const file = path.join(dir, assembly);
  if (build || !existsSync(file)) {
    const clang = process.env.PATH.split(':').flatMap((bin) => (existsSync(bin) ? readdirSync(bin) : [])).filter((name) => /^clang(-\d+)?$/.test(name));
    const newest = clang.sort((a, b) => Number(a.slice(6)) - Number(b.slice(6))).slice(-1);
    const cc = clang.includes('clang') ? [] : newest.map((name) => `-p:CppCompilerAndLinker=${name}`);
    const csproj = path.join(repoDir, 'bench', project, `${project}.csproj`);
    await run('dotnet', ['publish', csproj, '-c', 'Release', '-r', rid, '-p:PublishAot=true', ...cc, '-o', dir, '--nologo', '-v', 'q'], {
      cwd: repoDir,
      maxBuffer: 32 * 1024 * 1024,
    });
  }
  return { name: label, command: file, args: [] };
}

export const silentLogger = { error() {}, warn() {}, info() {}, log() {} };

/** The bridge's own process manager (lib/src/host-process.js) around one host build; logs discarded. */
export function bridgeHost(host, { logger = silentLogger } = {}) {
  return new HostProcess({
    resolveCommand: () => ({ command: host.command, args: [...host.args, 'serve'], source: host.name }),
    client: { name: 'bench', version: '0' },
    logger,
    callTimeoutMs: 60_000,
  });
}

/** `logto-aliyun-sandbox` (the Aliyun fake both connectors are pointed at), a Release build so that it costs the machine less. */
export const startSandbox = () => startSandboxProcess({ logLevel: 'warning', configuration: 'Release' });

/**
 * Resident set size of a process in MB (Linux /proc): total, peak, and its two parts: anonymous (the process's own heap,
 * GC regions, stacks) and file-backed (pages of the executable and shared libraries, shared with the page cache).
 */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024, anonMb: kb('RssAnon') / 1024, fileMb: kb('RssFile') / 1024 };
}

/**
 * Samples /proc/<pid>/smaps_rollup every `everyMs` until stop() and returns the peaks in MB: anonymous pages (heap, GC
 * regions, stacks, relocated data) and file-backed ones (the executable's and shared libraries' pages), each peak taken on
 * its own, and the peak of their sum. VmHWM alone cannot tell the two apart.
 */
export function sampleMemoryPeaks(pid, { everyMs = 20 } = {}) {
  const peaks = { anonMb: 0, fileMb: 0, rssMb: 0, samples: 0 };
  const sample = () => {
    let rollup;
    try {
      rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    } catch {
      return; // the process is gone
    }
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? NaN);
    const rss = kb('Rss') / 1024;
    const anon = kb('Anonymous') / 1024;
    peaks.rssMb = Math.max(peaks.rssMb, rss);
    peaks.anonMb = Math.max(peaks.anonMb, anon);
    peaks.fileMb = Math.max(peaks.fileMb, rss - anon);
    peaks.samples += 1;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}

/** Resident MB of each file a process maps (/proc/<pid>/smaps), largest first: which files the file-backed pages are. */
export function residentFiles(pid) {
  const byFile = new Map();
  let file;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ (\d+)\s*(.*)$/.exec(line);
    if (mapping) {
      file = mapping[1] !== '0' && mapping[2].startsWith('/') ? mapping[2] : undefined;
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && file) byFile.set(file, (byFile.get(file) ?? 0) + Number(rss[1]) / 1024);
  }
  return [...byFile].sort((a, b) => b[1] - a[1]).map(([path, mb]) => ({ path, mb }));
}

export const now = () => Number(process.hrtime.bigint()) / 1e6;

/** p-th percentile (0..100) of a sorted array, nearest rank. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarize(latenciesMs, elapsedMs) {
  const sorted = Float64Array.from(latenciesMs).sort();
  return {
    count: sorted.length,
    perSecond: elapsedMs ? (sorted.length / elapsedMs) * 1000 : NaN,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    min: sorted[0],
    max: sorted.at(-1),
  };
}

/**
 * Calls `once()` `count` times with `concurrency` calls in flight, stopping early after `maxMs`.
 * Returns each call's latency (ms) and the elapsed time of the whole run.
 */
export async function drive(once, { count, concurrency = 1, maxMs }) {
  const latencies = [];
  const start = now();
  let issued = 0;
  const worker = async () => {
    while (issued < count && now() - start < maxMs) {
      issued += 1;
      const t0 = now();
      await once();
      latencies.push(now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, elapsedMs: now() - start };
}

export const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const us = (ms) => `${fmt(ms * 1000, 0)} µs`;

/** Prints rows of objects as an aligned plain-text table. */
export function table(rows, print = console.log) {
  const keys = Object.keys(rows[0]);
  const widths = keys.map((key) => Math.max(key.length, ...rows.map((row) => String(row[key]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ').trimEnd();
  print(line(keys));
  for (const row of rows) print(line(keys.map((key) => row[key])));
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMsOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** This process's CPU time so far, in ms. */
export const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Pids of this process's children whose arguments (argv, NUL-separated in /proc) satisfy `test`. */
export function childPids(test) {
  const pids = readdirSync(`/proc/${process.pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean),
  );
  return pids.map(Number).filter((pid) => {
    try {
      return test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'));
    } catch {
      return false;
    }
  });
}
