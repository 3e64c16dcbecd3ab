// The package as published (npm pack of the repository, lib/index.js rebuilt, the hosts scripts/build-host placed under
// host/publish) and the official connector, both installed into a scratch Logto instance by the real `logto connector add`.
import { execFile } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createLogtoInstance, packOfficialConnector } from '../../tests/node/support/logto-instance.mjs';
import { publishedHost, repoDir } from './common.mjs';

const run = promisify(execFile);

/** `npm pack` of this repository; fails when the published host for this platform is missing. Returns path and size. */
export async function packPackage(destination) {
  publishedHost();
  await run('npm', ['run', 'build'], { cwd: repoDir });
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { cwd: repoDir });
  const [packed] = JSON.parse(stdout);
  // `logto connector add` prefixes "connector-" to a path whose file name does not start with it.
  const tarball = path.join(destination, 'connector-aliyun-dm-dotnet.tgz');
  renameSync(path.join(destination, packed.filename), tarball);
  return { tarball, bytes: statSync(tarball).size, unpackedBytes: packed.unpackedSize, files: packed.files };
}

/** A scratch Logto instance with both connectors installed; `remove()` deletes it all. */
export async function instanceWithBothConnectors() {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-packages-'));
  const ours = await packPackage(scratch);
  const instance = createLogtoInstance();
  await instance.add(ours.tarball);
  await instance.add(await packOfficialConnector(scratch));
  return {
    instance,
    ours,
    remove() {
      instance.remove();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
