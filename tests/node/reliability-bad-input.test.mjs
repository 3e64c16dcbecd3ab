// Issue 5, item 8: bad input through the module Logto imports and the real host. Each is answered with its documented
// error (README: invalid_request_parameters for a bad recipient, a line break in a rendered header or a to/type/payload of
// the wrong shape, invalid_config for a missing or invalid config, JSON-RPC -32602 for an unknown connector) and the sandbox
// sees no request at all. A good send before and after proves the sandbox and the config would have accepted mail.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConnectorError } from '@logto/connector-kit';
import { RpcResponseError } from '../../lib/src/rpc-client.js';
import { captureConsole, connectorId, loadBridge, realHostProcess, sandboxConfig } from './support/bridge.mjs';
import { packages } from './support/artifacts.mjs';
import { sandboxCredentials, useSandbox } from './support/sandbox.mjs';

const fixture = useSandbox();
let createConnector;
let logs;

before(() => {
  logs = captureConsole();
});

after(() => logs?.restore());

const good = { to: 'good@example.com', type: 'Generic', payload: { code: '123456' } };
const connectorFor = async (config, i18nTemplate) => {
  // Loaded at first use, not in a before hook: Node 20 runs top-level before hooks concurrently, so a hook of this file
  // could load the bridge before useSandbox's hook has built the host (fixture.hostDll still undefined).
  createConnector ??= await loadBridge(fixture.hostDll);
  return createConnector({ getConfig: async () => config, getI18nEmailTemplate: async () => i18nTemplate });
};

/** Runs `work`, which must reject; returns the error after checking that the fixture.sandbox saw no request meanwhile. */
async function refusedWithoutSending(work) {
  const before = (await fixture.sandbox.exchanges()).length;
  const error = await work().then(
    (result) => assert.fail(`expected a refusal, got ${JSON.stringify(result)}`),
    (e) => e,
  );
  assert.deepEqual((await fixture.sandbox.exchanges()).slice(before), [], 'the fixture.sandbox saw a request');
  return error;
}

const send = (data, config, i18nTemplate) => () => connectorFor(config(), i18nTemplate).then((c) => c.sendMessage(data));
const config = (overrides) => () => sandboxConfig(fixture.sandbox.endpoint, overrides);

describe('bad input through the bridge and the host', () => {
  it('Sends_a_good_email_first_so_every_refusal_below_is_the_inputs_fault', async () => {
    const result = await (await connectorFor(config()())).sendMessage(good);
    assert.match(result.EnvId, /^\d+$/);
  });

  const recipients = [
    '',
    'not-an-address',
    'a@example.com,b@example.com',
    'a@example.com\r\nBcc: victim@example.com',
    'Alice <a@example.com>',
    'a@@example.com',
  ];
  for (const to of recipients) {
    it(`Refuses_the_recipient_${JSON.stringify(to)}_with_invalid_request_parameters`, async () => {
      const error = await refusedWithoutSending(send({ ...good, to }, config()));
      assert.ok(error instanceof ConnectorError, String(error));
      assert.equal(error.code, 'invalid_request_parameters', JSON.stringify(error.data));
      assert.match(error.data.message, /^The recipient (address )?\(to\) /);
    });
  }

  const subject = 'subject';
  const alias = 'sender alias (FromAlias)';
  const injections = [
    ['subject_from_a_CRLF_payload_value', subject, { ...good, payload: { code: '1\r\nBcc: victim@example.com' } }, {}],
    ['subject_from_an_LF_payload_value', subject, { ...good, payload: { code: '1\nX-Injected: 1' } }, {}],
    ['alias_from_the_configs_fromAlias', alias, good, { fromAlias: 'Acme\r\nBcc: victim@example.com' }],
    [
      'alias_from_an_i18n_templates_sendFrom',
      alias,
      { ...good, type: 'SignIn', payload: { code: '1', application: { name: 'Acme\rBcc: victim@example.com' } } },
      {},
      { subject: 'Code {{code}}', content: '<p>{{code}}</p>', sendFrom: '{{application.name}}' },
    ],
  ];
  for (const [name, header, data, overrides, i18nTemplate] of injections) {
    it(`Refuses_a_line_break_in_the_rendered_${name}_with_invalid_request_parameters`, async () => {
      const error = await refusedWithoutSending(send(data, config(overrides), i18nTemplate));
      assert.equal(error.code, 'invalid_request_parameters');
      assert.match(error.data.message, new RegExp(`^The rendered ${header.replace(/[()]/g, '\\$&')} contains a control character`));
    });
  }

  const wrongParams = [
    ['to', { ...good, to: 5 }],
    ['type', { ...good, type: 'Nope' }],
    ['payload', { ...good, payload: 'code=1' }],
  ];
  for (const [param, data] of wrongParams) {
    it(`Refuses_a_wrong_${param}_param_with_invalid_request_parameters_naming_it`, async () => {
      const error = await refusedWithoutSending(send(data, config()));
      assert.equal(error.code, 'invalid_request_parameters');
      assert.equal(error.data.param, param);
      assert.match(error.data.message, new RegExp(`^'${param}' must be `));
    });
  }

  it('Refuses_an_unknown_connector_id_with_invalid_params_naming_the_served_connectors', async (t) => {
    const { host } = realHostProcess(fixture.hostDll);
    t.after(() => host.stop());
    const error = await refusedWithoutSending(() =>
      host.call('sendMessage', { connectorId: 'aliyun-direct-mail', ...good, config: config()() }));
    assert.ok(error instanceof RpcResponseError, String(error));
    assert.equal(error.code, -32602);
    assert.deepEqual(error.data, { param: 'connectorId', known: [connectorId, packages.sms.id] });
  });

  for (const missing of [undefined, null]) {
    it(`Refuses_a_missing_config_${missing}_with_invalid_config_like_the_official_connector`, async () => {
      const error = await refusedWithoutSending(send(good, () => missing));
      assert.equal(error.code, 'invalid_config', JSON.stringify(error.data));
      assert.deepEqual(error.data.issues.map(({ path }) => path), [[]]);
    });
  }

  const invalidConfigs = [
    ['templates', { templates: [] }],
    ['accessKeySecret', { accessKeySecret: 42 }],
    ['endpoint', { endpoint: 'ftp://127.0.0.1/' }],
  ];
  for (const [key, overrides] of invalidConfigs) {
    it(`Refuses_a_config_with_a_bad_${key}_with_invalid_config_naming_it`, async () => {
      const error = await refusedWithoutSending(send(good, config(overrides)));
      assert.equal(error.code, 'invalid_config');
      assert.ok(error.data.issues.some(({ path }) => path[0] === key), JSON.stringify(error.data));
      assert.ok(!JSON.stringify(error.data).includes(sandboxCredentials.accessKeySecret), 'the secret is not in the error');
    });
  }

  it('Still_sends_a_good_email_afterwards_on_the_same_host', async () => {
    const result = await (await connectorFor(config()())).sendMessage(good);
    assert.match(result.EnvId, /^\d+$/);
    assert.ok(!logs.lines.some((line) => line.includes('exited')), 'the host never exited');
  });
});
