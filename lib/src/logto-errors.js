// Every failure of a call, mapped to the Logto instance's ConnectorError so core's error middleware recognises it (instanceof
// needs the instance's own connector-kit copy). The transport's own failures are HostErrors (host-error.js).
//
// Logto copies a ConnectorError's `data` into the HTTP response, and verification-code sends come from users who are not
// signed in. So `data` holds facts about this call only: one sentence, the failure kind, a correlation id, or the connector's
// own data exactly as the host returned it. Diagnostics (stderr, exit details, paths, other calls) go to Logto's log, in
// one entry under the same correlation id (HostProcess writes it).
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';
import { HostError } from './host-error.js';
import { RpcErrorCodes, RpcResponseError } from './rpc-client.js';

/** @type {Set<unknown>} */
const connectorErrorCodes = new Set(Object.values(ConnectorErrorCodes));

/**
 * The data of the host's ConnectorFailure error: the connector's own error code and data.
 * @param {unknown} data
 * @returns {data is { code: ConnectorErrorCodes, data?: unknown }}
 */
const isConnectorFailure = (data) =>
  typeof data === 'object' && data !== null && 'code' in data && connectorErrorCodes.has(data.code);

/** @param {unknown} error anything a call threw */
export function toConnectorError(error) {
  if (error instanceof ConnectorError) return error;
  if (error instanceof RpcResponseError) {
    const { code, data } = error;
    if (code === RpcErrorCodes.ConnectorFailure && isConnectorFailure(data)) {
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
    errorDescription: `Unexpected failure in the connector bridge: ${error instanceof Error ? error.message : String(error)}`,
    failure: 'bridge',
  });
}
