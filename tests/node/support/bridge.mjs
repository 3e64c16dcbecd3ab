// The bridge (lib/src) driving the real host (the Debug build of host/Cli), for the reliability suites: a HostProcess with
// chosen breaker/timeout, fresh instances of the module Logto imports (createConnector), sandbox configs, and /proc helpers
// to find the host a bridge started and to tell when a process is gone.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HostProcess } from '../../../lib/src/host-process.js';
import { repoDir } from './artifacts.mjs';
import { sandboxCredentials } from './sandbox.mjs';
import { requiredUsageTypes } from './usage-types.mjs';

export const connectorId = 'aliyun-direct-mail-dotnet';

/** A valid config for the sandbox at `endpoint` (its credentials, the canary secret when set). */
export const sandboxConfig = (endpoint, overrides = {}) => ({
  ...sandboxCredentials,
  accountName: 'noreply@mail.example.com',
  fromAlias: 'Reliability',
  endpoint,
  templates: requiredUsageTypes.map((usageType) => ({
    usageType,
    subject: `${usageType} code {{code}}`,
    content: `<p>Your ${usageType} code is <b>{{code}}</b></p>`,
  })),
  ...overrides,
});

/** A logger keeping every line (the bridge forwards the host's stderr to it). */
export function capturingLogger() {
  const lines = [];
  const log = (level) => (line) => lines.push({ level, line });
  return { lines, logger: { error: log('error'), warn: log('warn'), info: log('info') } };
}

/** HostProcess (the bridge's process manager) over `dotnet <host dll> serve [args]`; counts its spawns. */
export function realHostProcess(hostDll, { args = [], ...options } = {}) {
  const { lines, logger } = capturingLogger();
  let spawns = 0;
  const host = new HostProcess({
    resolveCommand: () => {
      spawns += 1;
      return { command: 'dotnet', args: [hostDll, 'serve', ...args], source: 'the Debug build of host/Cli' };
    },
    client: { name: 'reliability-tests', version: '1.0.0' },
    logger,
    logPrefix: '[reliability-host]',
    ...options,
  });
  return { host, lines, spawns: () => spawns };
}

let bridgeInstances = 0;

/**
 * A fresh instance of lib/src/index.js (the module Logto imports; a new URL is a new module, with its own host) running
 * the given host, with the environment it reads at load time set only while it loads. Returns its createConnector.
 */
export async function loadBridge(hostDll, { timeoutMs, logLevel } = {}) {
  const variables = {
    LOGTO_DOTNET_CONNECTOR_HOST: hostDll,
    LOGTO_DOTNET_CONNECTOR_TIMEOUT_MS: timeoutMs === undefined ? undefined : String(timeoutMs),
    // The host inherits the bridge's environment when it starts (at the first call), so this one stays set.
    LOGTO_CONNECTOR_HOST_LOG_LEVEL: logLevel,
  };
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  bridgeInstances += 1;
  const url = `${pathToFileURL(path.join(repoDir, 'lib/src/index.js')).href}?instance=${bridgeInstances}`;
  const { default: createConnector } = await import(url);
  delete process.env.LOGTO_DOTNET_CONNECTOR_TIMEOUT_MS;
  return createConnector;
}

/** Replaces console's methods (the bridge's default logger) by a collector until restore() is called. */
export function captureConsole() {
  const lines = [];
  const originals = { error: console.error, warn: console.warn, info: console.info, log: console.log };
  for (const level of Object.keys(originals)) console[level] = (...args) => lines.push(args.join(' '));
  return { lines, restore: () => Object.assign(console, originals) };
}

/** The pids whose parent is `parentPid`, with their command lines. */
export function childProcesses(parentPid = process.pid) {
  const children = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) !== parentPid || state === 'Z') continue;
      children.push({ pid: Number(entry), args: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0') });
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

/** Pids of the connector hosts (`… serve …`) that `parentPid` started. */
export const hostPids = (parentPid = process.pid) =>
  childProcesses(parentPid).filter(({ args }) => args.includes('serve')).map(({ pid }) => pid);

export { isGone } from './processes.mjs';

/** Polls `predicate` (sync or async) every 10 ms until it is truthy; fails naming `what` after `deadlineMs`. */
export async function waitFor(predicate, what, deadlineMs = 60_000) {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > until) assert.fail(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
