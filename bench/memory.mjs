// Benchmark 4, host memory: the host's resident set (VmRSS, and the peak VmHWM) right after it answered `initialize`,
// then after SENDS sendMessage calls through the bridge's client to the sandbox (64 in flight), for the published Native
// AOT host and the JIT Release build. The host runs as the bridge runs it (`serve`, default log level; logs discarded).
// During the sends /proc/<pid>/smaps_rollup is sampled every 20 ms for the peaks of anonymous and file-backed pages apart.
// The floor: the same sends, same params, same sandbox, through bench/MinimalSender (a Native AOT program that does only
// the signed POST per send; published here unless --no-build) over a raw JSON-RPC connection; the AOT host's peak is
// reported as a ratio to its peak, measured in the same run.
// Usage: node bench/memory.mjs [--sends 10000] [--no-build] [--aot-only]
import { spawn } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RpcConnection } from '../lib/src/rpc-client.js';
import {
  bridgeHost, drive, fmt, jitHost, memoryOf, minimalSender, publishedHost, residentFiles, sampleMemoryPeaks, startSandbox, table,
} from './support/common.mjs';

const { values } = parseArgs({
  options: {
    sends: { type: 'string', default: '10000' },
    'no-build': { type: 'boolean', default: false },
    'aot-only': { type: 'boolean', default: false },
  },
});
const sends = Number(values.sends);
const aot = publishedHost();
const floor = await minimalSender({ build: !values['no-build'] });
const jit = values['aot-only'] ? [] : [await jitHost({ build: !values['no-build'] })];
const sandbox = await startSandbox();
const config = {
  accessKeyId: 'sandbox-access-key-id',
  accessKeySecret: 'sandbox-access-key-secret',
  accountName: 'noreply@mail.example.com',
  endpoint: sandbox.endpoint,
  templates: ['SignIn', 'Register', 'ForgotPassword', 'Generic'].map((usageType) => ({
    usageType,
    subject: `${usageType} code {{code}}`,
    content: `<p>Your ${usageType} code is <b>{{code}}</b> for {{application.name}}</p>`,
  })),
};

/** A host build run as the bridge runs it: `call(method, params)`, its pid once started, `stop()`. */
function viaBridge(host) {
  const bridge = bridgeHost(host);
  return { call: (method, params) => bridge.call(method, params), pid: () => bridge.pid, stop: () => bridge.stop() };
}

