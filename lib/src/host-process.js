// The .NET host child process: started lazily, initialized once, reused, restarted after it exits or stops responding,
// guarded by a crash-loop breaker; every call has a timeout that cancels it; writes to the host are bounded; an idle child
// never keeps Node's event loop alive.
import { spawn } from 'node:child_process';
import protocol from '../../schema/protocol.openrpc.json' with { type: 'json' };
import { CrashLoopBreaker } from './breaker.js';
import { HostError } from './host-error.js';
import { hostEnvironment, parentPidVariable } from './host-environment.js';
import { Liveness } from './liveness.js';
import { RpcConnection } from './rpc-client.js';
import { readSettings } from './settings.js';
import { StderrLog } from './stderr-log.js';

export { hostEnvironment, parentPidVariable };
// The version the protocol's document states (the host's C# constant is tied to it by a test).
export const protocolVersion = protocol.info.version;

// Children of this Node process; killed when it exits so no host outlives Logto (the host also watches stdin and the pid).
/** @type {Set<import('node:child_process').ChildProcess>} */
const liveChildren = new Set();
let exitHookInstalled = false;
/** @param {import('node:child_process').ChildProcess} child */
function killOnExit(child) {
  liveChildren.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const running of liveChildren) running.kill('SIGKILL');
  });
}

/** @typedef {import('./stderr-log.js').Logger} Logger */
/** @typedef {import('./host-error.js').HostFailure} HostFailure */
/** @typedef {Record<string, unknown>} HostInfo the host's `initialize` answer ({ protocolVersion, host, connectors }) */

/**
 * One started host process and the connection to it.
 * @typedef {object} Session
 * @property {import('node:child_process').ChildProcessWithoutNullStreams} child
 * @property {string} source where the command came from, for log entries
 * @property {number} startedAt
 * @property {boolean} gone its process has exited (or never started)
 * @property {boolean} [stopping] stop() was called: its exit is no crash
 * @property {boolean} [retired] declared unresponsive and killed
 * @property {StderrLog} stderr
 * @property {RpcConnection} rpc
 * @property {Error} [fault] the protocol violation it was killed for
 * @property {HostInfo} [info] set once initialized, together with `liveness`
 * @property {Liveness} [liveness]
 */
/** @typedef {Session & { info: HostInfo, liveness: Liveness }} ReadySession */

/** @param {{ code: number | null, signal: NodeJS.Signals | null }} exit */
const describeExit = ({ code, signal }) => (signal ? `signal ${signal}` : `exit code ${code}`);
/**
 * @param {Session | undefined} session
 * @returns {session is Session}
 */
const usable = (session) => session !== undefined && !session.gone && !session.retired;
/**
 * @param {Session | undefined} session
 * @returns {session is ReadySession}
 */
const ready = (session) => usable(session) && session.info !== undefined && session.liveness !== undefined;

export class HostProcess {
  #resolveCommand;
  #client;
  #logger;
  #prefix;
  #callTimeoutMs;
  #startTimeoutMs;
  #maxFrameBytes;
  #breaker;
  #settings;
  /** @type {Session | undefined} the latest host started */
  #current;
  /** @type {Promise<ReadySession> | undefined} */
  #starting;
  #active = 0;
  #starts = 0;
  /** @type {HostError | undefined} */
  #lastExit;

