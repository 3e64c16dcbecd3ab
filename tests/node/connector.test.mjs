// createConnector/sendMessage from source, in a fixture package whose host is the fake host (it echoes the params it
// receives), to pin the exact call the bridge makes for each way Logto calls it.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';
import { repoDir, workDir } from './support/artifacts.mjs';
import { testSecret } from './support/canary.mjs';

const fixtureRoot = path.join(workDir, `connector-test-${process.pid}`);
after(() => rmSync(fixtureRoot, { recursive: true, force: true }));

/** A package folder with lib/src, the real schema and package.json, and a manifest with the given host protocol. */
function fixturePackage(name, protocolVersion) {
  const dir = path.join(fixtureRoot, name);
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(repoDir, 'lib/src'), path.join(dir, 'lib/src'), { recursive: true });
  cpSync(path.join(repoDir, 'schema'), path.join(dir, 'schema'), { recursive: true });
  cpSync(path.join(repoDir, 'package.json'), path.join(dir, 'package.json'));
  const manifest = {
    manifestVersion: 1,
    type: 'Email',
    metadata: { id: 'aliyun-direct-mail-dotnet', target: 'aliyun-dm', platform: null, name: { en: 'Test' } },
    configSchema: './schema/aliyun-direct-mail.config.schema.json',
    sendMessageContext: ['i18nEmailTemplate'],
    host: { executables: {}, args: ['serve'], protocol: 'jsonrpc-stdio', protocolVersion },
  };
  writeFileSync(path.join(dir, 'logto-connector.manifest.json'), JSON.stringify(manifest));
  return pathToFileURL(path.join(dir, 'lib/src/index.js')).href;
}

// The bridge resolves LOGTO_DOTNET_CONNECTOR_HOST when it starts the host; a wrapper runs the fake host with node.
mkdirSync(fixtureRoot, { recursive: true });
const wrapper = path.join(fixtureRoot, 'fake-host.sh');
const fakeHost = path.join(repoDir, 'tests/node/fixtures/fake-host.mjs');
writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${fakeHost}" "$@"\n`, { mode: 0o755 });
process.env.LOGTO_DOTNET_CONNECTOR_HOST = wrapper;
const { default: createConnector } = await import(fixturePackage('current', '1'));

const config = { accessKeyId: 'id', accessKeySecret: testSecret('secret'), accountName: 'a@example.com', templates: [] };
const notImplemented = async () => {
  throw new ConnectorError(ConnectorErrorCodes.NotImplemented);
};

describe('createConnector', () => {
  it('Makes_one_sendMessage_call_with_the_data_the_unsaved_config_and_its_id_for_the_Test_button', async () => {
    const connector = await createConnector({ getConfig: notImplemented, getI18nEmailTemplate: async () => undefined });
    const data = { to: 'ok@example.com', type: 'Generic', payload: { code: '000000' }, ip: '127.0.0.1' };
    const { echo } = await connector.sendMessage(data, config);
    assert.deepEqual(echo, { connectorId: 'aliyun-direct-mail-dotnet', ...data, config });
  });

  it('Reads_the_config_with_getConfig_and_forwards_the_i18n_template_in_a_flow', async () => {
    const configIds = [];
    const lookups = [];
    const template = { subject: 'S {{code}}', content: 'C', contentType: 'text/html', sendFrom: 'Team' };
    const connector = await createConnector({
      getConfig: async (id) => {
        configIds.push(id);
        return config;
      },
      getI18nEmailTemplate: async (...args) => {
        lookups.push(args);
        return template;
      },
    });
    const payload = { code: '1', locale: 'de', user: { name: 'U' }, application: { name: 'A' } };
    const { echo } = await connector.sendMessage({ to: 'ok@example.com', type: 'SignIn', payload });
    assert.deepEqual(configIds, ['aliyun-direct-mail-dotnet']);
    assert.deepEqual(lookups, [['SignIn', 'de']]);
    assert.deepEqual(echo, { connectorId: 'aliyun-direct-mail-dotnet', to: 'ok@example.com', type: 'SignIn', payload, config, template });
  });

  it('Treats_a_failing_i18n_template_lookup_as_no_template_like_the_official_connector', async () => {
    const connector = await createConnector({
      getConfig: notImplemented,
      getI18nEmailTemplate: async () => {
        throw new Error('database is down');
      },
    });
    const { echo } = await connector.sendMessage({ to: 'ok@example.com', type: 'Generic', payload: { code: '1' } }, config);
    assert.equal('template' in echo, false);
  });

  it('Passes_getConfigs_own_ConnectorError_through', async () => {
    const connector = await createConnector({ getConfig: notImplemented });
    await assert.rejects(
      connector.sendMessage({ to: 'ok@example.com', type: 'Generic', payload: { code: '1' } }),
      (error) => error instanceof ConnectorError && error.code === ConnectorErrorCodes.NotImplemented,
    );
  });

  it('Rethrows_a_host_failure_as_the_ConnectorError_with_the_hosts_code', async () => {
    const connector = await createConnector({ getConfig: notImplemented });
    await assert.rejects(
      connector.sendMessage({ to: 'fail-template_not_found@example.com', type: 'Generic', payload: {} }, config),
      (error) => error instanceof ConnectorError && error.code === 'template_not_found' && error.data.errorDescription === 'fake failure',
    );
  });

  it('Shares_one_host_process_between_every_connector_Logto_creates', async () => {
    const first = await createConnector({ getConfig: notImplemented });
    const second = await createConnector({ getConfig: notImplemented });
    const a = await first.sendMessage({ to: 'ok@example.com', type: 'Generic', payload: {} }, config);
    const b = await second.sendMessage({ to: 'ok@example.com', type: 'Generic', payload: {} }, config);
    assert.equal(Number(b.EnvId.slice(4)), Number(a.EnvId.slice(4)) + 1, 'one host counts both calls');
  });

  it('Refuses_to_load_when_the_manifest_host_speaks_another_protocol', async () => {
    await assert.rejects(import(fixturePackage('future', '2')), /The package's host speaks protocol 2, its lib\/ speaks 1/);
  });
});
