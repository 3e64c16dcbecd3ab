#!/usr/bin/env node
// A stand-in for the Logto process: it loads the bridge (lib/src/index.js; the test sets LOGTO_DOTNET_CONNECTOR_HOST),
// makes the host run, prints {"hostPid": N} and then lives until it is killed. Usage: bridge-parent.mjs <endpoint> <mode>
//   idle  one email through the bridge, then the pid: the host sits idle between calls.
//   slow  one email that the sandbox holds (the test sets a Delay fault); the pid once the host logs that its HTTP
//         request is under way (the test runs it with LOGTO_CONNECTOR_HOST_LOG_LEVEL=debug).
import { hostPids, sandboxConfig, waitFor } from './bridge.mjs';

const [endpoint, mode] = process.argv.slice(2);
const { default: createConnector } = await import('../../../lib/src/index.js');
const under = { way: false };
const info = console.info;
console.info = (line, ...rest) => {
  if (String(line).includes('Sending SingleSendMail to')) under.way = true;
  info(line, ...rest);
};
const connector = await createConnector({ getConfig: async () => sandboxConfig(endpoint) });
const send = () => connector.sendMessage({ to: `parent-${process.pid}@example.com`, type: 'Generic', payload: { code: '1' } });

if (mode === 'idle') {
  await send();
} else {
  send().catch(() => {});
  await waitFor(() => under.way, 'the host to start its HTTP request');
}
const [hostPid] = hostPids();
console.log(JSON.stringify({ hostPid }));
setInterval(() => {}, 1_000);
