// Forwards the host's stderr to Logto's console line by line, with a prefix and a level guessed from .NET's console
// formatters, and keeps the last lines for crash reports.
import { StringDecoder } from 'node:string_decoder';

const MAX_LINE_CHARS = 2000;
const levelByPrefix = { trce: 'info', dbug: 'info', info: 'info', warn: 'warn', fail: 'error', crit: 'error' };
const levelByName = { Trace: 'info', Debug: 'info', Information: 'info', Warning: 'warn', Error: 'error', Critical: 'error' };

function levelOf(line, previous) {
  const simple = /^(?:\S+ )?(trce|dbug|info|warn|fail|crit): /.exec(line);
  if (simple) return levelByPrefix[simple[1]];
  const json = /"LogLevel"\s*:\s*"(\w+)"/.exec(line);
  if (json && levelByName[json[1]]) return levelByName[json[1]];
  // Continuation lines of the simple formatter are indented; anything else unknown (a crash dump) is an error.
  return /^\s/.test(line) && previous ? previous : 'error';
}

export class StderrLog {
  #decoder = new StringDecoder('utf8');
  #partial = '';
  #tail = [];
  #level;
  #logger;
  #prefix;
  #tailSize;

  constructor({ logger, prefix, tailSize = 10 }) {
    this.#logger = logger;
    this.#prefix = prefix;
    this.#tailSize = tailSize;
  }

  push(chunk) {
    const lines = (this.#partial + this.#decoder.write(chunk)).split(/\r?\n/);
    this.#partial = lines.pop();
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

  #line(raw) {
    const line = raw.length > MAX_LINE_CHARS ? `${raw.slice(0, MAX_LINE_CHARS)}…` : raw;
    if (!line.trim()) return;
    this.#level = levelOf(line, this.#level);
    this.#tail.push(line);
    if (this.#tail.length > this.#tailSize) this.#tail.shift();
    this.#logger[this.#level](`${this.#prefix} ${line}`);
  }
}
