// Crash-loop breaker: after `maxExits` host exits within `windowMs` no new host is started until `coolDownMs` has passed
// (VS Code's language client stops after 5 crashes in 3 minutes; we retry after a cool-down instead of never).

export class CrashLoopBreaker {
  /** @type {number[]} times of the exits within the window */
  #exits = [];
  #openUntil = 0;
  #maxExits;
  #windowMs;
  #coolDownMs;
  #now;

  /** @param {{ maxExits?: number, windowMs?: number, coolDownMs?: number, now?: () => number }} [options] */
  constructor({ maxExits = 5, windowMs = 180_000, coolDownMs = 60_000, now = Date.now } = {}) {
    this.#maxExits = maxExits;
    this.#windowMs = windowMs;
    this.#coolDownMs = coolDownMs;
    this.#now = now;
  }

  get settings() {
    return { maxExits: this.#maxExits, windowMs: this.#windowMs, coolDownMs: this.#coolDownMs };
  }

  /** Records one exit (or failed start); opens the breaker when the window holds `maxExits` of them. */
  recordExit() {
    const now = this.#now();
    this.#exits = this.#exits.filter((at) => now - at < this.#windowMs);
    this.#exits.push(now);
    if (this.#exits.length >= this.#maxExits) this.#openUntil = now + this.#coolDownMs;
  }

  /** While open: `{ retryAt, exits }`; otherwise undefined (a start may be attempted). */
  openState() {
    const now = this.#now();
    if (now >= this.#openUntil) return undefined;
    return { retryAt: new Date(this.#openUntil), exits: this.#exits.length };
  }
}
