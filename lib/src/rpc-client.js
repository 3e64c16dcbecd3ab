// JSON-RPC 2.0 client side over one framed byte stream pair. Knows nothing about processes: the owner decides what a
// fatal framing error or a closed stream means and calls failAll().
import protocol from '../../schema/protocol.openrpc.json' with { type: 'json' };
import { encodeFrame, FrameReader } from './framing.js';

// The codes this side acts on, as the protocol's document names them (the host's C# constants are tied to it by a test).
export const RpcErrorCodes = Object.freeze({
  MethodNotFound: protocol.components.errors.MethodNotFound.code,
  ConnectorFailure: protocol.components.errors.ConnectorError.code,
});

/** An error response received from the peer. */
export class RpcResponseError extends Error {
  name = 'RpcResponseError';

  /**
   * @param {string} method the request's method
   * @param {RpcErrorObject} error
   */
  constructor(method, { code, message, data }) {
    super(`${method} failed with JSON-RPC error ${code}: ${message}`);
    this.method = method;
    this.code = code;
    this.rpcMessage = message;
    this.data = data;
  }
}

/** @typedef {{ code: number, message: string, data?: unknown }} RpcErrorObject the `error` member of a response */

/**
 * A message from the peer, as far as this side reads it: a response (id with result or error), or a request or
 * notification (method) it has no business sending.
 * @typedef {{ id?: unknown, method?: unknown, result?: unknown, error?: RpcErrorObject }} IncomingMessage
 */

export class RpcConnection {
  #nextId = 1;
  /** @type {Map<number, { method: string, resolve: (result: unknown) => void, reject: (error: Error) => void }>} */
  #pending = new Map();
  /** @type {Set<number>} Ids of calls given up on (timed out) whose answer the peer still owes: a peer that never gives it is wedged. */
  #owed = new Set();
  /** @type {import('node:stream').Writable} */
  #writable;
  /** @type {Error | undefined} */
  #closedError;
  #lastHeardAt = Date.now();

  /**
   * @param {import('node:stream').Readable} readable the peer's output
   * @param {import('node:stream').Writable} writable the peer's input
   * @param {{ onFatal: (error: Error) => void, maxFrameBytes?: number }} options
   */
  constructor(readable, writable, { onFatal, maxFrameBytes }) {
    this.#writable = writable;
    const reader = new FrameReader({ onMessage: (message) => this.#dispatch(message), onError: onFatal, maxFrameBytes });
    readable.on('data', (chunk) => {
      this.#lastHeardAt = Date.now();
      reader.push(chunk);
    });
  }

  get pendingCount() {
    return this.#pending.size;
  }

  /** When the peer last sent anything (Date.now() units); the connection's creation before that. */
  get lastHeardAt() {
    return this.#lastHeardAt;
  }

  /** Bytes written but not yet taken by the peer's side of the stream (beyond what the OS pipe buffers). */
  get queuedBytes() {
    return this.#writable.writableLength ?? 0;
  }

  /** Methods of the calls still waiting for an answer (for crash reports). */
  get pendingMethods() {
    return [...this.#pending.values()].map(({ method }) => method);
  }

  /**
   * Sends a request; `result` settles with the answer, or with the error given to reject()/failAll().
   * @param {string} method
   * @param {unknown} params
   * @returns {{ id: number, result: Promise<unknown> }}
   */
  request(method, params) {
    const id = this.#nextId++;
    // Encoding first: params that cannot be JSON (a cycle, a BigInt) throw here, before anything is registered.
    const frame = encodeFrame({ jsonrpc: '2.0', id, method, params });
    /** @type {Promise<unknown>} */
    const result = new Promise((resolve, reject) => this.#pending.set(id, { method, resolve, reject }));
    if (this.#closedError) {
      this.reject(id, this.#closedError);
    } else {
      this.#writable.write(frame);
    }
    return { id, result };
  }

  /**
   * @param {string} method
   * @param {unknown} params
   */
  notify(method, params) {
    if (!this.#closedError) this.#write({ jsonrpc: '2.0', method, params });
  }

  /**
   * Settles one pending call with an error; a late answer to it is then dropped.
   * @param {number} id
   * @param {Error} error
   */
  reject(id, error) {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    pending.reject(error);
  }

  /**
   * Rejects a call now but keeps expecting its answer (see owes()): for a call that was cancelled after a timeout.
   * @param {number} id
   * @param {Error} error
   */
  abandon(id, error) {
    if (!this.#pending.has(id)) return;
    this.#owed.add(id);
    this.reject(id, error);
  }

  /**
   * True while an abandoned call's answer has not arrived; forget() stops expecting it.
   * @param {number} id
   */
  owes(id) {
    return this.#owed.has(id);
  }

  /** @param {number} id */
  forget(id) {
    this.#owed.delete(id);
  }

  /**
   * Rejects every pending call and every later request with `error`.
   * @param {Error} error
   */
  failAll(error) {
    this.#closedError ??= error;
    for (const id of [...this.#pending.keys()]) this.reject(id, error);
  }

  /** @param {object} message */
  #write(message) {
    // EPIPE after the peer died surfaces as a stream 'error' that the owner handles; the exit then fails the call.
    this.#writable.write(encodeFrame(message));
  }

  /** @param {unknown} parsed */
  #dispatch(parsed) {
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return;
    const message = /** @type {IncomingMessage} */ (parsed);
    if (typeof message.method === 'string') {
      // The host has no business calling us; answer requests so it never waits, ignore notifications.
      if ('id' in message) {
        this.#write({ jsonrpc: '2.0', id: message.id, error: { code: RpcErrorCodes.MethodNotFound, message: 'not supported' } });
      }
      return;
    }
    // Every id this side sends is a number; an answer with any other id answers nothing.
    if (typeof message.id !== 'number') return;
    this.#owed.delete(message.id);
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    if (message.error) {
      pending.reject(new RpcResponseError(pending.method, message.error));
    } else {
      pending.resolve(message.result);
    }
  }
}
