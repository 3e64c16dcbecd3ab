// The host child process, driven against a stand-in host (tests/node/fixtures/fake-host.mjs, built on vscode-jsonrpc).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CrashLoopBreaker } from '../../lib/src/breaker.js';
import { HostError } from '../../lib/src/host-error.js';
import { HostProcess, hostEnvironment, protocolVersion } from '../../lib/src/host-process.js';
import { RpcResponseError } from '../../lib/src/rpc-client.js';
import { readSettings, settingDefaults } from '../../lib/src/settings.js';
import { isGone, waitFor } from './support/bridge.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fakeHost = path.join(fixtures, 'fake-host.mjs');

function capturingLogger() {
  const lines = [];
  const log = (level) => (line) => lines.push({ level, line });
  return { lines, logger: { error: log('error'), warn: log('warn'), info: log('info') } };
}

function fakeHostProcess({ args = [], ...options } = {}) {
  const { lines, logger } = capturingLogger();
  let spawns = 0;
  const host = new HostProcess({
    resolveCommand: () => {
      spawns += 1;
      return { command: process.execPath, args: [fakeHost, ...(typeof args === 'function' ? args() : args)], source: 'fake host' };
    },
    client: { name: 'host-process-test', version: '1.0.0' },
    logger,
    logPrefix: '[test-host]',
    ...options,
  });
  return { host, lines, spawns: () => spawns };
}


