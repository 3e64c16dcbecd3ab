// A scratch Logto instance folder, as `logto connector add` and core's loader see one: packages/core/package.json named
// @logto/core, connectors under packages/core/connectors, and a node_modules that holds only what a Logto instance gives
// its connectors here (@logto/connector-kit and the official Aliyun connectors' dependencies), so a connector that relies
// on anything else fails to load, as it would in Logto.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { repoDir } from './artifacts.mjs';

const run = promisify(execFile);
const repoModules = path.join(repoDir, 'node_modules');

/** The official Aliyun connectors, installed as devDependencies: parity references, and neighbours in the e2e instance. */
export const officialConnectors = ['@logto/connector-aliyun-dm', '@logto/connector-aliyun-sms'];

export function createLogtoInstance() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logto-instance-'));
  mkdirSync(path.join(dir, 'packages/core'), { recursive: true });
  writeFileSync(path.join(dir, 'packages/core/package.json'), JSON.stringify({ name: '@logto/core' }));
  const dependencies = officialConnectors.flatMap(
    (name) => Object.keys(JSON.parse(readFileSync(path.join(repoModules, name, 'package.json'), 'utf8')).dependencies),
  );
  for (const name of new Set(['@logto/connector-kit', ...dependencies])) {
    mkdirSync(path.dirname(path.join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(path.join(repoModules, name), path.join(dir, 'node_modules', name), 'dir');
  }
  return {
    dir,
    connectorsDir: path.join(dir, 'packages/core/connectors'),
    /** `logto connector add <tarball> -p <instance>` with the real CLI; returns its output. */
    async add(tarball) {
      const cli = path.join(repoModules, '@logto/cli/bin/logto.js');
      const { stdout, stderr } = await run(process.execPath, [cli, 'connector', 'add', tarball, '-p', dir], { timeout: 120_000 });
      return `${stdout}${stderr}`;
    },
    /** The instance's own @logto/connector-kit module (the one core would use). */
    connectorKit: () => import(pathToFileURL(path.join(dir, 'node_modules/@logto/connector-kit/lib/index.js')).href),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Packs an installed official connector (no registry access) under a name `logto connector add` accepts as a path. */
export async function packOfficialConnector(destination, name = '@logto/connector-aliyun-dm') {
  const { stdout } = await run(
    'npm', ['pack', path.join(repoModules, name), '--json', '--ignore-scripts', '--pack-destination', destination],
  );
  const packed = path.join(destination, JSON.parse(stdout)[0].filename);
  const renamed = path.join(destination, `connector-official-${name.split('/connector-')[1]}.tgz`);
  rmSync(renamed, { force: true });
  await import('node:fs/promises').then(({ rename }) => rename(packed, renamed));
  return renamed;
}
