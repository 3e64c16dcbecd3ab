// The Aliyun sandbox (connector/Sandbox, `logto-aliyun-sandbox`): a local fake of Direct Mail's SingleSendMail and SMS's
// SendSms, both at its endpoint. Built once per test run (ensureSandbox), it prints its endpoint as the first stdout line
// and serves until its stdin closes. Control API: /_sandbox/outbox (mail), /_sandbox/sms-outbox, /_sandbox/fault,
// /_sandbox/exchanges.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { after, before } from 'node:test';
import { ensureHost, ensureSandbox, hostDll } from './artifacts.mjs';
import { testSecret } from './canary.mjs';

/** The one credential the sandbox accepts; the secret is the test canary when one is set (the sandbox is told by environment). */
export const sandboxCredentials = Object.freeze({
  accessKeyId: 'sandbox-access-key-id',
  accessKeySecret: testSecret('sandbox-access-key-secret'),
});

/**
 * Builds the sandbox if this run has not yet (Debug, or `configuration`) and starts it on a free port. `outboxDir` also
 * files each accepted mail as `<EnvId>.eml`/`.json` and each SMS as `<BizId>.sms.json`.
 */
export async function startSandbox({ outboxDir, logLevel, configuration } = {}) {
  const dll = await ensureSandbox({ configuration });
  const args = [dll, '--port', '0', ...(outboxDir ? ['--outbox-dir', outboxDir] : []), ...(logLevel ? ['--log-level', logLevel] : [])];
  const env = { ...process.env, LOGTO_SANDBOX_ACCESS_KEY_SECRET: sandboxCredentials.accessKeySecret };
  const child = spawn('dotnet', args, { stdio: ['pipe', 'pipe', 'pipe'], env });
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  const endpoint = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${Buffer.concat(stderr)}`)));
  });
  const url = (relative) => new URL(relative, endpoint.endsWith('/') ? endpoint : `${endpoint}/`);
  const json = async (response) => {
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox control API: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    endpoint,
    pid: child.pid,
    /** Accepted SingleSendMail calls: `{envId, requestId, accessKeyId, accountName, toAddress, subject, htmlBody, …}`. */
    outbox: () => fetch(url('_sandbox/outbox')).then(json),
    clearOutbox: () => fetch(url('_sandbox/outbox'), { method: 'DELETE' }).then(json),
    /** Accepted SendSms calls: `{bizId, requestId, accessKeyId, phoneNumbers, signName, templateCode, templateParam, …}`. */
    smsOutbox: () => fetch(url('_sandbox/sms-outbox')).then(json),
    clearSmsOutbox: () => fetch(url('_sandbox/sms-outbox'), { method: 'DELETE' }).then(json),
    /** Every request to the endpoint: `{outcome, status, at, action}` (action SingleSendMail, SendSms or null). */
    exchanges: () => fetch(url('_sandbox/exchanges')).then(json),
    /** `{kind, count?, delayMs?}`; kinds: None, Throttling, ServiceUnavailable, MalformedSuccess, Delay, ResetMidResponse,
     * InternalError, BusinessLimitControl (SendSms only). */
    fault: (fault) =>
      fetch(url('_sandbox/fault'), {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault),
      }).then(json),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * For a test file: registers `before`/`after` hooks that build (or find) the host and the sandbox, start the sandbox, and
 * stop it at the end. Read `fixture.hostDll` and `fixture.sandbox` inside the tests. `fixture.hostDll` is set at once:
 * under Node 20 a file's own root-level `before` hooks do not wait for this one, and the bridge only starts the host at
 * its first call, inside a test, when every hook is done.
 */
export function useSandbox() {
  const fixture = { hostDll, sandbox: undefined };
  before(async () => {
    await ensureHost();
    fixture.sandbox = await startSandbox();
  });
  after(async () => {
    await fixture.sandbox?.stop();
  });
  return fixture;
}