describe('HostProcess', () => {
  it('Starts_on_the_first_call_only_and_reuses_one_initialized_process', async (t) => {
    const { host, lines, spawns } = fakeHostProcess();
    t.after(() => host.stop());
    assert.equal(host.pid, undefined);
    const results = await Promise.all([1, 2, 3].map((i) => host.call('sendMessage', { to: `ok@${i}.example.com` })));
    const pid = host.pid;
    await host.call('ping', {});
    assert.equal(host.pid, pid);
    assert.equal(spawns(), 1);
    assert.equal(lines.filter(({ line }) => line.includes('initialize from host-process-test')).length, 1);
    assert.deepEqual(results.map((r) => r.echo.to).sort(), ['ok@1.example.com', 'ok@2.example.com', 'ok@3.example.com']);
    assert.equal(host.info.protocolVersion, protocolVersion);
  });

  it('Tells_the_host_its_parent_pid_by_argument_and_environment', async (t) => {
    const { host, lines } = fakeHostProcess();
    t.after(() => host.stop());
    await host.call('ping', {});
    assert.ok(lines.some(({ line }) => line.includes(`parent-pid=${process.pid} env=${process.pid}`)));
  });

  it('Forwards_host_stderr_with_the_prefix_and_the_level_of_the_line', async (t) => {
    const { host, lines } = fakeHostProcess();
    t.after(() => host.stop());
    await host.call('sendMessage', { to: 'ok@example.com' });
    const forwarded = lines.find(({ line }) => line.includes('sendMessage #1 ok'));
    assert.deepEqual(forwarded, { level: 'info', line: '[test-host] info: fake host: sendMessage #1 ok' });
  });

  it('Rejects_every_in_flight_call_at_once_when_the_host_is_killed_then_respawns_on_the_next_call', async (t) => {
    const { host, lines } = fakeHostProcess({ callTimeoutMs: 60_000 });
    t.after(() => host.stop());
    await host.call('ping', {});
    const firstPid = host.pid;
    const inFlight = [1, 2, 3].map((i) => host.call('sendMessage', { to: `slow@${i}.example.com` }).catch((error) => error));
    await waitFor(() => lines.filter(({ line }) => / sendMessage #\d slow/.test(line)).length === 3, 'three slow calls', 60_000);
    const killedAt = Date.now();
    process.kill(firstPid, 'SIGKILL');
    const errors = await Promise.all(inFlight);
    // Far below the 60 s call timeout: failed by the exit, not by their timeout (a bound a loaded machine cannot break).
    assert.ok(Date.now() - killedAt < 30_000, 'in-flight calls are failed by the exit, not by their timeout');
    for (const error of errors) {
      assert.ok(error instanceof HostError);
      assert.equal(error.failure, 'exited');
      assert.equal(error.details.signal, 'SIGKILL');
      assert.deepEqual(error.details.inFlight, ['sendMessage', 'sendMessage', 'sendMessage']);
      assert.equal(error.message, 'The connector host exited unexpectedly before it answered this call; its outcome is unknown.');
      assert.match(error.details.stderr.at(-1), /sendMessage #3 slow/);
      assert.ok(error.details.stderr.length <= 10);
      assert.equal(error.correlationId, errors[0].correlationId, 'one failure, one correlation id');
    }
    // The diagnostics are one log entry under the calls' correlation id.
    const entries = lines.filter(({ line }) => line.includes(errors[0].correlationId));
    assert.equal(entries.length, 1);
    assert.equal(entries[0].level, 'error');
    assert.match(entries[0].line, /exited \(signal SIGKILL\) after \d+ ms while handling sendMessage, sendMessage, sendMessage/);
    assert.match(entries[0].line, /"stderr":\[.*sendMessage #3 slow/);
    assert.match(entries[0].line, /"host":"fake host"/);
    const next = await host.call('sendMessage', { to: 'ok@example.com' });
    assert.equal(next.EnvId, 'env-1');
    assert.notEqual(host.pid, firstPid);
  });

  it('Times_out_a_call_sends_cancelRequest_and_keeps_the_host_for_later_calls', async (t) => {
    const { host, lines } = fakeHostProcess({ callTimeoutMs: 300 });
    t.after(() => host.stop());
    await host.call('ping', {});
    const pid = host.pid;
    const error = await host.call('sendMessage', { to: 'slow@example.com' }).catch((e) => e);
    assert.ok(error instanceof HostError);
    assert.equal(error.failure, 'timeout');
    assert.match(error.message, /did not answer sendMessage within 300 ms; the call was cancelled, but its outcome is unknown/);
    await waitFor(() => lines.some(({ line }) => line.includes('cancelled sendMessage #1')), 'the host to see $/cancelRequest', 60_000);
    assert.equal((await host.call('sendMessage', { to: 'ok@example.com' })).EnvId, 'env-2');
    assert.equal(host.pid, pid);
  });

  it('Passes_connector_failures_through_as_response_errors', async (t) => {
    const { host } = fakeHostProcess();
    t.after(() => host.stop());
    const error = await host.call('sendMessage', { to: 'fail-invalid_config@example.com' }).catch((e) => e);
    assert.ok(error instanceof RpcResponseError);
    assert.equal(error.code, -32000);
    assert.deepEqual(error.data, { code: 'invalid_config', data: { errorDescription: 'fake failure' } });
  });

  it('Opens_the_breaker_after_five_exits_in_three_minutes_and_retries_after_the_cool_down', async (t) => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    let broken = true;
    const breaker = new CrashLoopBreaker({ maxExits: 5, windowMs: 180_000, coolDownMs: 60_000, now: () => now });
    const { host, spawns, lines } = fakeHostProcess({ breaker, args: () => (broken ? ['--exit-at-start', '3'] : []) });
    t.after(() => host.stop());
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const error = await host.call('ping', {}).catch((e) => e);
      assert.equal(error.failure, 'exited', `attempt ${attempt}`);
      assert.equal(error.details.exitCode, 3);
      assert.deepEqual(error.details.stderr, ['fake host: refusing to start']);
      now += 10_000;
    }
    const open = await host.call('ping', {}).catch((e) => e);
    assert.equal(open.failure, 'crash-loop');
    assert.equal(
      open.message,
      'The connector host stopped 5 times (limit 5 in 180 s); it will not be restarted before 2026-01-01T00:01:40.000Z.',
    );
    const refusal = lines.find(({ line }) => line.includes(open.correlationId));
    assert.match(refusal.line, /"lastFailure":"The connector host exited unexpectedly/);
    const lastFailure = `${open.details.lastFailureCorrelationId}]`;
    assert.ok(lines.some(({ line }) => line.includes(lastFailure) && line.includes('exited (exit code 3)')));
    assert.equal(spawns(), 5, 'no process is started while the breaker is open');
    now += 60_000;
    broken = false;
    assert.deepEqual(await host.call('ping', {}), {});
    assert.equal(spawns(), 6);
  });

  it('Refuses_a_host_that_speaks_another_protocol_version_and_stops_it', async () => {
    const { host } = fakeHostProcess({ args: ['--protocol', '2'] });
    const error = await host.call('ping', {}).catch((e) => e);
    assert.equal(error.failure, 'protocol');
    assert.match(error.message, /speaks protocol "2", this package needs "1"/);
    await waitFor(() => host.pid === undefined, 'the mismatched host to be stopped', 60_000);
  });

  it('Stops_a_host_that_writes_an_invalid_frame_and_fails_the_call_with_the_reason', async (t) => {
    const { host, lines } = fakeHostProcess();
    t.after(() => host.stop());
    const error = await host.call('sendMessage', { to: 'garbage@example.com' }).catch((e) => e);
    assert.equal(error.failure, 'protocol');
    assert.equal(error.message, 'The connector host broke the protocol and was stopped; the outcome of this call is unknown.');
    const entry = lines.find(({ line }) => line.includes(error.correlationId));
    assert.match(entry.line, /broke the protocol \(invalid Content-Length "nope"\) and was stopped/);
    assert.equal((await host.call('sendMessage', { to: 'ok@example.com' })).EnvId, 'env-1');
  });

  it('Names_the_command_in_the_log_not_in_the_error_when_the_host_cannot_be_started', async () => {
    const { lines, logger } = capturingLogger();
    const host = new HostProcess({
      resolveCommand: () => ({ command: '/nonexistent/logto-connector-host', args: [], source: 'package (host/x)' }),
      client: { name: 't', version: '0' },
      logger,
    });
    const error = await host.call('ping', {}).catch((e) => e);
    assert.equal(error.failure, 'unavailable');
    assert.equal(error.message, 'The connector host could not be started.');
    const entry = lines.find(({ line }) => line.includes(error.correlationId));
    assert.match(entry.line, /Could not start the connector host, package \(host\/x\): spawn \/nonexistent\/logto-connector-host ENOENT/);
  });

  it('Kills_a_host_that_ignores_SIGTERM_when_the_stop_grace_period_ends', async () => {
    const { host, lines } = fakeHostProcess({ args: ['--linger', '--ignore-sigterm'] });
    await host.call('ping', {});
    const pid = host.pid;
    await host.stop({ graceMs: 300 });
    assert.ok(lines.some(({ line }) => line.includes('ignoring SIGTERM')));
    await waitFor(() => isGone(pid), `host ${pid} to be gone`, 30_000);
    assert.ok(!lines.some(({ level }) => level === 'error'), 'a requested stop is not reported as a crash');
  });

  it('Rejects_params_that_are_not_JSON_without_leaving_a_phantom_call_behind', async (t) => {
    const { host, lines } = fakeHostProcess({ callTimeoutMs: 60_000 });
    t.after(() => host.stop());
    await assert.rejects(host.call('sendMessage', { to: 'ok@example.com', n: 1n }), TypeError);
    const slow = host.call('sendMessage', { to: 'slow@example.com' }).catch((e) => e);
    // Killed once the host holds the call (it logs it), not after a fixed sleep that a loaded machine may outrun.
    await waitFor(() => lines.some(({ line }) => / sendMessage #\d+ slow/.test(line)), 'the slow call in the host', 60_000);
    process.kill(host.pid, 'SIGKILL');
    assert.deepEqual((await slow).details.inFlight, ['sendMessage']);
  });

  it('Keeps_a_plain_Node_program_alive_while_a_call_is_pending_and_lets_it_exit_once_idle', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(fixtures, 'host-user.mjs'), 'pending'], {
      timeout: 60_000,
    });
    const { envId, pid } = JSON.parse(stdout);
    assert.equal(envId, 'env-1');
    assert.equal(typeof pid, 'number');
  });

  it('Kills_the_host_when_the_Node_process_exits_even_if_the_host_ignores_stdin_EOF', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(fixtures, 'host-user.mjs'), 'exit'], {
      timeout: 60_000,
    });
    const { pid } = JSON.parse(stdout);
    await waitFor(() => isGone(pid), `host ${pid} to be gone`, 30_000);
  });
});

