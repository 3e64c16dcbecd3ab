// The package's own data files, read once at module load relative to the package directory (lib/index.js is one level
// below it when bundled, lib/src/*.js two levels when run from source).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const manifestFileName = 'logto-connector.manifest.json';

/**
 * What the bridge reads of the package's manifest (schema/manifest.schema.json describes all of it).
 * @typedef {object} Manifest
 * @property {string} type the Logto connector type: Email or Sms
 * @property {import('@logto/connector-kit').ConnectorMetadata} metadata
 * @property {string} configSchema package-relative path of the config's JSON Schema
 * @property {HostManifest} host
 * @property {string[]} [sendMessageContext] what to ask Logto for before a send (i18nEmailTemplate)
 */
/**
 * @typedef {object} HostManifest
 * @property {string} protocolVersion
 * @property {Record<string, string>} executables package-relative path by .NET runtime identifier
 * @property {string[]} [args]
 */
/**
 * @typedef {object} PackageFiles
 * @property {string} dir
 * @property {Manifest} manifest
 * @property {{ name: string, version: string }} packageJson
 * @property {import('ajv').SchemaObject} configSchema
 */

/** @param {string} moduleUrl import.meta.url of the module asking */
export function findPackageDir(moduleUrl) {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  for (let level = 0; level < 3; level += 1) {
    if (existsSync(path.join(dir, manifestFileName))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`${manifestFileName} not found above ${fileURLToPath(moduleUrl)}; the package is incomplete.`);
}

/**
 * @param {string} packageDir
 * @returns {PackageFiles}
 */
export function loadPackageFiles(packageDir) {
  /** @param {string} relative */
  const readJson = (relative) => {
    try {
      return JSON.parse(readFileSync(path.join(packageDir, relative), 'utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Cannot read ${relative} from the connector package ${packageDir}: ${reason}`, { cause: error });
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
