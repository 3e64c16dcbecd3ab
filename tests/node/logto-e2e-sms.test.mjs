// The SMS package end to end through Logto's own code, next to the Direct Mail package and both official Aliyun
// connectors in one instance, and request for request against the official @logto/connector-aliyun-sms 1.5.5: both send to
// the same Aliyun sandbox (the official one through the https redirect of bench/support/redirect-https.mjs), and the
// parameters, results and errors are compared.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getConnectorPackagesFromDirectory } from '@logto/cli/lib/utils.js';
import { buildRawConnector, loadConnectorFactories, notImplemented } from '@logto/cli/lib/connector/index.js';
import { connectorFactoryResponseGuard } from '@logto/schemas';
import { redirectAliyunTo } from '../../bench/support/redirect-https.mjs';
import { ensurePackage, packages, workDir } from './support/artifacts.mjs';
import { captureConsole } from './support/bridge.mjs';
import { createLogtoInstance, officialConnectors, packOfficialConnector } from './support/logto-instance.mjs';
import { sandboxCredentials, startSandbox } from './support/sandbox.mjs';

delete process.env.LOGTO_DOTNET_CONNECTOR_HOST;
const ourId = packages.sms.id;
const officialId = 'aliyun-short-message-service';
let instance;
let sandbox;
let factories;
let loadLog;
let kit;
let undoRedirect;

before(async () => {
  const tarballs = [await ensurePackage(packages.directMail), await ensurePackage(packages.sms)];
  for (const name of officialConnectors) tarballs.push(await packOfficialConnector(workDir, name));
  sandbox = await startSandbox();
  instance = createLogtoInstance();
  for (const tarball of tarballs) await instance.add(tarball);
  kit = await instance.connectorKit();
  const found = await getConnectorPackagesFromDirectory(instance.connectorsDir);
  const capture = captureConsole();
  try {
    factories = await loadConnectorFactories(found, false);
  } finally {
    capture.restore();
    loadLog = capture.lines;
  }
  undoRedirect = redirectAliyunTo(sandbox.endpoint);
});

after(async () => {
  undoRedirect?.();
  await sandbox?.stop();
  instance?.remove();
});

const factory = (id) => factories.find(({ metadata }) => metadata.id === id);
const config = (overrides = {}) => ({
  ...sandboxCredentials,
  signName: '阿里云短信测试',
  templates: [
    { usageType: 'SignIn', templateCode: 'SMS_SIGNIN' },
    { usageType: 'Register', templateCode: { china: 'SMS_REGISTER_CN', overseas: 'SMS_REGISTER_INTL' }, type: 2 },
    { usageType: 'ForgotPassword', templateCode: 'SMS_FORGOT' },
    { usageType: 'Generic', templateCode: 'SMS_GENERIC' },
  ],
  ...overrides,
});
const ours = async () => (await buildRawConnector(factory(ourId), notImplemented)).rawConnector;
const official = async () => (await buildRawConnector(factory(officialId), notImplemented)).rawConnector;
const outcome = (promise) =>
  promise.then(
    (result) => ({ ok: true, result }),
    (error) => ({ ok: false, code: error?.code, data: error?.data, name: error?.name }),
  );
// What each request carried, minus what differs by design on every request.
const comparable = (sms) =>
  sms.parameters
    .filter(({ name }) => !['SignatureNonce', 'Timestamp', 'Signature'].includes(name))
    .map(({ name, value }) => `${name}=${value}`);

async function sendBoth(data, configOverrides = {}) {
  await sandbox.clearSmsOutbox();
  const theirs = await outcome((await official()).sendMessage(data, config(configOverrides)));
  const theirSms = await sandbox.smsOutbox();
  await sandbox.clearSmsOutbox();
  const mine = await outcome((await ours()).sendMessage(data, config({ endpoint: sandbox.endpoint, ...configOverrides })));
  const mySms = await sandbox.smsOutbox();
  return { theirs, mine, theirSms, mySms };
}

