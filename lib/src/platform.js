// Picks the host executable for the running platform from the manifest's `host.executables` (RID -> package-relative
// path), or from the LOGTO_DOTNET_CONNECTOR_HOST override (an executable, or a framework-dependent .dll run with `dotnet`).
import { accessSync, chmodSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { HostError } from './errors.js';

export const hostOverrideVariable = 'LOGTO_DOTNET_CONNECTOR_HOST';

const osNames = { linux: 'linux', darwin: 'osx', win32: 'win' };
const archNames = { x64: 'x64', arm64: 'arm64', arm: 'arm', ia32: 'x86' };

let musl;

/** musl libc (Alpine, Logto's official Docker image) needs the linux-musl-* build of the host. Detected once. */
export function isMusl() {
  musl ??= detectMusl();
  return musl;
}

function detectMusl() {
  if (process.platform !== 'linux') return false;
  const header = process.report?.getReport?.()?.header;
  if (header) return !header.glibcVersionRuntime;
  if (existsSync('/etc/alpine-release')) return true;
  try {
    return readFileSync('/usr/bin/ldd', 'latin1').includes('musl');
  } catch {
    return false;
  }
}

/** The .NET runtime identifier of this process, e.g. linux-x64, linux-musl-x64, osx-arm64, win-x64. */
export function runtimeIdentifier({ platform = process.platform, arch = process.arch, musl = isMusl } = {}) {
  const os = osNames[platform] ?? platform;
  const cpu = archNames[arch] ?? arch;
  return os === 'linux' && (typeof musl === 'function' ? musl() : musl) ? `linux-musl-${cpu}` : `${os}-${cpu}`;
}

/**
 * @returns {{ command: string, args: string[], source: string }}
 * @throws {HostError} naming the platform when no executable fits
 */
export function resolveHostCommand({ manifest, packageDir, env = process.env, rid = runtimeIdentifier() }) {
  const args = manifest.host?.args ?? [];
  const override = env[hostOverrideVariable];
  if (override) {
    return override.endsWith('.dll')
      ? { command: 'dotnet', args: [override, ...args], source: `${hostOverrideVariable} (dotnet ${override})` }
      : { command: override, args, source: `${hostOverrideVariable} (${override})` };
  }
  const executables = manifest.host?.executables ?? {};
  const relative = executables[rid];
  if (!relative) {
    const shipped = Object.keys(executables).join(', ') || 'none';
    throw new HostError(
      'unavailable',
      `No connector host build for platform ${rid} (this package ships: ${shipped}). ` +
        `Build one with "dotnet publish host/Cli -r ${rid}" and set ${hostOverrideVariable} to its path.`,
      { platform: rid },
    );
  }
  const executable = path.resolve(packageDir, relative);
  if (!existsSync(executable) || !statSync(executable).isFile()) {
    throw new HostError(
      'unavailable',
      `The connector host for ${rid} is missing from the package (expected ${relative}); ` +
        `the package was packed without "npm run build:host", or set ${hostOverrideVariable}.`,
      { platform: rid, executable },
    );
  }
  ensureExecutable(executable);
  return { command: executable, args, source: `package (${relative})` };
}

// Some extractors drop the execute bit; restore it once rather than failing with EACCES.
function ensureExecutable(file) {
  if (process.platform === 'win32') return;
  try {
    accessSync(file, constants.X_OK);
  } catch {
    try {
      chmodSync(file, statSync(file).mode | 0o111);
    } catch {
      // read-only install: spawn reports EACCES with the path
    }
  }
}
