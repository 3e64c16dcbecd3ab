// The environment the host process starts with: only what a .NET process and its HTTPS calls need, never all of Logto's
// (which holds DB_URL and other secrets the host has no use for). An operator adds names with LOGTO_DOTNET_CONNECTOR_HOST_ENV.

// Names compared in upper case: Windows names are case-insensitive, and proxy variables are used in both cases on Unix.
const passedNames = new Set([
  'PATH', 'HOME', 'TMPDIR', 'TMP', 'TEMP', 'TZ', 'LANG', 'LANGUAGE',
  'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY',
  'SSL_CERT_FILE', 'SSL_CERT_DIR',
  // Where an operator installed OpenSSL or ICU outside the default library path.
  'LD_LIBRARY_PATH',
  // Windows: .NET's networking and crypto need the system directories.
  'SYSTEMROOT', 'WINDIR', 'SYSTEMDRIVE', 'COMSPEC', 'PATHEXT', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'PROGRAMDATA',
]);
// Locale, the .NET runtime's settings (COMPlus_ is their older spelling), and this package's own settings.
const passedPrefixes = ['LC_', 'DOTNET_', 'COMPLUS_', 'LOGTO_'];

export const parentPidVariable = 'LOGTO_CONNECTOR_HOST_PARENT_PID';

// The GC sizes its gen0 budget from the L3 cache, so on a large-cache server the host grows many times past its working
// set before its first collection. A 1 MiB gen0 budget (floor and cap) and 1 MiB regions keep it small (bench/memory.mjs).
// The AOT build embeds these (host/Cli/GcSettings.props; tests/node/shared-constants.test.mjs ties this copy to it); the
// musl single-file build cannot, so they are set here. Values are hex; the operator's win.
const gcDefaults = { DOTNET_GCgen0size: '100000', DOTNET_GCGen0MaxBudget: '100000', DOTNET_GCRegionSize: '100000' };

/**
 * True when the host gets variable `name` (case-insensitive), also when it is one of `extraNames`.
 * @param {string} name
 * @param {string[]} [extraNames]
 */
export function isPassedToHost(name, extraNames = []) {
  const upper = name.toUpperCase();
  return passedNames.has(upper) || passedPrefixes.some((prefix) => upper.startsWith(prefix))
    || extraNames.some((extra) => extra.toUpperCase() === upper);
}

/**
 * The host's environment: the allowed part of `env` (plus `extraNames`), the GC defaults unless set, and the parent pid
 * for the host's watchdog.
 * @param {NodeJS.ProcessEnv} env
 * @param {number} parentPid
 * @param {string[]} [extraNames]
 * @returns {NodeJS.ProcessEnv}
 */
export function hostEnvironment(env, parentPid, extraNames = []) {
  const passed = Object.fromEntries(Object.entries(env).filter(([name]) => isPassedToHost(name, extraNames)));
  return { ...gcDefaults, ...passed, [parentPidVariable]: String(parentPid) };
}