describe('Aliyun SMS package', () => {
  it('Installs_and_loads_next_to_the_Direct_Mail_package_and_both_official_connectors_without_a_collision', () => {
    const ids = factories.map(({ metadata }) => metadata.id).sort();
    assert.deepEqual(ids, ['aliyun-direct-mail', 'aliyun-direct-mail-dotnet', officialId, ourId].sort());
    assert.deepEqual(loadLog.filter((line) => line.includes('[load-connector]')), []);
    assert.equal(factory(ourId).type, kit.ConnectorType.Sms);
    assert.equal(factory('aliyun-direct-mail-dotnet').type, kit.ConnectorType.Email);
  });

  it('Has_factory_metadata_that_passes_Logtos_connector_factory_response_guard', () => {
    for (const id of [ourId, 'aliyun-direct-mail-dotnet']) {
      const { metadata, type } = factory(id);
      const parsed = connectorFactoryResponseGuard.safeParse({ type, ...metadata, isDemo: false });
      assert.ok(parsed.success, `${id}: ${JSON.stringify(parsed.error?.issues)}`);
    }
  });

  it('Shows_each_packages_connector_guide_as_its_readme_in_Logtos_console', () => {
    // The loader reads metadata.readme from the package into the text the console shows beside the form.
    assert.match(factory(ourId).metadata.readme, /^# Aliyun Short Message Service \(\.NET\) connector/);
    assert.match(factory('aliyun-direct-mail-dotnet').metadata.readme, /^# Aliyun Direct Mail \(\.NET\) connector/);
  });

  it('Judges_configs_like_the_official_guard_with_its_wording', () => {
    const guard = factory(ourId).configGuard;
    assert.ok(guard.safeParse(config()).success);
    const missing = guard.safeParse(config({ templates: [{ usageType: 'SignIn', templateCode: 'X' }] }));
    const theirs = factory(officialId).configGuard.safeParse(config({ templates: [{ usageType: 'SignIn', templateCode: 'X' }] }));
    assert.equal(missing.success, false);
    assert.deepEqual(
      missing.error.issues.map(({ message }) => message),
      theirs.error.issues.map(({ message }) => message),
    );
  });

  const cases = [
    ['a sign-in code', { to: '13800138000', type: 'SignIn', payload: { code: '123456', locale: 'zh-CN' } }],
    ['a mainland number with a china/overseas code', { to: '+8613800138000', type: 'Register', payload: { code: '654321' } }],
    ['an overseas number', { to: '+12025550123', type: 'Register', payload: { code: '111111', locale: 'en' } }],
    ['a type that falls back to Generic', { to: '8613800138000', type: 'BindMfa', payload: { code: '222222', uiLocales: 'fr en' } }],
    // Aliyun takes string values only (isv.INVALID_JSON_PARAM otherwise), so the hostile part is in the text and the keys.
    [
      'hostile payload text',
      { to: '13800138000', type: 'Generic', payload: { code: '1', locale: 'x', z: 'é"\\\u2028\u0001\ud800', 2: 'two', 10: '' } },
    ],
  ];
  for (const [name, data] of cases) {
    it(`Sends_the_same_request_as_the_official_connector_for_${name.replaceAll(/\W+/g, '_')}`, async () => {
      const { theirs, mine, theirSms, mySms } = await sendBoth(data);
      assert.ok(theirs.ok, JSON.stringify(theirs));
      assert.ok(mine.ok, JSON.stringify(mine));
      assert.equal(theirSms.length, 1);
      assert.equal(mySms.length, 1);
      assert.deepEqual(comparable(mySms[0]), comparable(theirSms[0]));
      assert.deepEqual(Object.keys(mine.result), Object.keys(theirs.result));
    });
  }

  it('Strict_region_check_picks_the_overseas_code_for_a_number_without_prefix_like_the_official_connector', async () => {
    const data = { to: '13800138000', type: 'Register', payload: { code: '1' } };
    const { mySms, theirSms } = await sendBoth(data, { strictPhoneRegionNumberCheck: true });
    assert.equal(mySms[0].templateCode, 'SMS_REGISTER_INTL');
    assert.equal(theirSms[0].templateCode, 'SMS_REGISTER_INTL');
  });

  for (const [fault, theirCode, ourCode] of [
    ['BusinessLimitControl', 'rate_limit_exceeded', 'rate_limit_exceeded'],
    ['InternalError', 'general', 'general'],
    ['MalformedSuccess', 'invalid_response', 'invalid_response'],
    ['ServiceUnavailable', 'invalid_response', 'invalid_response'],
    // The one deviation: our retries outlast a gateway throttle, then say rate_limit_exceeded (Logto's 429).
    ['Throttling', 'general', 'rate_limit_exceeded'],
  ]) {
    it(`Maps_the_${fault}_answer_like_the_official_connector`, async () => {
      const data = { to: '13800138000', type: 'SignIn', payload: { code: '1' } };
      await sandbox.fault({ kind: fault, count: 1 });
      const theirs = await outcome((await official()).sendMessage(data, config()));
      await sandbox.fault({ kind: fault, count: fault === 'Throttling' ? 100 : 1 });
      const mine = await outcome((await ours()).sendMessage(data, config({ endpoint: sandbox.endpoint })));
      await sandbox.fault({ kind: 'None' });
      assert.equal(theirs.code, theirCode, JSON.stringify(theirs));
      assert.equal(mine.code, ourCode, JSON.stringify(mine));
      if (['general', 'rate_limit_exceeded'].includes(theirCode)) assert.deepEqual(Object.keys(mine.data), Object.keys(theirs.data));
    });
  }

  it('Refuses_a_list_of_numbers_with_invalid_request_parameters_and_sends_nothing', async () => {
    const before = (await sandbox.exchanges()).length;
    const send = { to: '13800138000,13900139000', type: 'SignIn', payload: { code: '1' } };
    const result = await outcome((await ours()).sendMessage(send, config({ endpoint: sandbox.endpoint })));
    assert.equal(result.code, 'invalid_request_parameters');
    assert.equal((await sandbox.exchanges()).length, before);
  });

  it('Fails_with_template_not_found_like_the_official_connector', async () => {
    const templates = [{ usageType: 'SignIn', templateCode: 'X' }];
    const data = { to: '13800138000', type: 'Register', payload: { code: '1' } };
    // Both validate first; with a config that passes neither guard the codes are invalid_config.
    const theirs = await outcome((await official()).sendMessage(data, config({ templates })));
    const mine = await outcome((await ours()).sendMessage(data, config({ endpoint: sandbox.endpoint, templates })));
    assert.equal(mine.code, theirs.code);
  });
});
