// Error vocabulary of the bridge: transport failures (HostError) and the mapping of everything to the Logto instance's
// ConnectorError, so core's error middleware recognises it (instanceof needs the instance's own connector-kit copy).
//
// Logto copies a ConnectorError's `data` into the HTTP response, and verification-code sends come from users who are not
// signed in. So `data` holds facts about this call only: one sentence, the failure kind, a correlation id, or the connector's
// own data exactly as the host returned it. Diagnostics (stderr, exit details, paths, other calls) go to Logto's log, in
// one entry under the same correlation id (HostProcess writes it).
import { randomUUID } from 'node:crypto';
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';
import { RpcErrorCodes, RpcResponseError } from './rpc-client.js';

const connectorErrorCodes = new Set(Object.values(ConnectorErrorCodes));

/** A failure of the bridge itself (host missing, crashed, timed out, unresponsive, overloaded, crash-looping, garbled). */
export class HostError extends Error {
  name = 'HostError';

  /**
   * @param {'unavailable' | 'exited' | 'timeout' | 'unresponsive' | 'overloaded' | 'protocol' | 'crash-loop'} failure
   * @param {string} description one sentence about this call, safe to show an end user (no paths, no host output)
   * @param {Record<string, unknown>} [details] diagnostics for the log only: exit code/signal, stderr tail, host, uptime …
   */
  constructor(failure, description, details = {}) {
    super(description);
    this.failure = failure;
    this.details = details;
    this.correlationId = randomUUID();
  }
}

export function toConnectorError(error) {
  if (error instanceof ConnectorError) return error;
  if (error instanceof RpcResponseError) {
    const { code, data } = error;
    if (code === RpcErrorCodes.ConnectorFailure && connectorErrorCodes.has(data?.code)) {
      return new ConnectorError(data.code, data.data);
    }
    // The host's answer to this call's own request (which parameter was invalid, say): about this call only.
    return new ConnectorError(ConnectorErrorCodes.General, {
      errorDescription: `The connector host rejected ${error.method}: ${error.rpcMessage} (JSON-RPC error ${code}).`,
      failure: 'rejected',
      rpcError: { code, message: error.rpcMessage, data },
    });
  }
  if (error instanceof HostError) {
    return new ConnectorError(ConnectorErrorCodes.General, {
      errorDescription: error.message,
      failure: error.failure,
      correlationId: error.correlationId,
    });
  }
  return new ConnectorError(ConnectorErrorCodes.General, {
    errorDescription: `Unexpected failure in the connector bridge: ${error?.message ?? String(error)}`,
    failure: 'bridge',
  });
}