describe('hostEnvironment', () => {
  it('adds small GC budgets and the parent pid, keeping what the operator set', () => {
    const env = hostEnvironment({ PATH: '/bin', DOTNET_GCRegionSize: '200000' }, 42);

    assert.equal(env.PATH, '/bin');
    assert.equal(env.DOTNET_GCgen0size, '100000');
    assert.equal(env.DOTNET_GCGen0MaxBudget, '100000');
    assert.equal(env.DOTNET_GCRegionSize, '200000');
    assert.equal(env.LOGTO_CONNECTOR_HOST_PARENT_PID, '42');
  });

  it('passes only what the host needs, and the names the operator adds', () => {
    const logto = {
      PATH: '/bin', HOME: '/home/logto', TMPDIR: '/tmp', TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8',
      HTTPS_PROXY: 'http://proxy:3128', http_proxy: 'http://proxy:3128', no_proxy: 'localhost', SSL_CERT_FILE: '/ca.pem',
      DOTNET_gcServer: '0', LOGTO_DOTNET_CONNECTOR_TIMEOUT_MS: '5000', LOGTO_CONNECTOR_HOST_LOG_LEVEL: 'debug',
      DB_URL: 'postgres://logto:secret@db/logto', REDIS_URL: 'redis://secret@cache', SECRET_VAULT_KEY: 'k', OPERATOR_EXTRA: 'yes',
    };
    const env = hostEnvironment(logto, 42, ['operator_extra']);
    for (const name of ['DB_URL', 'REDIS_URL', 'SECRET_VAULT_KEY']) assert.equal(env[name], undefined, name);
    for (const name of Object.keys(logto).filter((n) => !['DB_URL', 'REDIS_URL', 'SECRET_VAULT_KEY'].includes(n))) {
      assert.equal(env[name], logto[name], name);
    }
  });
});