  /**
   * @param {object} options
   * @param {() => { command: string, args: string[], source: string }} options.resolveCommand
   * @param {{ name: string, version: string }} options.client sent in `initialize`
   * @param {Logger} [options.logger]
   * @param {string} [options.logPrefix] starts every log line
   * @param {number} [options.callTimeoutMs] a call's default timeout
   * @param {number} [options.startTimeoutMs] the `initialize` call's timeout
   * @param {number} [options.maxFrameBytes] the largest frame accepted from the host
   * @param {CrashLoopBreaker} [options.breaker]
   * @param {Partial<import('./settings.js').Settings>} [options.settings] liveness, queue bound and host environment;
   *   each one not given comes from the LOGTO_DOTNET_CONNECTOR_* variables (lib/src/settings.js)
   */
  constructor({
    resolveCommand,
    client,
    logger = console,
    logPrefix = '[connector-host]',
    callTimeoutMs = 30_000,
    startTimeoutMs = 15_000,
    maxFrameBytes,
    breaker = new CrashLoopBreaker(),
    settings = {},
  }) {
    this.#resolveCommand = resolveCommand;
    this.#client = client;
    this.#logger = logger;
    this.#prefix = logPrefix;
    this.#callTimeoutMs = callTimeoutMs;
    this.#startTimeoutMs = startTimeoutMs;
    this.#maxFrameBytes = maxFrameBytes;
    this.#breaker = breaker;
    this.#settings = { ...readSettings(), ...settings };
  }

