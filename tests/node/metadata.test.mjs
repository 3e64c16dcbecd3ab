// The committed manifest's metadata and form items, checked with the guards of the installed @logto/connector-kit:
// connectorMetadataGuard is the response guard of Logto's /api/connector-factories, so a failure there would break every
// connector endpoint of the Logto instance.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { connectorConfigFormItemGuard, connectorMetadataGuard, ConnectorType } from '@logto/connector-kit';
import Ajv2020 from 'ajv/dist/2020.js';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = (relative) => JSON.parse(readFileSync(path.join(repoDir, relative), 'utf8'));
const manifest = readJson('logto-connector.manifest.json');
const { metadata } = manifest;

describe('manifest metadata', () => {
  it('Passes_connector_kits_connectorMetadataGuard', () => {
    const result = connectorMetadataGuard.safeParse(metadata);
    assert.equal(result.success, true, JSON.stringify(result.error?.issues));
  });

  it('Keeps_every_key_through_the_guard_so_nothing_is_silently_stripped', () => {
    const { data } = connectorMetadataGuard.safeParse(metadata);
    assert.deepEqual(Object.keys(data).sort(), Object.keys(metadata).sort());
  });

  it('Is_an_Email_connector_with_its_own_id_next_to_the_official_one', () => {
    assert.equal(manifest.type, ConnectorType.Email);
    assert.equal(metadata.id, 'aliyun-direct-mail-dotnet');
    assert.notEqual(metadata.id, 'aliyun-direct-mail');
    assert.equal(metadata.target, 'aliyun-dm');
    assert.equal(metadata.platform, null);
  });

  it('Fails_the_guard_when_a_language_tag_is_not_in_language_kit', () => {
    const broken = { ...metadata, name: { ...metadata.name, 'zh-Hans': '阿里云邮件推送' } };
    assert.equal(connectorMetadataGuard.safeParse(broken).success, false);
  });
});

describe('manifest formItems', () => {
  for (const item of metadata.formItems) {
    it(`Item_${item.key}_passes_connectorConfigFormItemGuard`, () => {
      const result = connectorConfigFormItemGuard.safeParse(item);
      assert.equal(result.success, true, JSON.stringify(result.error?.issues));
      assert.deepEqual(result.data, item);
    });
  }

  it('Lists_the_config_schemas_properties_in_order', () => {
    const schema = readJson(manifest.configSchema);
    assert.deepEqual(metadata.formItems.map((item) => item.key), Object.keys(schema.properties));
  });

  it('Masks_only_the_access_key_secret', () => {
    assert.deepEqual(metadata.formItems.filter((item) => item.isConfidential).map((item) => item.key), ['accessKeySecret']);
  });

  it('Offers_default_templates_that_the_config_schema_accepts', () => {
    const templates = metadata.formItems.find((item) => item.key === 'templates');
    assert.equal(templates.type, 'Json');
    assert.equal(templates.defaultValue.length, 9);
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(readJson(manifest.configSchema));
    const config = {
      accessKeyId: 'id', accessKeySecret: 'secret', accountName: 'noreply@mail.example.com', templates: templates.defaultValue,
    };
    assert.equal(validate(config), true, JSON.stringify(validate.errors));
  });
});

describe('manifest', () => {
  it('Validates_against_schema_manifest_schema_json', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(readJson('schema/manifest.schema.json'));
    assert.equal(validate(manifest), true, JSON.stringify(validate.errors));
  });

  it('Points_at_files_that_exist_in_the_package', () => {
    for (const file of [manifest.configSchema, metadata.logo]) {
      assert.doesNotThrow(() => readFileSync(path.join(repoDir, file)), file);
    }
  });
});
