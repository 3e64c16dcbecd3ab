// The transport's failure type: everything that goes wrong between the bridge and the host process. Logto never sees it;
// logto-errors.js turns it into the instance's ConnectorError.
import { randomUUID } from 'node:crypto';

/** @typedef {'unavailable' | 'exited' | 'timeout' | 'unresponsive' | 'overloaded' | 'protocol' | 'crash-loop'} HostFailure */

/** A failure of the bridge itself (host missing, crashed, timed out, unresponsive, overloaded, crash-looping, garbled). */
export class HostError extends Error {
  name = 'HostError';

  /**
   * @param {HostFailure} failure
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
