// The bridge's HostProcess over tests/Host.TestHost (the hosting library serving controllable test connectors, Debug
// build), for the liveness suites: `sendMessage` to connector "test" with payload.behavior picking what it does
// (echo, delay, slow-provider, spin, block-threads, ...; see tests/Host.TestHost/TestConnector.cs).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { HostProcess } from '../../../lib/src/host-process.js';
import { repoDir, withLock } from './artifacts.mjs';
import { capturingLogger } from './bridge.mjs';

const run = promisify(execFile);
export const testHostDll = path.join(repoDir, 'tests/Host.TestHost/bin/Debug/net10.0/Host.TestHost.dll');

/** Builds tests/Host.TestHost (Debug), under the artifacts lock (it shares host/Hosting with the host build); returns its dll. */
export async function ensureTestHost() {
  const project = path.join(repoDir, 'tests/Host.TestHost/Host.TestHost.csproj');
  const build = ['build', project, '-c', 'Debug', '--nologo', '-v', 'q'];
  await withLock(() => run('dotnet', build, { cwd: repoDir, maxBuffer: 32 * 1024 * 1024 }));
  return testHostDll;
}

/** HostProcess over the test host; counts its spawns and keeps every log line. */
export function testHostProcess(options = {}) {
  const { lines, logger } = capturingLogger();
  let spawns = 0;
  const host = new HostProcess({
    resolveCommand: () => {
      spawns += 1;
      return { command: 'dotnet', args: [testHostDll, '--log-level', 'warning'], source: 'tests/Host.TestHost' };
    },
    client: { name: 'liveness-tests', version: '1.0.0' },
    logger,
    logPrefix: '[liveness-host]',
    ...options,
  });
  return { host, lines, spawns: () => spawns };
}

/** One sendMessage to the test connector doing `behavior` (delayMs where it takes one). */
export const testSend = (host, behavior, { delayMs = 0, to = `${behavior}@example.com`, padding } = {}) =>
  host.call('sendMessage', {
    connectorId: 'test',
    to,
    type: 'Generic',
    payload: { behavior, delayMs, ...(padding ? { padding } : {}) },
    config: { apiKey: 'test-key' },
  });
