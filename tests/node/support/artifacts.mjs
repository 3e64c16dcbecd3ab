// Builds what the Node tests need, once per `node --test` run (test files run as children of one runner process, so the
// runner's pid identifies the run), under a lock because test files may run in parallel:
//   - the host: `dotnet build host/Cli` (Debug, framework-dependent; the AOT publish is too slow for every test run),
//   - the Aliyun sandbox: `dotnet build connector/Sandbox` (a dev tool of its own, not part of the host or the package),
//   - the package: `npm run build` (lib/index.js), then `npm pack` of the package's own `files`, with a host placed where
//     the manifest's `host.executables` says the host for this platform lives: the published one (scripts/build-host,
//     Native AOT on linux-x64) when it is there and newer than every host and connector source, else the Debug build.
//     LOGTO_TEST_HOST=published requires the published host (scripts/test builds it first); =debug forces the Debug build.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runtimeIdentifier } from '../../../lib/src/platform.js';
import { stagePackage } from '../../../scripts/stage-package.mjs';
import { isGone } from './processes.mjs';

const run = promisify(execFile);
export const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const workDir = path.join(repoDir, 'artifacts', 'node-test');
export const hostBuildDir = path.join(repoDir, 'host/Cli/bin/Debug/net10.0');
export const hostDll = path.join(hostBuildDir, 'logto-connector-host.dll');
const sandboxProject = path.join(repoDir, 'connector/Sandbox/Logto.Connector.AliyunSandbox.csproj');
const sandboxDllOf = (configuration) => path.join(repoDir, 'connector/Sandbox/bin', configuration, 'net10.0/logto-aliyun-sandbox.dll');
const lockDir = path.join(workDir, '.lock');
const stampFile = path.join(workDir, 'stamp.json');
const runId = String(process.ppid);

/** The connector packages this repository builds: the root is Direct Mail's, every further one has its own folder. */
export const packages = {
  directMail: { dir: repoDir, id: 'aliyun-direct-mail-dotnet', tarball: 'connector-aliyun-dm-dotnet.tgz' },
  sms: {
    dir: path.join(repoDir, 'connector/AliyunSms/package'),
    id: 'aliyun-short-message-service-dotnet',
    tarball: 'connector-aliyun-sms-dotnet.tgz',
  },
};