describe('the host process environment', () => {
  it('Has_no_DB_URL_but_the_names_from_LOGTO_DOTNET_CONNECTOR_HOST_ENV_in_proc_environ', async (t) => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      DB_URL: 'postgres://logto:secret@db/logto', OPERATOR_EXTRA: 'extra-value', OPERATOR_OTHER: 'not listed',
      LOGTO_DOTNET_CONNECTOR_HOST_ENV: 'OPERATOR_EXTRA, SOMETHING_UNSET',
    });
    t.after(() => {
      for (const name of ['DB_URL', 'OPERATOR_EXTRA', 'OPERATOR_OTHER', 'LOGTO_DOTNET_CONNECTOR_HOST_ENV']) delete process.env[name];
      Object.assign(process.env, saved);
    });
    const { host } = fakeHostProcess();
    t.after(() => host.stop());
    await host.call('ping', {});
    const environ = Object.fromEntries(readFileSync(`/proc/${host.pid}/environ`, 'utf8').split('\0').filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
    assert.equal(environ.DB_URL, undefined);
    assert.equal(environ.OPERATOR_OTHER, undefined);
    assert.equal(environ.OPERATOR_EXTRA, 'extra-value');
    assert.equal(environ.PATH, process.env.PATH);
    assert.equal(environ.LOGTO_CONNECTOR_HOST_PARENT_PID, String(process.pid));
  });
});

describe('readSettings', () => {
  it('Reads_the_LOGTO_DOTNET_CONNECTOR_variables_and_falls_back_to_the_defaults', () => {
    assert.deepEqual(readSettings({}), { ...settingDefaults, hostEnv: [] });
    const settings = readSettings({
      LOGTO_DOTNET_CONNECTOR_PING_TIMEOUT_MS: '500', LOGTO_DOTNET_CONNECTOR_QUIET_MS: 'soon',
      LOGTO_DOTNET_CONNECTOR_CANCEL_GRACE_MS: '-1', LOGTO_DOTNET_CONNECTOR_MAX_QUEUED_BYTES: '65536',
      LOGTO_DOTNET_CONNECTOR_HOST_ENV: ' A ,B,, ',
    });
    assert.deepEqual(settings, {
      pingTimeoutMs: 500, quietMs: settingDefaults.quietMs, cancelGraceMs: settingDefaults.cancelGraceMs, maxQueuedBytes: 65_536,
      hostEnv: ['A', 'B'],
    });
  });
});
