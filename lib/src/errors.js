// Error vocabulary of the bridge: transport failures (HostError) and the mapping of everything to the Logto instance's
// ConnectorError, so core's error middleware recognises it (instanceof needs the instance's own connector-kit copy).
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';
import { RpcErrorCodes, RpcResponseError } from './rpc-client.js';

const connectorErrorCodes = new Set(Object.values(ConnectorErrorCodes));

/** A failure of the bridge itself (host missing, crashed, timed out, crash-looping, or speaking garbage). */
export class HostError extends Error {
  name = 'HostError';

  /**
   * @param {'unavailable' | 'exited' | 'timeout' | 'protocol' | 'crash-loop'} failure
   * @param {string} description one sentence for the Logto admin ("Error occurred in connector: …")
   * @param {Record<string, unknown>} [details] exit code/signal, stderr tail, method, uptime, restarts …
   */
  constructor(failure, description, details = {}) {
    super(description);
    this.failure = failure;
    this.details = details;
  }
}

export function toConnectorError(error) {
  if (error instanceof ConnectorError) return error;
  if (error instanceof RpcResponseError) {
    const { code, data } = error;
    if (code === RpcErrorCodes.ConnectorFailure && connectorErrorCodes.has(data?.code)) {
      return new ConnectorError(data.code, data.data);
    }
    return new ConnectorError(ConnectorErrorCodes.General, {
      errorDescription: `The connector host rejected ${error.method}: ${error.rpcMessage} (JSON-RPC error ${code}).`,
      rpcError: { code, message: error.rpcMessage, data },
    });
  }
  if (error instanceof HostError) {
    return new ConnectorError(ConnectorErrorCodes.General, {
      errorDescription: error.message,
      failure: error.failure,
      ...error.details,
    });
  }
  return new ConnectorError(ConnectorErrorCodes.General, {
    errorDescription: `Unexpected failure in the connector bridge: ${error?.message ?? String(error)}`,
  });
}