export async function withLock(work) {
  mkdirSync(workDir, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let owner = 0;
      try {
        owner = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
      } catch {
        // the holder has not written its pid yet, or just released the lock
      }
      if (owner && isGone(owner)) rmSync(lockDir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

const readStamp = () => (existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : {});

async function dotnetBuild(project, configuration = 'Debug') {
  const args = ['build', project, '-c', configuration, '--nologo', '-v', 'q'];
  try {
    await run('dotnet', args, { cwd: repoDir, maxBuffer: 32 * 1024 * 1024 });
  } catch {
    // Other work in the tree may hold build outputs for a moment; one retry, then the real error.
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    await run('dotnet', args, { cwd: repoDir, maxBuffer: 32 * 1024 * 1024 }).catch((error) => {
      throw new Error(`dotnet build ${path.relative(repoDir, project)} failed:\n${error.stdout}\n${error.stderr}`);
    });
  }
}

const dotnetBuildHost = () => dotnetBuild(path.join(repoDir, 'host/Cli/Logto.ConnectorHost.Cli.csproj'));

/** Builds host/Cli (Debug) once per test run; returns the path of logto-connector-host.dll. */
export async function ensureHost() {
  return withLock(async () => {
    const stamp = readStamp();
    if (stamp.hostRun !== runId || !existsSync(hostDll)) {
      await dotnetBuildHost();
      writeFileSync(stampFile, JSON.stringify({ ...readStamp(), hostRun: runId }));
    }
    return hostDll;
  });
}

/**
 * Builds the Aliyun sandbox (connector/Sandbox) once per test run; returns the path of logto-aliyun-sandbox.dll (run it with
 * `dotnet`). Debug for the tests; the benchmarks ask for Release so that the fake costs the machine less.
 */
export async function ensureSandbox({ configuration = 'Debug' } = {}) {
  const dll = sandboxDllOf(configuration);
  return withLock(async () => {
    const stamp = readStamp();
    const key = `sandboxRun${configuration}`;
    if (stamp[key] !== runId || !existsSync(dll)) {
      await dotnetBuild(sandboxProject, configuration);
      writeFileSync(stampFile, JSON.stringify({ ...readStamp(), [key]: runId }));
    }
    return dll;
  });
}

// What the host binary is built from; a published host older than any of these is stale.
const hostSources = ['host/Cli', 'host/Hosting', 'connector', 'schema', 'Directory.Build.props', 'Directory.Packages.props'];

function newestSourceMtime(entry = '') {
  const full = path.join(repoDir, entry);
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(full)) {
    // Build outputs, and a connector's npm package folder, which staging fills (connector/*/package is no host source).
    if (['bin', 'obj', 'publish', 'node_modules', 'package'].includes(child)) continue;
    // The sandbox is a dev tool of its own: not in the host binary.
    if (path.join(entry, child) === path.join('connector', 'Sandbox')) continue;
    newest = Math.max(newest, newestSourceMtime(path.join(entry, child)));
  }
  return newest;
}

/**
 * The host the staged package ships: `{ kind: 'published', file }` (scripts/build-host's binary for this platform) or
 * `{ kind: 'debug', reason }`. See the header for LOGTO_TEST_HOST.
 */
export function hostUnderTest(env = process.env) {
  const wanted = env.LOGTO_TEST_HOST ?? 'auto';
  if (wanted === 'debug') return { kind: 'debug', reason: 'LOGTO_TEST_HOST=debug' };
  const manifest = JSON.parse(readFileSync(path.join(repoDir, 'logto-connector.manifest.json'), 'utf8'));
  const relative = manifest.host.executables[runtimeIdentifier()];
  const file = relative && path.resolve(repoDir, relative);
  let problem;
  if (!file || !existsSync(file)) {
    problem = `no published host at ${relative ?? `(none listed for ${runtimeIdentifier()})`}`;
  } else if (statSync(file).mtimeMs < Math.max(...hostSources.map(newestSourceMtime))) {
    problem = `the published host ${relative} is older than the host or connector sources`;
  }
  if (!problem) return { kind: 'published', file };
  if (wanted === 'published') throw new Error(`LOGTO_TEST_HOST=published, but ${problem}; run scripts/build-host ${runtimeIdentifier()}.`);
  return { kind: 'debug', reason: problem };
}

/** Where a package is staged before it is packed: exactly the files `npm pack` ships, the host for this platform included. */
export const stagedPackageDir = (pkg = packages.directMail) => path.join(workDir, `stage-${pkg.id}`);

async function packPackage(pkg) {
  await stagePackage(pkg.dir, { host: false });
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkg.dir });
  const stage = stagedPackageDir(pkg);
  rmSync(stage, { recursive: true, force: true });
  for (const { path: file } of JSON.parse(stdout)[0].files) {
    if (file.startsWith('host/publish/')) continue;
    mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    cpSync(path.join(pkg.dir, file), path.join(stage, file));
  }
  const manifest = JSON.parse(readFileSync(path.join(stage, 'logto-connector.manifest.json'), 'utf8'));
  const executable = manifest.host.executables[runtimeIdentifier()];
  const host = hostUnderTest();
  if (host.kind === 'published') {
    cpSync(host.file, path.join(stage, executable));
  } else {
    cpSync(hostBuildDir, path.join(stage, path.dirname(executable)), { recursive: true });
  }
  writeFileSync(path.join(workDir, 'staged-host.json'), JSON.stringify(host));
  const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], { cwd: stage });
  const tarball = path.join(workDir, pkg.tarball);
  // `logto connector add` prefixes "connector-" to a path whose file name does not start with it.
  renameSync(path.join(workDir, JSON.parse(packed.stdout)[0].filename), tarball);
  return tarball;
}

/**
 * Builds lib/index.js and the host, then packs a package (Direct Mail's by default); once per test run and package.
 * Returns the tarball's path.
 */
export async function ensurePackage(pkg = packages.directMail) {
  await ensureHost();
  return withLock(async () => {
    const stamp = readStamp();
    const tarball = path.join(workDir, pkg.tarball);
    if (stamp.packRuns?.[pkg.id] !== runId || !existsSync(tarball)) {
      await packPackage(pkg);
      const current = readStamp();
      writeFileSync(stampFile, JSON.stringify({ ...current, packRuns: { ...current.packRuns, [pkg.id]: runId } }));
    }
    return tarball;
  });
}
