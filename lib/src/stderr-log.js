// Forwards the host's stderr to Logto's console line by line, with a prefix and the level the host's stderr logger wrote
// ("<time> warn: …"), and keeps the last lines for crash reports.
import { StringDecoder } from 'node:string_decoder';

/** @typedef {'error' | 'warn' | 'info'} Level */
/** @typedef {Record<Level, (message: string) => void>} Logger where log lines go: Logto's console */

const MAX_LINE_CHARS = 2000;
/** @type {Record<string, Level>} */
const levelByPrefix = { trce: 'info', dbug: 'info', info: 'info', warn: 'warn', fail: 'error', crit: 'error' };

/**
 * @param {string} line
 * @param {Level | undefined} previous the level of the line before
 * @returns {Level}
 */
function levelOf(line, previous) {
  const labelled = /^(?:\S+ )?(trce|dbug|info|warn|fail|crit): /.exec(line);
  if (labelled) return levelByPrefix[labelled[1]];
  // Indented lines continue the entry before (the runtime's own stack traces); anything else unknown (a crash dump) is an error.
  return /^\s/.test(line) && previous ? previous : 'error';
}

export class StderrLog {
  #decoder = new StringDecoder('utf8');
  #partial = '';
  /** @type {string[]} */
  #tail = [];
  /** @type {Level | undefined} */
  #level;
  /** @type {Logger} */
  #logger;
  #prefix;
  #tailSize;

  /** @param {{ logger: Logger, prefix: string, tailSize?: number }} options */
  constructor({ logger, prefix, tailSize = 10 }) {
    this.#logger = logger;
    this.#prefix = prefix;
    this.#tailSize = tailSize;
  }

  /** @param {Buffer} chunk */
  push(chunk) {
    const lines = (this.#partial + this.#decoder.write(chunk)).split(/\r?\n/);
    // split() returns at least one element: the text after the last newline.
    this.#partial = lines.pop() ?? '';
    for (const line of lines) this.#line(line);
  }

  /** Emits a trailing line that had no newline (the process ended). */
  flush() {
    const rest = this.#partial + this.#decoder.end();
    this.#partial = '';
    if (rest) this.#line(rest);
  }

  /** The last lines seen, oldest first. */
  tail() {
    return [...this.#tail];
  }

  /** @param {string} raw */
  #line(raw) {
    const line = raw.length > MAX_LINE_CHARS ? `${raw.slice(0, MAX_LINE_CHARS)}…` : raw;
    if (!line.trim()) return;
    this.#level = levelOf(line, this.#level);
    this.#tail.push(line);
    if (this.#tail.length > this.#tailSize) this.#tail.shift();
    this.#logger[this.#level](`${this.#prefix} ${line}`);
  }
}
