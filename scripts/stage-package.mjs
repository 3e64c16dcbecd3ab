#!/usr/bin/env node
// Stages a connector package for `npm pack` (its prepack script): bundles the bridge (lib/src) into <package>/lib/index.js,
// and for a package other than the repository root copies in what its manifest names — the config schema from schema/ and
// the host builds from host/publish/ (built first with scripts/build-host unless --no-host). Every package ships the same
// bridge and the same host; only the manifest, logo and README are its own.
//   node scripts/stage-package.mjs <package-dir> [--no-host]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function stagePackage(packageDir, { host = true } = {}) {
  const dir = path.resolve(packageDir);
  await build({
    entryPoints: [path.join(repoDir, 'lib/src/index.js')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@logto/connector-kit'],
    legalComments: 'eof',
    logLevel: 'warning',
    outfile: path.join(dir, 'lib/index.js'),
  });
  // Progress to stderr: `npm pack --json` prints the prepack's stdout before its own JSON.
  if (host) execFileSync(path.join(repoDir, 'scripts/build-host'), { stdio: ['ignore', process.stderr, process.stderr] });
  if (dir === repoDir) return;

  const manifest = JSON.parse(readFileSync(path.join(dir, 'logto-connector.manifest.json'), 'utf8'));
  const copy = (relative) => {
    const from = path.join(repoDir, relative);
    if (!existsSync(from)) {
      throw new Error(`${relative} is missing; ${relative.startsWith('host/') ? 'run scripts/build-host' : 'generate it'} first.`);
    }
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    cpSync(from, path.join(dir, relative));
  };
  copy(manifest.configSchema);
  if (host) for (const executable of Object.values(manifest.host.executables)) copy(executable);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const packageDir = args.find((arg) => !arg.startsWith('--'));
  if (!packageDir) {
    console.error('usage: node scripts/stage-package.mjs <package-dir> [--no-host]');
    process.exit(2);
  }
  await stagePackage(packageDir, { host: !args.includes('--no-host') });
}
