// Benchmark 4, host memory: the host's resident set (VmRSS, and the peak VmHWM) right after it answered `initialize`,
// then after SENDS sendMessage calls through the bridge's client to the sandbox (64 in flight), for the published Native
// AOT host and the JIT Release build. The host runs as the bridge runs it (`serve`, default log level; logs discarded).
// During the sends /proc/<pid>/smaps_rollup is sampled every 20 ms for the peaks of anonymous and file-backed pages apart.
// Usage: node bench/memory.mjs [--sends 10000] [--no-build] [--aot-only]
import { parseArgs } from 'node:util';
import {
  bridgeHost, drive, fmt, jitHost, memoryOf, publishedHost, residentFiles, sampleMemoryPeaks, startSandbox, table,
} from './support/common.mjs';

const { values } = parseArgs({
  options: {
    sends: { type: 'string', default: '10000' },
    'no-build': { type: 'boolean', default: false },
    'aot-only': { type: 'boolean', default: false },
  },
});
const sends = Number(values.sends);
const hosts = [publishedHost(), ...(values['aot-only'] ? [] : [await jitHost({ build: !values['no-build'] })])];
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

const rows = [];
try {
  for (const host of hosts) {
    const bridge = bridgeHost(host);
    try {
      await bridge.call('ping');
      const started = memoryOf(bridge.pid);
      let n = 0;
      const send = async () => {
        n += 1;
        await bridge.call('sendMessage', {
          connectorId: 'aliyun-direct-mail-dotnet',
          to: `user${n}@example.com`,
          type: 'SignIn',
          payload: { code: String(100_000 + n), application: { name: 'My App' } },
          config,
        });
        if (n % 2_000 === 0) await sandbox.clearOutbox();
      };
      const sampler = sampleMemoryPeaks(bridge.pid);
      const { latencies, elapsedMs } = await drive(send, { count: sends, concurrency: 64, maxMs: 120_000 });
      const peaks = sampler.stop();
      const afterSends = memoryOf(bridge.pid);
      const files = residentFiles(bridge.pid)
        .slice(0, 4)
        .map(({ path, mb }) => `${path.split('/').at(-1)} ${fmt(mb, 1)}`)
        .join(', ');
      rows.push({
        host: host.name,
        'RSS after start': fmt(started.rssMb, 1),
        [`RSS after ${latencies.length} sends`]: fmt(afterSends.rssMb, 1),
        'of which anon / file': `${fmt(afterSends.anonMb, 1)} / ${fmt(afterSends.fileMb, 1)}`,
        'peak RSS': fmt(afterSends.peakMb, 1),
        'peak anon / file (sampled)': `${fmt(peaks.anonMb, 1)} / ${fmt(peaks.fileMb, 1)}`,
        'sends/s': fmt((latencies.length / elapsedMs) * 1000, 0),
        'file-backed, largest (MB)': files,
        _peak: afterSends.peakMb,
        _split: peaks,
      });
    } finally {
      await bridge.stop();
    }
  }
} finally {
  await sandbox.stop();
}

console.log(
  'Host memory in MB (VmRSS, RssAnon, RssFile, VmHWM from /proc; peaks of anonymous and file-backed pages each on its own, ' +
    'from smaps_rollup every 20 ms), sendMessage through the bridge to the sandbox, 64 in flight',
);
table(rows.map(({ _peak, _split, ...row }) => row));
const { _peak: peak, _split: split } = rows[0];
console.log(
  `target AOT peak RSS <= 16 MB under ${sends} sends: ${peak <= 16 ? 'met' : `MISSED by ${fmt(peak - 16, 1)} MB`} ` +
    `(peak ${fmt(peak, 1)} MB; anonymous peak ${fmt(split.anonMb, 1)} MB, file-backed peak ${fmt(split.fileMb, 1)} MB)`,
);
