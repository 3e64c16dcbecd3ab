// The module Logto's loader imports (lib/index.js once bundled): createConnector plus one module-level host process. The
// connector's Logto type and what to ask Logto for before a send come from the package's manifest; nothing here is
// specific to one connector.
import manifestSchema from '../../schema/manifest.schema.json' with { type: 'json' };
import { createConfigGuard } from './config-guard.js';
import { toConnectorError } from './logto-errors.js';
import { HostProcess, protocolVersion } from './host-process.js';
import { findPackageDir, loadPackageFiles } from './package-files.js';
import { resolveHostCommand } from './platform.js';

/** @typedef {import('@logto/connector-kit').EmailConnector | import('@logto/connector-kit').SmsConnector} PasswordlessConnector */
/** @typedef {import('@logto/connector-kit').GetI18nEmailTemplate} GetI18nEmailTemplate */

/**
 * The connector types a manifest may state (schema/manifest.schema.json): Logto's passwordless ones, served by a
 * sendMessage; a social connector is another kind of module. tests/node/shared-constants.test.mjs holds them to be
 * connector-kit's.
 * @type {PasswordlessConnector['type'][]}
 */
const servedTypes = /** @type {PasswordlessConnector['type'][]} */ (manifestSchema.properties.type.enum);

/**
 * @param {string} name the manifest's type
 * @returns {PasswordlessConnector['type']}
 */
function passwordlessType(name) {
  const type = servedTypes.find((candidate) => candidate === name);
  if (type === undefined) throw new Error(`The manifest's type ${name} is not one of ${servedTypes.join(', ')}.`);
  return type;
}

const packageFiles = loadPackageFiles(findPackageDir(import.meta.url));
const { metadata, host: hostManifest } = packageFiles.manifest;
if (hostManifest?.protocolVersion !== protocolVersion) {
  // Fails the load (Logto logs "[load-connector] skip …") instead of every send.
  throw new Error(`The package's host speaks protocol ${hostManifest?.protocolVersion}, its lib/ speaks ${protocolVersion}.`);
}
const configGuard = createConfigGuard(packageFiles.configSchema);
const connectorType = passwordlessType(packageFiles.manifest.type);
const sendMessageContext = new Set(packageFiles.manifest.sendMessageContext ?? []);
const callTimeoutMs = Number(process.env.LOGTO_DOTNET_CONNECTOR_TIMEOUT_MS) || undefined;

// One host per Logto process: createConnector runs on every connector lookup, so it must never start anything.
/** @type {HostProcess | undefined} */
let host;
const getHost = () =>
  (host ??= new HostProcess({
    resolveCommand: () => resolveHostCommand({ manifest: packageFiles.manifest, packageDir: packageFiles.dir }),
    client: { name: packageFiles.packageJson.name, version: packageFiles.packageJson.version },
    logPrefix: `[${packageFiles.packageJson.name.split('/').pop()}-dotnet]`,
    callTimeoutMs,
  }));

/**
 * Logto's getI18nEmailTemplate is a DB lookup in core; like the official connector, a failing lookup means "none".
 * @param {GetI18nEmailTemplate | undefined} getI18nEmailTemplate
 * @param {import('@logto/connector-kit').TemplateType} type
 * @param {string | undefined} locale
 */
async function findI18nTemplate(getI18nEmailTemplate, type, locale) {
  try {
    return (await getI18nEmailTemplate?.(type, locale)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** @type {import('@logto/connector-kit').CreateConnector<PasswordlessConnector>} */
export default async function createConnector({ getConfig, getI18nEmailTemplate }) {
  /** @type {import('@logto/connector-kit').SendMessageFunction} */
  const sendMessage = async (data, inputConfig) => {
    const { to, type, payload, ip } = data;
    const config = inputConfig ?? (await getConfig(metadata.id));
    const template = sendMessageContext.has('i18nEmailTemplate')
      ? await findI18nTemplate(getI18nEmailTemplate, type, payload?.locale)
      : undefined;
    // A missing config is sent as null, so the connector judges it (invalid_config, like the official connector's guard).
    // An undefined ip or template is left out of the request's JSON.
    const params = { connectorId: metadata.id, to, type, payload, config: config ?? null, ip, template };
    try {
      return await getHost().call('sendMessage', params);
    } catch (error) {
      throw toConnectorError(error);
    }
  };
  // Logto calls only safeParse and parse on a connector's guard, which this one has with zod's shapes; the kit's type asks
  // for a whole zod schema.
  const guard = /** @type {PasswordlessConnector['configGuard']} */ (/** @type {unknown} */ (configGuard));
  return { metadata, type: connectorType, configGuard: guard, sendMessage };
}
