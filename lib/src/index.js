// The module Logto's loader imports (lib/index.js once bundled): createConnector plus one module-level host process. The
// connector's Logto type and what to ask Logto for before a send come from the package's manifest; nothing here is
// specific to one connector.
import { ConnectorType } from '@logto/connector-kit';
import { createConfigGuard } from './config-guard.js';
import { toConnectorError } from './errors.js';
import { HostProcess, protocolVersion } from './host-process.js';
import { findPackageDir, loadPackageFiles } from './package-files.js';
import { resolveHostCommand } from './platform.js';

const packageFiles = loadPackageFiles(findPackageDir(import.meta.url));
const { metadata, host: hostManifest } = packageFiles.manifest;
if (hostManifest?.protocolVersion !== protocolVersion) {
  // Fails the load (Logto logs "[load-connector] skip …") instead of every send.
  throw new Error(`The package's host speaks protocol ${hostManifest?.protocolVersion}, its lib/ speaks ${protocolVersion}.`);
}
const configGuard = createConfigGuard(packageFiles.configSchema);
const connectorType = ConnectorType[packageFiles.manifest.type];
if (connectorType === undefined) throw new Error(`The manifest's type ${packageFiles.manifest.type} is not a Logto ConnectorType.`);
const sendMessageContext = new Set(packageFiles.manifest.sendMessageContext ?? []);
const callTimeoutMs = Number(process.env.LOGTO_DOTNET_CONNECTOR_TIMEOUT_MS) || undefined;

// One host per Logto process: createConnector runs on every connector lookup, so it must never start anything.
let host;
const getHost = () =>
  (host ??= new HostProcess({
    resolveCommand: () => resolveHostCommand({ manifest: packageFiles.manifest, packageDir: packageFiles.dir }),
    client: { name: packageFiles.packageJson.name, version: packageFiles.packageJson.version },
    logPrefix: `[${packageFiles.packageJson.name.split('/').pop()}-dotnet]`,
    callTimeoutMs,
  }));

/** Logto's getI18nEmailTemplate is a DB lookup in core; like the official connector, a failing lookup means "none". */
async function findI18nTemplate(getI18nEmailTemplate, type, locale) {
  try {
    return (await getI18nEmailTemplate?.(type, locale)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** @type {import('@logto/connector-kit').CreateConnector<import('@logto/connector-kit').EmailConnector | import('@logto/connector-kit').SmsConnector>} */
export default async function createConnector({ getConfig, getI18nEmailTemplate }) {
  const sendMessage = async (data, inputConfig) => {
    const { to, type, payload, ip } = data;
    const config = inputConfig ?? (await getConfig(metadata.id));
    const template = sendMessageContext.has('i18nEmailTemplate')
      ? await findI18nTemplate(getI18nEmailTemplate, type, payload?.locale)
      : undefined;
    // A missing config is sent as null, so the connector judges it (invalid_config, like the official connector's guard).
    const params = { connectorId: metadata.id, to, type, payload, config: config ?? null };
    if (ip !== undefined) params.ip = ip;
    if (template) params.template = template;
    try {
      return await getHost().call('sendMessage', params);
    } catch (error) {
      throw toConnectorError(error);
    }
  };
  return { metadata, type: connectorType, configGuard, sendMessage };
}
