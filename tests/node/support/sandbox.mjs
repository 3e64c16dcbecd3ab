// The Direct Mail sandbox, started through the host CLI (`logto-connector-host sandbox`): it prints its endpoint as the
// first stdout line and serves until its stdin closes. Control API: /_sandbox/outbox, /_sandbox/fault, /_sandbox/exchanges.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { after, before } from 'node:test';
import { ensureHost } from './artifacts.mjs';
import { testSecret } from './canary.mjs';

/** The one credential the sandbox accepts; the secret is the test canary when one is set (the sandbox is told by environment). */
export const sandboxCredentials = Object.freeze({
  accessKeyId: 'sandbox-access-key-id',
  accessKeySecret: testSecret('sandbox-access-key-secret'),
});

/**
 * Starts `logto-connector-host sandbox` from `host`: a host build's dll path (run with `dotnet`), or `{ command, args }`
 * for a published binary (the benchmarks).
 */
export async function startSandbox(host, { outboxDir, logLevel } = {}) {
  const { command, args: hostArgs } = typeof host === 'string' ? { command: 'dotnet', args: [host] } : host;
  const args = [
    ...hostArgs, 'sandbox', '--port', '0',
    ...(outboxDir ? ['--outbox-dir', outboxDir] : []), ...(logLevel ? ['--log-level', logLevel] : []),
  ];
  const env = { ...process.env, LOGTO_SANDBOX_ACCESS_KEY_SECRET: sandboxCredentials.accessKeySecret };
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
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
    outbox: () => fetch(url('_sandbox/outbox')).then(json),
    clearOutbox: () => fetch(url('_sandbox/outbox'), { method: 'DELETE' }).then(json),
    exchanges: () => fetch(url('_sandbox/exchanges')).then(json),
    fault: (fault) =>
      fetch(url('_sandbox/fault'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) }).then(json),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * For a test file: registers `before`/`after` hooks that build (or find) the host and start a sandbox on it, and stop the
 * sandbox at the end. Read `fixture.hostDll` and `fixture.sandbox` inside the tests.
 */
export function useSandbox() {
  const fixture = { hostDll: undefined, sandbox: undefined };
  before(async () => {
    fixture.hostDll = await ensureHost();
    fixture.sandbox = await startSandbox(fixture.hostDll);
  });
  after(async () => {
    await fixture.sandbox?.stop();
  });
  return fixture;
}
