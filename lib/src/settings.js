// The bridge's operator settings beyond the call timeout (which index.js reads): environment variables named
// LOGTO_DOTNET_CONNECTOR_*, read once when the host manager is created. A missing or invalid number means the default.

export const settingVariables = Object.freeze({
  pingTimeoutMs: 'LOGTO_DOTNET_CONNECTOR_PING_TIMEOUT_MS',
  quietMs: 'LOGTO_DOTNET_CONNECTOR_QUIET_MS',
  cancelGraceMs: 'LOGTO_DOTNET_CONNECTOR_CANCEL_GRACE_MS',
  maxQueuedBytes: 'LOGTO_DOTNET_CONNECTOR_MAX_QUEUED_BYTES',
  hostEnv: 'LOGTO_DOTNET_CONNECTOR_HOST_ENV',
});

export const settingDefaults = Object.freeze({
  // A healthy host answers a ping in well under a millisecond (it is answered by the host's reader thread).
  pingTimeoutMs: 2_000,
  // Calls pending and nothing heard for this long, or a call after this long without a word from the host: ping first.
  quietMs: 1_000,
  // A call that timed out is cancelled; a host that does not answer it (even with "cancelled") within this is wedged.
  cancelGraceMs: 5_000,
  // Bytes written to the host's stdin that it has not read yet; beyond this new calls fail at once.
  maxQueuedBytes: 1024 * 1024,
});

/** @typedef {{ [Key in keyof typeof settingDefaults]: number } & { hostEnv: string[] }} Settings */

/** @param {string | undefined} value */
const positive = (value) => {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : undefined;
};

/**
 * The settings from `env`, defaults filled in; `hostEnv` is the list of extra variable names passed to the host.
 * @returns {Settings}
 */
export function readSettings(env = process.env) {
  /** @param {keyof typeof settingDefaults} key */
  const number = (key) => positive(env[settingVariables[key]]) ?? settingDefaults[key];
  return {
    pingTimeoutMs: number('pingTimeoutMs'),
    quietMs: number('quietMs'),
    cancelGraceMs: number('cancelGraceMs'),
    maxQueuedBytes: number('maxQueuedBytes'),
    hostEnv: (env[settingVariables.hostEnv] ?? '').split(',').map((name) => name.trim()).filter(Boolean),
  };
}
