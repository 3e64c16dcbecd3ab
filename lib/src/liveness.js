// Liveness of one host process. A host that stays alive without answering (stopped, deadlocked, a connector that spins or
// blocks every thread) is what a supervisor is for; a slow provider is not such a host. The host answers `ping` from its
// reader thread, ahead of connector work, so a ping tells a stalled process from a busy one:
//   - a ping when a call times out, when calls are pending and nothing came back for `quietMs`, and before a call after
//     `quietMs` without a word from the host (the call waits for the answer, so it never goes to a frozen host);
//     no answer within `pingTimeoutMs` -> unresponsive;
//   - a call that timed out is cancelled; a host that does not answer it (even with "cancelled") within `cancelGraceMs`
//     has a connector that ignores cancellation or has no thread left to run on -> unresponsive.

export class Liveness {
  #rpc;
  #settings;
  /** @type {(reason: string) => void} */
  #onUnresponsive;
  /** @type {Promise<boolean> | undefined} the ping in progress */
  #checking;
  #watch;
  #stopped = false;
  #pings = { sent: 0, answered: 0 };

  /**
   * @param {import('./rpc-client.js').RpcConnection} rpc
   * @param {{ pingTimeoutMs: number, quietMs: number, cancelGraceMs: number }} settings
   * @param {(reason: string) => void} onUnresponsive called at most once
   */
  constructor(rpc, settings, onUnresponsive) {
    this.#rpc = rpc;
    this.#settings = settings;
    this.#onUnresponsive = (reason) => {
      if (this.#stopped) return;
      this.stop();
      onUnresponsive(reason);
    };
    this.#watch = setInterval(() => this.#checkWhenQuiet(), Math.max(25, Math.floor(settings.quietMs / 4)));
    this.#watch.unref();
  }

  /** Liveness pings sent to this host and answered by it. */
  get pings() {
    return { ...this.#pings };
  }

  /** Before a call: true when the host may be sent it (answered a ping if it had been quiet, or one was in progress). */
  async confirm() {
    if (this.#stopped) return false;
    if (this.#checking || this.#quietFor() >= this.#settings.quietMs) {
      return this.check(`it had sent nothing for ${this.#quietFor()} ms before a call`);
    }
    return true;
  }

  /**
   * A ping with its own deadline; resolves true when answered. One check at a time: later callers share it.
   * @param {string} trigger why, for the log entry should the host fail it
   * @returns {Promise<boolean>}
   */
  check(trigger) {
    if (this.#stopped) return Promise.resolve(false);
    this.#checking ??= this.#ping(trigger).finally(() => {
      this.#checking = undefined;
    });
    return this.#checking;
  }

  /**
   * After the call `id` was abandoned and cancelled: it must be answered within the cancel grace.
   * @param {number} id
   * @param {string} method
   */
  expectCancelled(id, method) {
    const timer = setTimeout(() => {
      if (this.#rpc.owes(id)) {
        this.#onUnresponsive(`it did not answer a timed-out ${method} within ${this.#settings.cancelGraceMs} ms of cancelling it`);
      }
      this.#rpc.forget(id);
    }, this.#settings.cancelGraceMs);
    timer.unref();
  }

  stop() {
    this.#stopped = true;
    clearInterval(this.#watch);
  }

  #quietFor() {
    return Date.now() - this.#rpc.lastHeardAt;
  }

  #checkWhenQuiet() {
    if (this.#checking || this.#rpc.pendingCount === 0) return;
    const quiet = this.#quietFor();
    if (quiet >= this.#settings.quietMs) void this.check(`it had sent nothing for ${quiet} ms with calls pending`);
  }

  /** @param {string} trigger */
  async #ping(trigger) {
    const { pingTimeoutMs } = this.#settings;
    const { id, result } = this.#rpc.request('ping', {});
    this.#pings.sent += 1;
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const expired = new Promise((resolve) => {
      timer = setTimeout(() => resolve('expired'), pingTimeoutMs);
      timer.unref();
    });
    const outcome = await Promise.race([result.then(() => 'answered', () => 'failed'), expired]);
    clearTimeout(timer);
    if (outcome === 'answered') {
      this.#pings.answered += 1;
      return true;
    }
    if (outcome === 'expired') {
      this.#rpc.reject(id, new Error('ping expired'));
      this.#onUnresponsive(`no answer to a ping within ${pingTimeoutMs} ms; ${trigger}`);
    }
    return false;
  }
}
