// Constants the C# side and JavaScript (the bridge, Logto's connector-kit) both hold, where one cannot import the other:
// each test reads both copies, or runs the host with the bridge's, and fails when they differ. (The bridge imports the
// protocol's version and error codes from schema/protocol.openrpc.json, which tests/Host.Tests ties to the host's C#
// constants; the config schemas are generated from the C# config types.)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConnectorErrorCodes, ConnectorType, TemplateType } from '@logto/connector-kit';
import { encodeFrame } from '../../lib/src/framing.js';
import { hostEnvironment, parentPidVariable } from '../../lib/src/host-environment.js';
import { ensureHost, repoDir } from './support/artifacts.mjs';

const readJson = (relative) => JSON.parse(readFileSync(path.join(repoDir, relative), 'utf8'));

describe('constants shared with connector-kit', () => {
  it('Logto_error_codes_in_the_protocol_document_are_connector_kits_in_order', () => {
    // The C# ConnectorErrorCode enum is tied to the same list by tests/Host.Tests (ProtocolDocumentTests).
    const documented = readJson('schema/protocol.openrpc.json').components.schemas.ConnectorErrorData.properties.code.enum;
    assert.deepEqual(documented, Object.values(ConnectorErrorCodes));
  });

  it('Connector_types_a_manifest_may_state_are_connector_kits_passwordless_ones', () => {
    // The bridge serves the types the manifest schema allows (lib/src/index.js); each must be a ConnectorType that has a
    // sendMessage in connector-kit (Email and Sms; Social connectors are another kind of module).
    const allowed = readJson('schema/manifest.schema.json').properties.type.enum;
    assert.deepEqual(allowed, [ConnectorType.Email, ConnectorType.Sms]);
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

  it('The_parent_pid_variable_the_bridge_sets_is_the_one_the_host_watches', async (t) => {
    // The host is told nothing else (no --parent-pid), so with another name it would watch this test process and stay.
    const hostDll = await ensureHost();
    const parent = spawn('sleep', ['600'], { stdio: 'ignore' });
    const host = spawn('dotnet', [hostDll, 'serve'], {
      env: { ...process.env, [parentPidVariable]: String(parent.pid) },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    t.after(() => {
      parent.kill('SIGKILL');
      host.kill('SIGKILL');
    });
    const exited = once(host, 'exit');
    host.stdin.write(encodeFrame({ jsonrpc: '2.0', id: 1, method: 'ping' }));
    await once(host.stdout, 'data');

    parent.kill('SIGKILL');
    const deadline = setTimeout(() => host.kill('SIGKILL'), 30_000);
    const [code, signal] = await exited;
    clearTimeout(deadline);
    assert.equal(signal, null, 'the host was still running 30 s after the process its variable names had gone');
    assert.equal(code, 0);
  });
});
