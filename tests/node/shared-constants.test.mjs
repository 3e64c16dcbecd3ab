// Constants the C# side and Logto's JavaScript both hold, where one cannot import the other: each test reads both copies
// and fails when they differ. (The bridge imports the protocol's version and error codes from schema/protocol.openrpc.json,
// which tests/Host.Tests ties to the host's C# constants; the config schemas are generated from the C# config types.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConnectorErrorCodes, TemplateType } from '@logto/connector-kit';
import { hostEnvironment } from '../../lib/src/host-environment.js';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = (relative) => JSON.parse(readFileSync(path.join(repoDir, relative), 'utf8'));

describe('constants shared with connector-kit', () => {
  it('Logto_error_codes_in_the_protocol_document_are_connector_kits_in_order', () => {
    // The C# ConnectorErrorCode enum is tied to the same list by tests/Host.Tests (ProtocolDocumentTests).
    const documented = readJson('schema/protocol.openrpc.json').components.schemas.ConnectorErrorData.properties.code.enum;
    assert.deepEqual(documented, Object.values(ConnectorErrorCodes));
  });

  it('Template_types_each_config_schema_offers_are_connector_kits_in_order', () => {
    // The schemas' examples are the C# TemplateType enum's names (generated, checked by tests/Connector.Tests).
    for (const schema of ['schema/aliyun-direct-mail.config.schema.json', 'schema/aliyun-sms.config.schema.json']) {
      const offered = readJson(schema).properties.templates.items.properties.usageType.examples;
      assert.deepEqual(offered, Object.values(TemplateType), schema);
    }
  });
});

describe('constants shared with the host build', () => {
  it('GC_settings_the_bridge_passes_are_the_ones_the_AOT_host_embeds', () => {
    const props = readFileSync(path.join(repoDir, 'host/Cli/GcSettings.props'), 'utf8');
    const embedded = Object.fromEntries(
      [...props.matchAll(/<HostGcSetting Include="(\w+)" Value="(\w+)" \/>/g)].map(([, name, value]) => [`DOTNET_${name}`, value]));
    const passed = Object.fromEntries(Object.entries(hostEnvironment({}, 1)).filter(([name]) => name.startsWith('DOTNET_')));

    assert.notDeepEqual(embedded, {});
    assert.deepEqual(passed, embedded);
  });
});
