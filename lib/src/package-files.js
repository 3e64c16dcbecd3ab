// The package's own data files, read once at module load relative to the package directory (lib/index.js is one level
// below it when bundled, lib/src/*.js two levels when run from source).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const manifestFileName = 'logto-connector.manifest.json';

export function findPackageDir(moduleUrl) {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  for (let level = 0; level < 3; level += 1) {
    if (existsSync(path.join(dir, manifestFileName))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`${manifestFileName} not found above ${fileURLToPath(moduleUrl)}; the package is incomplete.`);
}

export function loadPackageFiles(packageDir) {
  const readJson = (relative) => {
    try {
      return JSON.parse(readFileSync(path.join(packageDir, relative), 'utf8'));
    } catch (error) {
      throw new Error(`Cannot read ${relative} from the connector package ${packageDir}: ${error.message}`);
    }
  };
  const manifest = readJson(manifestFileName);
  return {
    dir: packageDir,
    manifest,
    packageJson: readJson('package.json'),
    // The same file the host validates with (the manifest's configSchema), so both sides judge a config alike.
    configSchema: readJson(manifest.configSchema),
  };
}
