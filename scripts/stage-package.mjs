#!/usr/bin/env node
// Stages a connector package for `npm pack` (its prepack script): bundles the bridge (lib/src) into <package>/lib/index.js,
// and for a package other than the repository root copies in what its manifest names — the config schema from schema/ and
// the host builds from host/publish/ (built first with scripts/build-host unless --no-host). Every package ships the same
// bridge and the same host; only the manifest, logo and README are its own.
// The npm packages the bundle holds (ajv and its dependencies) are no dependencies of the package, so `npm audit` and SBOM
// tools cannot see them: lib/bundled-packages.json lists them (name, version, licence, purl, from esbuild's metafile) and
// lib/THIRD-PARTY-NOTICES.md carries their licence texts.
//   node scripts/stage-package.mjs <package-dir> [--no-host]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const bundledPackagesFile = 'lib/bundled-packages.json';
export const noticesFile = 'lib/THIRD-PARTY-NOTICES.md';
const licenseFileName = /^(licen[cs]e|copying)(\.(md|txt))?$/i;

/**
 * The npm packages whose code esbuild put into the bundle: every input under node_modules with bytes in the output belongs
 * to the package folder that holds it (the innermost node_modules/<name> or node_modules/@scope/<name>).
 * @param {import('esbuild').Metafile} metafile
 * @param {string} workingDir what the metafile's paths are relative to
 */
export function bundledPackages(metafile, workingDir) {
  const folders = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const folder = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll('\\', '/'))?.[1];
      if (folder && bytesInOutput > 0) folders.add(path.resolve(workingDir, folder));
    }
  }
  return [...folders]
    .map((folder) => {
      const { name, version, license } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
      const licenseFiles = readdirSync(folder).filter((file) => licenseFileName.test(file)).sort();
      if (typeof license !== 'string' || licenseFiles.length === 0) {
        throw new Error(`The bundle holds ${name}@${version}, which names no SPDX licence or ships no licence file.`);
      }
      const licenseText = licenseFiles.map((file) => readFileSync(path.join(folder, file), 'utf8').trim()).join('\n\n');
      const purl = `pkg:npm/${name.replace(/^@/, '%40')}@${version}`;
      return { name, version, license, purl, licenseText };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Writes the list and the notices next to the bundle.
 * @param {string} dir the package folder
 * @param {ReturnType<typeof bundledPackages>} packages
 */
function writeBundledPackages(dir, packages) {
  const list = {
    description: 'npm packages bundled into lib/index.js, so not among its dependencies; licence texts in THIRD-PARTY-NOTICES.md.',
    bundle: 'lib/index.js',
    packages: packages.map(({ name, version, license, purl }) => ({ name, version, license, purl })),
  };
  writeFileSync(path.join(dir, bundledPackagesFile), `${JSON.stringify(list, null, 2)}\n`);
  const sections = packages.map(({ name, version, license, licenseText }) => {
    const fence = licenseText.includes('```') ? '~~~~' : '```';
    return `## ${name} ${version} (${license})\n\n${fence}text\n${licenseText}\n${fence}\n`;
  });
  const intro =
    '# Third-party notices\n\nlib/index.js bundles these npm packages (listed in lib/bundled-packages.json). Their licences follow.\n';
  writeFileSync(path.join(dir, noticesFile), [intro, ...sections].join('\n'));
}

export async function stagePackage(packageDir, { host = true } = {}) {
  const dir = path.resolve(packageDir);
  const { metafile } = await build({
    entryPoints: [path.join(repoDir, 'lib/src/index.js')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@logto/connector-kit'],
    legalComments: 'eof',
    logLevel: 'warning',
    absWorkingDir: repoDir,
    metafile: true,
    outfile: path.join(dir, 'lib/index.js'),
  });
  writeBundledPackages(dir, bundledPackages(metafile, repoDir));
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
