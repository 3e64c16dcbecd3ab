// Picks the host executable for the running platform from the manifest's `host.executables` (RID -> package-relative
// path), or from the LOGTO_DOTNET_CONNECTOR_HOST override (an executable, or a framework-dependent .dll run with `dotnet`).
import { accessSync, chmodSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { HostError } from './host-error.js';

export const hostOverrideVariable = 'LOGTO_DOTNET_CONNECTOR_HOST';

/** @type {Record<string, string | undefined>} Node's process.platform -> .NET's OS part of a runtime identifier */
const osNames = { linux: 'linux', darwin: 'osx', win32: 'win' };
/** @type {Record<string, string | undefined>} Node's process.arch -> .NET's architecture part */
const archNames = { x64: 'x64', arm64: 'arm64', arm: 'arm', ia32: 'x86' };

/** @type {boolean | undefined} */
let musl;

/** musl libc (Alpine, Logto's official Docker image) needs the linux-musl-* build of the host. Detected once. */
export function isMusl() {
  musl ??= detectMusl();
  return musl;
}

function detectMusl() {
  if (process.platform !== 'linux') return false;
  // @types/node types the report as `object`; its header is documented to hold glibcVersionRuntime on glibc only.
  const report = /** @type {{ header?: { glibcVersionRuntime?: string } } | undefined} */ (process.report?.getReport?.());
  const header = report?.header;
  if (header) return !header.glibcVersionRuntime;
  if (existsSync('/etc/alpine-release')) return true;
  try {
    return readFileSync('/usr/bin/ldd', 'latin1').includes('musl');
  } catch {
    return false;
  }
}

/**
 * The .NET runtime identifier of this process, e.g. linux-x64, linux-musl-x64, osx-arm64, win-x64.
 * @param {{ platform?: string, arch?: string, musl?: boolean | (() => boolean) }} [running] this process unless given
 */
export function runtimeIdentifier({ platform = process.platform, arch = process.arch, musl = isMusl } = {}) {
  const os = osNames[platform] ?? platform;
  const cpu = archNames[arch] ?? arch;
  return os === 'linux' && (typeof musl === 'function' ? musl() : musl) ? `linux-musl-${cpu}` : `${os}-${cpu}`;
}

/**
 * @param {object} options
 * @param {{ host?: Partial<import('./package-files.js').HostManifest> }} options.manifest
 * @param {string} options.packageDir what the manifest's paths are relative to
 * @param {NodeJS.ProcessEnv} [options.env]
 * @param {string} [options.rid] the runtime identifier to pick for
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
/** @param {string} file */
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