/** The floor, spoken to over the bridge's JSON-RPC framing, without its process manager. */
function viaRpc(program) {
  const child = spawn(program.command, program.args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const failed = exited.then((code) => Promise.reject(new Error(`${program.name} exited with ${code}`)));
  failed.catch(() => {});
  const rpc = new RpcConnection(child.stdout, child.stdin, {
    onFatal: (error) => {
      console.error(`${program.name} broke the protocol: ${error.message}`);
      child.kill('SIGKILL');
    },
  });
  return {
    call: (method, params) => Promise.race([rpc.request(method, params).result, failed]),
    pid: () => child.pid,
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

/** Accepted SingleSendMail requests the sandbox logged between two instants (its exchange log keeps the latest 100,000). */
async function acceptedBetween(from, to) {
  const exchanges = await sandbox.exchanges();
  return exchanges.filter(({ outcome, action, at }) => {
    const time = Date.parse(at);
    return outcome === 'accepted' && action === 'SingleSendMail' && time >= from && time <= to;
  }).length;
}

/** `count` sends through one process, 64 in flight; every answer must carry the sandbox's EnvId. */
async function sendAll(target, count) {
  let n = 0;
  const send = async () => {
    n += 1;
    const result = await target.call('sendMessage', {
      connectorId: 'aliyun-direct-mail-dotnet',
      to: `user${n}@example.com`,
      type: 'SignIn',
      payload: { code: String(100_000 + n), application: { name: 'My App' } },
      config,
    });
    if (typeof result?.EnvId !== 'string') throw new Error(`sendMessage answered without an EnvId: ${JSON.stringify(result)}`);
    if (n % 2_000 === 0) await sandbox.clearOutbox();
  };
  return drive(send, { count, concurrency: 64, maxMs: 120_000 });
}

/** Resident MB of one mapped file of a process (the first whose path matches), from residentFiles(). */
const residentOf = (files, test) => files.find(({ path }) => test(path))?.mb ?? NaN;

async function measure(build, target) {
  try {
    await target.call('ping');
    const pid = target.pid();
    const started = memoryOf(pid);
    const sampler = sampleMemoryPeaks(pid);
    const from = Date.now();
    const { latencies, elapsedMs } = await sendAll(target, sends);
    const to = Date.now();
    const peaks = sampler.stop();
    const afterSends = memoryOf(pid);
    const files = residentFiles(pid);
    const binary = realpathSync(build.command);
    return {
      host: build.name,
      'RSS after start': fmt(started.rssMb, 1),
      [`RSS after ${latencies.length} sends`]: fmt(afterSends.rssMb, 1),
      'of which anon / file': `${fmt(afterSends.anonMb, 1)} / ${fmt(afterSends.fileMb, 1)}`,
      'peak RSS': fmt(afterSends.peakMb, 1),
      'peak anon / file (sampled)': `${fmt(peaks.anonMb, 1)} / ${fmt(peaks.fileMb, 1)}`,
      'sends/s': fmt((latencies.length / elapsedMs) * 1000, 0),
      'file-backed, largest (MB)': files
        .slice(0, 4)
        .map(({ path, mb }) => `${path.split('/').at(-1)} ${fmt(mb, 1)}`)
        .join(', '),
      _peak: afterSends.peakMb,
      _split: peaks,
      _sends: latencies.length,
      _accepted: await acceptedBetween(from, to),
      _binaryMb: statSync(binary).size / 1024 / 1024,
      _binaryResidentMb: residentOf(files, (path) => path === binary),
      _libcryptoMb: residentOf(files, (path) => /\/libcrypto\.so[^/]*$/.test(path)),
      _libcMb: residentOf(files, (path) => /\/libc\.so[^/]*$/.test(path)),
    };
  } finally {
    await target.stop();
  }
}

const rows = [];
try {
  // Unmeasured: the sandbox's own first thousands of requests run while .NET still compiles its hot paths, and would slow
  // whichever build went first.
  const warmUp = viaRpc(floor);
  await sendAll(warmUp, Math.min(sends, 2_000)).finally(() => warmUp.stop());
  rows.push(await measure(aot, viaBridge(aot)));
  rows.push(await measure({ ...floor, name: 'floor' }, viaRpc(floor)));
  for (const host of jit) rows.push(await measure(host, viaBridge(host)));
} finally {
  await sandbox.stop();
}

console.log(
  'Host memory in MB (VmRSS, RssAnon, RssFile, VmHWM from /proc; peaks of anonymous and file-backed pages each on its own, ' +
    'from smaps_rollup every 20 ms), sendMessage through the bridge to the sandbox, 64 in flight; floor: bench/MinimalSender, ' +
    'the same sends over a raw JSON-RPC connection',
);
table(rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith('_')))));
console.log('\nPeak RSS split against the floor, MB (own binary, libcrypto and libc: resident after the sends)');
table(
  rows.map((row) => ({
    build: row.host,
    'peak RSS': fmt(row._peak, 1),
    'peak anon': fmt(row._split.anonMb, 1),
    'peak file': fmt(row._split.fileMb, 1),
    'own binary resident / size': `${fmt(row._binaryResidentMb, 1)} / ${fmt(row._binaryMb, 1)}`,
    libcrypto: fmt(row._libcryptoMb, 1),
    libc: fmt(row._libcMb, 1),
    'sandbox accepted': `${row._accepted} of ${row._sends}`,
  })),
);
const [host, least] = rows;
console.log(
  `AOT host peak RSS = ${fmt(host._peak / least._peak)} x the floor's (${fmt(host._peak, 1)} vs ${fmt(least._peak, 1)} MB; ` +
    `anonymous ${fmt(host._split.anonMb, 1)} vs ${fmt(least._split.anonMb, 1)}, ` +
    `file-backed ${fmt(host._split.fileMb, 1)} vs ${fmt(least._split.fileMb, 1)})`,
);
for (const row of rows) {
  if (row._accepted !== row._sends) {
    console.log(`WARNING: the sandbox logged ${row._accepted} accepted sends from ${row.host}, not ${row._sends}`);
  }
}
const { _peak: peak, _split: split } = host;
console.log(
  `target AOT peak RSS <= 16 MB under ${sends} sends: ${peak <= 16 ? 'met' : `MISSED by ${fmt(peak - 16, 1)} MB`} ` +
    `(peak ${fmt(peak, 1)} MB; anonymous peak ${fmt(split.anonMb, 1)} MB, file-backed peak ${fmt(split.fileMb, 1)} MB)`,
);
