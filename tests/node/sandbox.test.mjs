// The test support's startSandbox (tests/node/support/sandbox.mjs) against the real logto-aliyun-sandbox process: the
// endpoint it reads, its mail and SMS outbox helpers, the fault and exchanges helpers, the outbox folder and stop().
// Requests are signed here with Node's own HMAC-SHA1, independently of the C# signer the sandbox checks with.
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sandboxCredentials, startSandbox } from './support/sandbox.mjs';

let sandbox;
let outboxDir;

before(async () => {
  outboxDir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-helper-'));
  sandbox = await startSandbox({ outboxDir, logLevel: 'warning' });
});

after(async () => {
  await sandbox?.stop();
  rmSync(outboxDir, { recursive: true, force: true });
});

// Aliyun's RPC V1 escaping: encodeURIComponent plus !'()* (the RFC 3986 unreserved set stays bare).
const escape = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** POSTs `business` with the common parameters of `action`, signed with the sandbox's secret (or `secret`). */
async function call(action, version, business, { secret = sandboxCredentials.accessKeySecret } = {}) {
  const parameters = {
    AccessKeyId: sandboxCredentials.accessKeyId, Action: action, Format: 'json', SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: randomUUID(), SignatureVersion: '1.0', Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: version, ...business,
  };
  const canonical = Object.keys(parameters).sort().map((key) => `${escape(key)}=${escape(parameters[key])}`).join('&');
  const signature = createHmac('sha1', `${secret}&`).update(`POST&${escape('/')}&${escape(canonical)}`).digest('base64');
  const response = await fetch(sandbox.endpoint, { method: 'POST', body: new URLSearchParams({ ...parameters, Signature: signature }) });
  return { status: response.status, body: await response.json() };
}

const sendSms = (business = {}, options) => call('SendSms', '2017-05-25', {
  PhoneNumbers: '13800138000', SignName: '测试签名', TemplateCode: 'SMS_1', TemplateParam: '{"code":"123456"}', ...business,
}, options);

const sendMail = () => call('SingleSendMail', '2015-11-23', {
  AccountName: 'noreply@example.com', AddressType: '1', ReplyToAddress: 'false', ToAddress: 'user@example.com',
  Subject: 'Code', HtmlBody: '<p>123456</p>',
});

describe('startSandbox', () => {
  it('Reads_a_loopback_endpoint_from_the_first_stdout_line', () => {
    assert.match(sandbox.endpoint, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('Lists_an_accepted_sms_in_smsOutbox_and_files_it_as_biz_id_sms_json', async () => {
    await sandbox.clearSmsOutbox();
    const { status, body } = await sendSms({ TemplateParam: '{"code":"654321","name":"团队"}' });

    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), ['Message', 'RequestId', 'Code', 'BizId']);
    assert.equal(body.Code, 'OK');
    const [sms, ...others] = await sandbox.smsOutbox();
    assert.deepEqual(others, []);
    assert.deepEqual(
      [sms.bizId, sms.phoneNumbers, sms.signName, sms.templateCode, sms.templateParam],
      [body.BizId, '13800138000', '测试签名', 'SMS_1', '{"code":"654321","name":"团队"}'],
    );
    const file = path.join(outboxDir, `${body.BizId}.sms.json`);
    assert.ok(existsSync(file), `${file} was not written`);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).templateParam, sms.templateParam);
  });

  it('Keeps_mail_and_sms_in_separate_outboxes_and_clears_each_on_its_own', async () => {
    await sandbox.clearOutbox();
    await sandbox.clearSmsOutbox();
    await sendMail();
    await sendSms();

    await sandbox.clearSmsOutbox();

    assert.deepEqual(await sandbox.smsOutbox(), []);
    const mail = await sandbox.outbox();
    assert.equal(mail.length, 1);
    assert.ok(readdirSync(outboxDir).includes(`${mail[0].envId}.eml`));
  });

  it('Sets_the_sms_only_business_limit_control_fault_and_names_each_exchanges_action', async () => {
    const before = (await sandbox.exchanges()).length;
    await sandbox.fault({ kind: 'BusinessLimitControl', count: 1 });

    const mail = await sendMail();
    const limited = await sendSms();
    const accepted = await sendSms();

    assert.equal(mail.status, 200);
    assert.deepEqual([limited.status, limited.body.Code, limited.body.Message], [200, 'isv.BUSINESS_LIMIT_CONTROL', '触发分钟级流控Permits:1']);
    assert.equal(accepted.body.Code, 'OK');
    assert.deepEqual(
      (await sandbox.exchanges()).slice(before).map(({ outcome, action }) => [outcome, action]),
      [['accepted', 'SingleSendMail'], ['fault:BusinessLimitControl', 'SendSms'], ['accepted', 'SendSms']],
    );
  });

  it('Gets_aliyuns_http_200_rejection_for_a_template_param_with_a_number_value', async () => {
    const { status, body } = await sendSms({ TemplateParam: '{"code":123456}' });

    assert.deepEqual([status, body.Code], [200, 'isv.INVALID_JSON_PARAM']);
  });

  it('Is_refused_by_the_sandbox_when_signed_with_another_secret', async () => {
    const { status, body } = await sendSms({}, { secret: 'not-the-secret' });

    assert.deepEqual([status, body.Code], [400, 'SignatureDoesNotMatch']);
  });

  it('Stops_the_process_and_is_safe_to_call_twice', async () => {
    const second = await startSandbox();
    await second.stop();
    await second.stop();

    await assert.rejects(fetch(second.endpoint), 'the stopped sandbox still answered');
  });
});
