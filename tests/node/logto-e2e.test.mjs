// End to end through Logto's own code: the packed tarball installed by the real `logto connector add`, loaded by the
// CLI's loader next to the official Aliyun connector, metadata checked by @logto/schemas, and sendMessage called the
// two ways core calls it, against the Aliyun sandbox (logto-aliyun-sandbox). No host override: the package runs
// the host its manifest names for this platform.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getConnectorPackagesFromDirectory } from '@logto/cli/lib/utils.js';
import { buildRawConnector, loadConnectorFactories, notImplemented } from '@logto/cli/lib/connector/index.js';
import { connectorFactoryResponseGuard } from '@logto/schemas';
import { ensurePackage, workDir } from './support/artifacts.mjs';
import { createLogtoInstance, packOfficialConnector } from './support/logto-instance.mjs';
import { sandboxCredentials, startSandbox } from './support/sandbox.mjs';
import { requiredUsageTypes } from './support/usage-types.mjs';

delete process.env.LOGTO_DOTNET_CONNECTOR_HOST;
const ourId = 'aliyun-direct-mail-dotnet';
let instance;
let sandbox;
let outboxDir;
let addOutput;
let loadLog;
let factories;
let kit;

async function captureConsole(work) {
  const lines = [];
  const originals = { error: console.error, warn: console.warn, log: console.log, info: console.info };
  for (const level of Object.keys(originals)) console[level] = (...args) => lines.push(args.join(' '));
  try {
    return { result: await work(), lines };
  } finally {
    Object.assign(console, originals);
  }
}

before(async () => {
  const tarball = await ensurePackage();
  outboxDir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-outbox-'));
  sandbox = await startSandbox({ outboxDir });
  instance = createLogtoInstance();
  addOutput = await instance.add(tarball);
  addOutput += await instance.add(await packOfficialConnector(workDir));
  kit = await instance.connectorKit();
  const packages = await getConnectorPackagesFromDirectory(instance.connectorsDir);
  ({ result: factories, lines: loadLog } = await captureConsole(() => loadConnectorFactories(packages, false)));
});

after(async () => {
  await sandbox?.stop();
  instance?.remove();
  if (outboxDir) rmSync(outboxDir, { recursive: true, force: true });
});

const factory = (id) => factories.find(({ metadata }) => metadata.id === id);
const config = (overrides = {}) => ({
  ...sandboxCredentials,
  accountName: 'noreply@mail.example.com',
  fromAlias: 'Example',
  endpoint: sandbox.endpoint,
  templates: requiredUsageTypes.map((usageType) => ({
    usageType,
    subject: `${usageType} code {{code}}`,
    content: `<p>Your ${usageType} code is <b>{{code}}</b> for {{application.name}}</p>`,
  })),
  ...overrides,
});

/** The connector as the console's Test button route builds it: getConfig not implemented, config passed in. */
const testRouteConnector = async (getI18nEmailTemplate) =>
  (await buildRawConnector(factory(ourId), notImplemented, undefined, getI18nEmailTemplate)).rawConnector;

async function expectConnectorError(promise, code) {
  const error = await promise.then(
    () => assert.fail(`expected ConnectorError ${code}`),
    (e) => e,
  );
  assert.ok(error instanceof kit.ConnectorError, `instanceof the instance's ConnectorError: ${error}`);
  assert.equal(error.code, code, JSON.stringify(error.data));
  return error;
}