  /** Pid of the running host, if any. */
  get pid() {
    return usable(this.#current) ? this.#current.child.pid : undefined;
  }

  /** Liveness pings sent to the running host and answered by it. */
  get pings() {
    return this.#current?.liveness?.pings ?? { sent: 0, answered: 0 };
  }

  /** Bytes written to the running host's stdin that it has not read yet. */
  get queuedBytes() {
    return usable(this.#current) ? this.#current.rpc.queuedBytes : 0;
  }

  /** The host's `initialize` answer ({ protocolVersion, host, connectors }), once started. */
  get info() {
    return this.#current?.info;
  }

  /**
   * One request to the host, starting it first when needed. Rejects with RpcResponseError or HostError.
   * @param {string} method
   * @param {unknown} params
   * @param {{ timeoutMs?: number }} [options]
   */
  async call(method, params, { timeoutMs = this.#callTimeoutMs } = {}) {
    this.#setActive(1);
    try {
      let session = await this.#ready();
      // A host quiet for quietMs is pinged first: a call is not handed to a host that froze while idle.
      if (!(await session.liveness.confirm())) session = await this.#ready();
      const queued = session.rpc.queuedBytes;
      if (queued > this.#settings.maxQueuedBytes) {
        void session.liveness.check(`${queued} bytes written to it were still unread`);
        throw this.#report('warn', 'overloaded',
          `The connector host is not reading its input fast enough; ${method} was not sent (nothing was delivered).`,
          { method, queuedBytes: queued, maxQueuedBytes: this.#settings.maxQueuedBytes, pid: session.child.pid });
      }
      return await this.#request(session, method, params, timeoutMs);
    } finally {
      this.#setActive(-1);
    }
  }

  /** Stops the host: stdin closed and SIGTERM, SIGKILL after `graceMs`. This exit is not counted as a crash. */
  async stop({ graceMs = 2_000 } = {}) {
    const session = this.#current;
    if (!session || session.gone) return;
    session.stopping = true;
    session.liveness?.stop();
    const gone = new Promise((resolve) => session.child.once('close', resolve));
    const escalation = setTimeout(() => session.child.kill('SIGKILL'), graceMs);
    this.#setActive(1);
    try {
      session.child.stdin.end();
      session.child.kill('SIGTERM');
      await gone;
    } finally {
      clearTimeout(escalation);
      this.#setActive(-1);
    }
  }

  /** @returns {Promise<ReadySession>} */
  async #ready() {
    if (ready(this.#current)) return this.#current;
    this.#starting ??= this.#start().finally(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  /** @returns {Promise<ReadySession>} */
  async #start() {
    const open = this.#breaker.openState();
    if (open) {
      const { maxExits, windowMs } = this.#breaker.settings;
      throw this.#report('error', 'crash-loop',
        `The connector host stopped ${open.exits} times (limit ${maxExits} in ${windowMs / 1000} s); ` +
          `it will not be restarted before ${open.retryAt.toISOString()}.`,
        { lastFailure: this.#lastExit?.message, lastFailureCorrelationId: this.#lastExit?.correlationId });
    }
    const session = this.#spawn(this.#resolveCommand());
    try {
      const initialize = { protocolVersion, client: this.#client };
      const info = /** @type {HostInfo | null} */ (await this.#request(session, 'initialize', initialize, this.#startTimeoutMs));
      if (info?.protocolVersion !== protocolVersion) {
        throw this.#report('error', 'protocol',
          `The connector host speaks protocol ${JSON.stringify(info?.protocolVersion)}, this package needs ` +
            `"${protocolVersion}"; reinstall the package so that lib/ and the host match.`,
          { host: session.source, hostProtocolVersion: info?.protocolVersion ?? null });
      }
      return Object.assign(session, {
        info,
        liveness: new Liveness(session.rpc, this.#settings, (reason) => this.#retire(session, reason)),
      });
    } catch (error) {
      if (!session.gone) session.child.kill('SIGKILL');
      throw error;
    }
  }

  /**
   * @param {{ command: string, args: string[], source: string }} command
   * @returns {Session}
   */
  #spawn({ command, args, source }) {
    const child = spawn(command, [...args, '--parent-pid', String(process.pid)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: hostEnvironment(process.env, process.pid, this.#settings.hostEnv),
      windowsHide: true,
    });
    /** @type {Session} */
    const session = {
      child,
      source,
      startedAt: Date.now(),
      gone: false,
      stderr: new StderrLog({ logger: this.#logger, prefix: this.#prefix }),
      rpc: new RpcConnection(child.stdout, child.stdin, {
        maxFrameBytes: this.#maxFrameBytes,
        onFatal: (error) => {
          session.fault = error;
          child.kill('SIGKILL');
        },
      }),
    };
    for (const stream of [child.stdin, child.stdout, child.stderr]) stream.on('error', () => {});
    child.stderr.on('data', (chunk) => session.stderr.push(chunk));
    child.on('error', (error) => {
      if (child.pid === undefined) this.#gone(session, { spawnError: error });
    });
    // 'close' waits for stdio to drain (complete stderr tail); 'exit' + a short grace covers a grandchild holding a pipe.
    child.on('close', (code, signal) => this.#gone(session, { code, signal }));
    child.on('exit', (code, signal) => setTimeout(() => this.#gone(session, { code, signal }), 500).unref());
    if (child.pid !== undefined) killOnExit(child);
    this.#starts += 1;
    this.#current = session;
    this.#applyRef(session);
    return session;
  }

  /**
   * What the log entry of a host failure carries besides its sentence.
   * @param {Session} session
   * @param {Record<string, unknown>} [extra]
   */
  #diagnostics(session, extra = {}) {
    return {
      ...extra,
      pid: session.child.pid,
      inFlight: session.rpc.pendingMethods,
      uptimeMs: Date.now() - session.startedAt,
      restarts: this.#starts - 1,
      host: session.source,
      stderr: session.stderr.tail(),
    };
  }

  /**
   * Declares a running host unresponsive: its calls fail now, it is killed, and the next call starts a new one.
   * @param {Session} session
   * @param {string} reason
   */
  #retire(session, reason) {
    if (!usable(session)) return;
    session.retired = true;
    session.stderr.flush();
    const error = this.#report('error', 'unresponsive',
      'The connector host stopped responding and was replaced; this call was abandoned and its outcome is unknown.',
      this.#diagnostics(session, { reason }),
      `The connector host stopped responding (${reason}); it was killed, and the next call starts a new one.`);
    session.rpc.failAll(error);
    session.child.kill('SIGKILL');
    // Counted now, like a crash: a host that keeps wedging opens the breaker even if its exit were never seen.
    this.#breaker.recordExit();
    this.#lastExit = error;
  }

  /**
   * @param {Session} session
   * @param {{ code?: number | null, signal?: NodeJS.Signals | null, spawnError?: Error }} exit
   */
  #gone(session, { code = null, signal = null, spawnError }) {
    if (session.gone) return;
    session.gone = true;
    session.liveness?.stop();
    liveChildren.delete(session.child);
    session.stderr.flush();
    if (session.retired) return;
    const quiet = session.stopping && session.rpc.pendingCount === 0;
    const level = session.stopping ? 'info' : 'error';
    let error;
    if (spawnError) {
      error = this.#report(level, 'unavailable', 'The connector host could not be started.', { host: session.source },
        `Could not start the connector host, ${session.source}: ${spawnError.message}.`);
    } else if (session.fault) {
      error = this.#report(level, 'protocol', 'The connector host broke the protocol and was stopped; the outcome of this call is unknown.',
        this.#diagnostics(session, { exitCode: code, signal }),
        `The connector host broke the protocol (${session.fault.message}) and was stopped.`);
    } else {
      const description = session.stopping
        ? 'The connector host was stopped before it answered this call; its outcome is unknown.'
        : 'The connector host exited unexpectedly before it answered this call; its outcome is unknown.';
      const details = this.#diagnostics(session, { exitCode: code, signal });
      const during = details.inFlight.length > 0 ? ` while handling ${details.inFlight.join(', ')}` : '';
      error = this.#report(quiet ? undefined : level, 'exited', description, details,
        `The connector host exited (${describeExit({ code, signal })}) after ${details.uptimeMs} ms${during}.`);
    }
    session.rpc.failAll(error);
    if (session.stopping) return;
    this.#breaker.recordExit();
    this.#lastExit = error;
  }

  /**
   * A HostError for the caller, and one log entry (none when `level` is undefined) under its correlation id: `summary`
   * (the description unless given) and the diagnostics.
   * @param {import('./stderr-log.js').Level | undefined} level
   * @param {HostFailure} failure
   * @param {string} description
   * @param {Record<string, unknown>} details
   * @param {string} [summary]
   */
  #report(level, failure, description, details, summary = description) {
    const error = new HostError(failure, description, details);
    if (level) {
      this.#logger[level](`${this.#prefix} ${summary} [${failure}, correlation id ${error.correlationId}] ${JSON.stringify(details)}`);
    }
    return error;
  }

  /**
   * @param {Session} session
   * @param {string} method
   * @param {unknown} params
   * @param {number} timeoutMs
   */
  async #request(session, method, params, timeoutMs) {
    const { id, result } = session.rpc.request(method, params);
    const timer = setTimeout(() => {
      const error = this.#report('warn', 'timeout',
        `The connector host did not answer ${method} within ${timeoutMs} ms; the call was cancelled, ` +
          'but its outcome is unknown (the message may still be delivered).',
        { method, timeoutMs, pid: session.child.pid });
      session.rpc.abandon(id, error);
      // A host that has stopped reading gets no more bytes: the cancel would only queue, and its liveness check decides.
      if (session.rpc.queuedBytes <= this.#settings.maxQueuedBytes) session.rpc.notify('$/cancelRequest', { id });
      if (session.liveness) {
        session.liveness.expectCancelled(id, method);
        void session.liveness.check(`${method} timed out after ${timeoutMs} ms`);
      }
    }, timeoutMs);
    try {
      return await result;
    } finally {
      clearTimeout(timer);
    }
  }

  /** @param {1 | -1} delta */
  #setActive(delta) {
    this.#active += delta;
    if (usable(this.#current)) this.#applyRef(this.#current);
  }

  // A child with pending calls keeps the event loop alive (a script awaiting a send must not exit early); an idle one not.
  /** @param {Session} session */
  #applyRef({ child }) {
    const method = this.#active > 0 ? 'ref' : 'unref';
    child[method]();
    // The pipes are net.Sockets (with ref/unref), though typed as plain streams.
    const pipes = /** @type {Partial<import('node:net').Socket>[]} */ ([child.stdin, child.stdout, child.stderr]);
    for (const pipe of pipes) pipe[method]?.();
  }
}
