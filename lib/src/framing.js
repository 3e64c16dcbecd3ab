// LSP base-protocol framing: "Content-Length: N\r\n\r\n" + N bytes of UTF-8 JSON.
// Our own ~80 lines instead of vscode-jsonrpc's reader because that reader has no frame-size cap (a bad length header makes
// Node buffer without bound) and stays wedged after a header error; here both are fatal, bounded, and reported once.

export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = '\r\n\r\n';

export class FramingError extends Error {
  name = 'FramingError';
}

/**
 * Encodes one JSON-RPC message as an LSP frame.
 * @param {unknown} message
 * @returns {Buffer}
 */
export function encodeFrame(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}${HEADER_END}`, 'ascii'), body]);
}

/** Incremental frame decoder: push() raw chunks, receive parsed messages; the first protocol violation is fatal. */
export class FrameReader {
  /** @type {Buffer[]} */
  #chunks = [];
  #bytes = 0;
  #bodyLength = -1;
  #failed = false;
  #onMessage;
  #onError;
  #maxFrameBytes;

  /**
   * @param {object} options
   * @param {(message: unknown) => void} options.onMessage each parsed message, in order
   * @param {(error: Error) => void} options.onError the first violation; nothing is delivered after it
   * @param {number} [options.maxFrameBytes]
   */
  constructor({ onMessage, onError, maxFrameBytes = DEFAULT_MAX_FRAME_BYTES }) {
    this.#onMessage = onMessage;
    this.#onError = onError;
    this.#maxFrameBytes = maxFrameBytes;
  }

  /** @param {Buffer} chunk */
  push(chunk) {
    if (this.#failed) return;
    this.#chunks.push(chunk);
    this.#bytes += chunk.length;
    try {
      while (this.#next());
    } catch (error) {
      this.#failed = true;
      this.#chunks = [];
      this.#onError(error instanceof Error ? error : new FramingError(String(error)));
    }
  }

  #next() {
    if (this.#bodyLength < 0) {
      const buffered = this.#take(this.#bytes, false);
      const end = buffered.indexOf(HEADER_END, 0, 'ascii');
      if (end < 0) {
        if (buffered.length > MAX_HEADER_BYTES) throw new FramingError(`header longer than ${MAX_HEADER_BYTES} bytes`);
        return false;
      }
      this.#bodyLength = this.#parseHeader(buffered.subarray(0, end).toString('latin1'));
      this.#take(end + HEADER_END.length, true);
    }
    if (this.#bytes < this.#bodyLength) return false;
    const body = this.#take(this.#bodyLength, true);
    this.#bodyLength = -1;
    let message;
    try {
      message = JSON.parse(body.toString('utf8'));
    } catch (error) {
      throw new FramingError(`frame body is not JSON: ${/** @type {SyntaxError} */ (error).message}`, { cause: error });
    }
    this.#onMessage(message);
    return true;
  }

  /**
   * @param {string} text the header block without its final blank line
   * @returns {number} the body length
   */
  #parseHeader(text) {
    /** @type {number | undefined} */
    let length;
    for (const line of text.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new FramingError(`malformed header line ${JSON.stringify(line.slice(0, 80))}`);
      if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
      const value = line.slice(colon + 1).trim();
      if (!/^\d{1,10}$/.test(value)) throw new FramingError(`invalid Content-Length ${JSON.stringify(value.slice(0, 20))}`);
      length = Number(value);
    }
    if (length === undefined) throw new FramingError('frame without a Content-Length header');
    if (length > this.#maxFrameBytes) {
      throw new FramingError(`frame of ${length} bytes exceeds the ${this.#maxFrameBytes}-byte limit`);
    }
    return length;
  }

  /**
   * Returns the first `count` buffered bytes as one Buffer; removes them when `consume` is true.
   * @param {number} count
   * @param {boolean} consume
   */
  #take(count, consume) {
    const all = this.#chunks.length === 1 ? this.#chunks[0] : Buffer.concat(this.#chunks, this.#bytes);
    const rest = all.subarray(count);
    this.#chunks = consume ? (rest.length > 0 ? [rest] : []) : [all];
    if (consume) this.#bytes = rest.length;
    return all.subarray(0, count);
  }
}
