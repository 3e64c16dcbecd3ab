// configGuard compiled from the committed schema, compared with the official Aliyun connector's zod guard and run through
// connector-kit's own validateConfig, as Logto core does when a config is saved.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import createOfficialConnector from '@logto/connector-aliyun-dm';
import { ConnectorError, ConnectorErrorCodes, validateConfig } from '@logto/connector-kit';
import { createConfigGuard } from '../../lib/src/config-guard.js';
import { requiredUsageTypes } from './support/usage-types.mjs';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schema = JSON.parse(readFileSync(path.join(repoDir, 'schema/aliyun-direct-mail.config.schema.json'), 'utf8'));
const guard = createConfigGuard(schema);
let officialGuard;
before(async () => {
  officialGuard = (await createOfficialConnector({ getConfig: async () => ({}) })).configGuard;
});

const template = (usageType) => ({ usageType, subject: `${usageType} {{code}}`, content: `<p>${usageType} {{code}}</p>` });
const validConfig = () => ({
  accessKeyId: 'id',
  accessKeySecret: 'secret',
  accountName: 'noreply@mail.example.com',
  templates: requiredUsageTypes.map(template),
});
const issuesOf = (result) => result.error.issues.map(({ code, message, path: at }) => ({ code, message, path: at }));

describe('configGuard', () => {
  it('Accepts_a_valid_config_synchronously_and_returns_a_copy_of_it', () => {
    const config = { ...validConfig(), regionId: 'ap-southeast-1', endpoint: 'https://dm-vpc.cn-hangzhou.aliyuncs.com/', unknownKey: 1 };
    const result = guard.safeParse(config);
    assert.equal(result.success, true);
    assert.deepEqual(result.data, config);
    assert.notEqual(result.data, config);
  });

  for (const [name, mutate] of [
    ['a_missing_Generic_template', (c) => (c.templates = c.templates.filter((t) => t.usageType !== 'Generic'))],
    ['three_missing_templates', (c) => (c.templates = [template('SignIn')])],
    ['a_missing_required_key', (c) => delete c.accessKeyId],
    ['a_number_where_a_string_belongs', (c) => (c.accountName = 42)],
    ['a_template_without_a_subject', (c) => delete c.templates[1].subject],
  ]) {
    it(`Describes_${name}_exactly_like_the_official_guard`, () => {
      const config = validConfig();
      mutate(config);
      const ours = guard.safeParse(config);
      const official = officialGuard.safeParse(config);
      assert.equal(ours.success, false);
      assert.equal(official.success, false);
      assert.deepEqual(issuesOf(ours), issuesOf(official));
    });
  }

  it('Reports_an_unknown_region_with_the_official_code_and_path_without_echoing_the_value', () => {
    const config = { ...validConfig(), regionId: 'cn-shanghai' };
    const [ours] = issuesOf(guard.safeParse(config));
    const [official] = issuesOf(officialGuard.safeParse(config));
    assert.deepEqual([ours.code, ours.path], [official.code, official.path]);
    assert.equal(
      ours.message,
      "Invalid enum value. Expected 'cn-hangzhou' | 'ap-southeast-1' | 'ap-southeast-2' | 'eu-central-1' | 'us-east-1'",
    );
    assert.doesNotMatch(ours.message, /cn-shanghai/);
  });

  it('Rejects_an_endpoint_that_is_not_an_http_URL', () => {
    for (const endpoint of ['dm.aliyuncs.com', 'ftp://dm.aliyuncs.com/', 'https://dm aliyuncs.com/']) {
      const result = guard.safeParse({ ...validConfig(), endpoint });
      assert.equal(result.success, false, endpoint);
      assert.ok(issuesOf(result).every(({ path: at }) => at.join('.') === 'endpoint'), endpoint);
    }
  });

  it('Throws_through_connector_kits_validateConfig_as_invalid_config_with_the_issues', () => {
    const config = validConfig();
    config.templates.pop();
    assert.throws(
      () => validateConfig(config, guard),
      (error) =>
        error instanceof ConnectorError &&
        error.code === ConnectorErrorCodes.InvalidConfig &&
        error.message ===
          'ConnectorError: {"issues":[{"code":"custom","message":"Template with UsageType (Generic) should be provided!",' +
            '"path":["templates"]}],"name":"ConfigValidationError"}',
    );
  });

  it('Parses_like_zod_parse', () => {
    assert.deepEqual(guard.parse(validConfig()), validConfig());
    assert.throws(() => guard.parse({}), (error) => error.name === 'ConfigValidationError' && error.issues.length === 4);
  });
});