describe('Logto end to end', () => {
  it('Installs_the_packed_tarball_with_the_real_logto_connector_add_without_node_modules', () => {
    assert.match(addOutput, /Added @logto-dotnet\/connector-aliyun-dm v\d+\.\d+\.\d+/);
    const installed = path.join(instance.connectorsDir, '@logto-dotnet-connector-aliyun-dm');
    assert.ok(existsSync(path.join(installed, 'lib/index.js')));
    assert.ok(!existsSync(path.join(installed, 'node_modules')));
    // The bundle, and the list and licences of the npm packages in it.
    assert.deepEqual(readdirSync(path.join(installed, 'lib')).sort(), ['THIRD-PARTY-NOTICES.md', 'bundled-packages.json', 'index.js']);
  });

  it('Loads_next_to_the_official_Aliyun_connector_through_Logtos_loader_without_a_skip_message', () => {
    assert.ok(factory('aliyun-direct-mail'), 'the official connector loaded');
    assert.ok(factory(ourId), 'ours loaded');
    assert.equal(factories.length, 2);
    assert.deepEqual(loadLog.filter((line) => line.includes('[load-connector]')), []);
  });

  it('Has_factory_metadata_that_passes_Logtos_connector_factory_response_guard', () => {
    for (const { metadata, type } of factories) {
      const parsed = connectorFactoryResponseGuard.safeParse({ type, ...metadata, isDemo: false });
      assert.ok(parsed.success, `${metadata.id}: ${JSON.stringify(parsed.error?.issues)}`);
    }
    const ours = factory(ourId);
    assert.equal(ours.type, 'Email');
    assert.equal(ours.metadata.platform, null);
    assert.notEqual(ours.metadata.id, factory('aliyun-direct-mail').metadata.id);
  });

  it('Rejects_a_bad_config_through_connector_kits_validateConfig_as_invalid_config', () => {
    const { templates, ...withoutTemplates } = config();
    assert.ok(templates);
    assert.throws(
      () => kit.validateConfig(withoutTemplates, factory(ourId).configGuard),
      (error) => error instanceof kit.ConnectorError && error.code === kit.ConnectorErrorCodes.InvalidConfig,
    );
    assert.doesNotThrow(() => kit.validateConfig(config(), factory(ourId).configGuard));
  });

  it('Sends_the_Test_button_email_with_the_unsaved_config_through_the_sandbox', async () => {
    await sandbox.clearOutbox();
    const lookups = [];
    const connector = await testRouteConnector(async (...args) => {
      lookups.push(args);
      return undefined;
    });
    const data = { to: 'admin@example.com', type: kit.TemplateType.Generic, payload: { code: '000000' }, ip: '127.0.0.1' };
    const result = await connector.sendMessage(data, config());
    assert.deepEqual(lookups, [['Generic', undefined]]);
    const outbox = await sandbox.outbox();
    assert.equal(outbox.length, 1);
    const [mail] = outbox;
    assert.equal(result.EnvId, mail.envId);
    assert.equal(mail.toAddress, 'admin@example.com');
    assert.equal(mail.accountName, 'noreply@mail.example.com');
    assert.equal(mail.fromAlias, 'Example');
    assert.equal(mail.subject, 'Generic code 000000');
    // Logto's handlebars: a placeholder whose root is not in the payload stays as written.
    assert.equal(mail.htmlBody, '<p>Your Generic code is <b>000000</b> for {{application.name}}</p>');
    assert.ok(existsSync(path.join(outboxDir, `${mail.envId}.eml`)), 'the sandbox wrote the accepted mail to its outbox folder');
  });

  it('Sends_a_sign_in_email_in_a_flow_with_getConfig_and_an_i18n_template', async () => {
    await sandbox.clearOutbox();
    const configLookups = [];
    const templateLookups = [];
    const { rawConnector } = await buildRawConnector(
      factory(ourId),
      async (id) => {
        configLookups.push(id);
        return config();
      },
      undefined,
      async (type, locale) => {
        templateLookups.push([type, locale]);
        return type === 'SignIn' && locale === 'zh-CN'
          ? {
              subject: '{{application.name}} 登录验证码 {{code}}',
              content: '<p>{{user.name}}，您好：{{code}}（{{organization.name}}）</p>',
              sendFrom: '{{application.name}} 团队',
            }
          : undefined;
      },
    );
    const payload = {
      code: '123456',
      locale: 'zh-CN',
      uiLocales: 'zh-CN en',
      user: {
        id: 'u1', name: 'Alice', primaryEmail: 'alice@example.com', avatar: null, primaryPhone: null, username: 'alice', profile: {},
      },
      application: { id: 'app1', name: 'My App' },
      organization: { id: 'org1', name: 'Acme', branding: {} },
    };
    await rawConnector.sendMessage({ to: 'alice@example.com', type: kit.TemplateType.SignIn, payload });
    assert.deepEqual(configLookups, [ourId]);
    assert.deepEqual(templateLookups, [['SignIn', 'zh-CN']]);
    const [mail] = await sandbox.outbox();
    assert.equal(mail.toAddress, 'alice@example.com');
    assert.equal(mail.subject, 'My App 登录验证码 123456');
    assert.equal(mail.fromAlias, 'My App 团队');
    assert.equal(mail.htmlBody, '<p>Alice，您好：123456（Acme）</p>');
  });

  it('Fails_with_invalid_config_for_a_bad_config_and_sends_nothing', async () => {
    const before = (await sandbox.exchanges()).length;
    const connector = await testRouteConnector();
    await expectConnectorError(
      connector.sendMessage({ to: 'a@example.com', type: 'Generic', payload: { code: '1' } }, config({ templates: [] })),
      kit.ConnectorErrorCodes.InvalidConfig,
    );
    assert.equal((await sandbox.exchanges()).length, before);
  });

  it('Fails_with_invalid_request_parameters_for_a_recipient_that_is_not_an_address', async () => {
    const connector = await testRouteConnector();
    await expectConnectorError(
      connector.sendMessage({ to: 'not-an-address', type: 'Generic', payload: { code: '1' } }, config()),
      kit.ConnectorErrorCodes.InvalidRequestParameters,
    );
  });

  it('Fails_with_general_and_the_Aliyun_message_for_an_Aliyun_error_answer', async () => {
    await sandbox.fault({ kind: 'InternalError', count: 10 });
    const connector = await testRouteConnector();
    const error = await expectConnectorError(
      connector.sendMessage({ to: 'a@example.com', type: 'Generic', payload: { code: '1' } }, config()),
      kit.ConnectorErrorCodes.General,
    ).finally(() => sandbox.fault({ kind: 'None' }));
    assert.equal(error.data.Code, 'InternalError');
    assert.equal(typeof error.data.errorDescription, 'string');
    assert.ok(error.data.RequestId);
  });

  it('Fails_with_rate_limit_exceeded_and_the_Aliyun_code_when_Direct_Mail_keeps_throttling', async () => {
    // Every attempt throttled (the host retries a throttled send), then back to normal.
    await sandbox.fault({ kind: 'Throttling', count: 10 });
    const connector = await testRouteConnector();
    const error = await expectConnectorError(
      connector.sendMessage({ to: 'a@example.com', type: 'Generic', payload: { code: '1' } }, config()),
      kit.ConnectorErrorCodes.RateLimitExceeded,
    ).finally(() => sandbox.fault({ kind: 'None' }));
    assert.equal(error.data.Code, 'Throttling.User');
  });

  it('Fails_with_invalid_response_when_Direct_Mail_answers_503_text', async () => {
    await sandbox.fault({ kind: 'ServiceUnavailable', count: 10 });
    const connector = await testRouteConnector();
    const error = await expectConnectorError(
      connector.sendMessage({ to: 'a@example.com', type: 'Generic', payload: { code: '1' } }, config()),
      kit.ConnectorErrorCodes.InvalidResponse,
    ).finally(() => sandbox.fault({ kind: 'None' }));
    // A sentence about the answer, never the answer itself (Logto shows error data to signed-out users).
    assert.deepEqual(error.data, { message: 'Aliyun Direct Mail answered HTTP 503 with a body that is not JSON.' });
  });

  it('Fails_with_not_implemented_like_the_official_connector_when_there_is_no_config_at_all', async () => {
    const connector = await testRouteConnector();
    await expectConnectorError(
      connector.sendMessage({ to: 'a@example.com', type: 'Generic', payload: { code: '1' } }),
      kit.ConnectorErrorCodes.NotImplemented,
    );
  });

  it('Never_puts_the_secret_in_an_error', async () => {
    const connector = await testRouteConnector();
    const secret = 'canary-secret-7f3a';
    const error = await connector
      .sendMessage({ to: 'a@example.com', type: 'Generic', payload: { code: '1' } }, config({ accessKeySecret: secret }))
      .catch((e) => e);
    assert.ok(error instanceof kit.ConnectorError);
    assert.doesNotMatch(`${error.message} ${JSON.stringify(error.data)}`, new RegExp(secret));
  });
});
