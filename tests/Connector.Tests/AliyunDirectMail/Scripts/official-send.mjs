// Sends one message with Logto's official @logto/connector-aliyun-dm (installed in the repository's node_modules), its HTTPS
// calls to *.aliyuncs.com redirected to a local Direct Mail sandbox, so a test can compare what it sent with ours.
// Input (stdin, JSON): { sandbox: "http://127.0.0.1:port/", config, data, i18nTemplate? }.
// Output (stdout, JSON): { ok: true, result, hosts } or { ok: false, error: { name, code, data, message }, hosts }.
// The official connector calls Aliyun over https.request; bench/support/redirect-https.mjs (shared with the benchmark)
// sends those calls to the sandbox.
import { redirectAliyunTo } from '../../../../bench/support/redirect-https.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const hosts = [];
redirectAliyunTo(input.sandbox, (host) => hosts.push(host));

const { default: createConnector } = await import('@logto/connector-aliyun-dm');
const i18nCalls = [];
const connector = await createConnector({
  getConfig: async () => input.config,
  getI18nEmailTemplate: async (type, locale) => {
    i18nCalls.push([type, locale]);
    return input.i18nTemplate ?? undefined;
  },
});

try {
  // Flow style (no config argument): the connector reads getConfig, like Logto's passcode flows.
  const result = await connector.sendMessage(input.data);
  process.stdout.write(JSON.stringify({ ok: true, result, hosts, i18nCalls }));
} catch (error) {
  const failure = { name: error?.name, code: error?.code, data: error?.data, message: String(error?.message) };
  process.stdout.write(JSON.stringify({ ok: false, error: failure, hosts, i18nCalls }));
}
