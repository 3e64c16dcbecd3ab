// The .NET host child process: started lazily, initialized once, reused, restarted after it exits, guarded by a
// crash-loop breaker; every call has a timeout that cancels it; an idle child never keeps Node's event loop alive.
import { spawn } from 'node:child_process';
import { CrashLoopBreaker } from './breaker.js';
import { HostError } from './errors.js';
import { RpcConnection } from './rpc-client.js';
import { StderrLog } from './stderr-log.js';

export const protocolVersion = '1';
export const parentPidVariable = 'LOGTO_CONNECTOR_HOST_PARENT_PID';

// Children of this Node process; killed when it exits so no host outlives Logto (the host also watches stdin and the pid).
const liveChildren = new Set();
let exitHookInstalled = false;
function killOnExit(child) {
  liveChildren.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const running of liveChildren) running.kill('SIGKILL');
  });
}

// The GC sizes its gen0 budget from the L3 cache; on large-cache servers that is ~200 MB, and the host grows to 100+ MB over
// a few thousand sends. A 1 MiB gen0 budget (floor and cap) and 1 MiB regions keep it near 20 MB (bench/memory.mjs).
// The AOT build embeds these; the musl single-file build cannot, so they are set here. Values are hex; the operator's win.
const gcDefaults = { DOTNET_GCgen0size: '100000', DOTNET_GCGen0MaxBudget: '100000', DOTNET_GCRegionSize: '100000' };

/** The host's environment: Logto's, the GC defaults unless set, and the parent pid for the host's watchdog. */
export function hostEnvironment(env, parentPid) {
  return { ...gcDefaults, ...env, [parentPidVariable]: String(parentPid) };
}

const describeExit = ({ code, signal }) => (signal ? `signal ${signal}` : `exit code ${code}`);

export class HostProcess {
  #resolveCommand;
  #client;
  #logger;
  #prefix;
  #callTimeoutMs;
  #startTimeoutMs;
  #maxFrameBytes;
  #breaker;
  #current;
  #starting;
  #active = 0;
  #starts = 0;
  #lastExit;

  /**
   * @param {object} options
   * @param {() => { command: string, args: string[], source: string }} options.resolveCommand
   * @param {{ name: string, version: string }} options.client sent in `initialize`
   * @param {{ error: Function, warn: Function, info: Function }} [options.logger]
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
  }) {
    this.#resolveCommand = resolveCommand;
    this.#client = client;
    this.#logger = logger;
    this.#prefix = logPrefix;
    this.#callTimeoutMs = callTimeoutMs;
    this.#startTimeoutMs = startTimeoutMs;
    this.#maxFrameBytes = maxFrameBytes;
    this.#breaker = breaker;
  }

  /** Pid of the running host, if any. */
  get pid() {
    return this.#current && !this.#current.gone ? this.#current.child.pid : undefined;
  }

  /** The host's `initialize` answer ({ protocolVersion, host, connectors }), once started. */
  get info() {
    return this.#current?.info;
  }

  /** One request to the host, starting it first when needed. Rejects with RpcResponseError or HostError. */
  async call(method, params, { timeoutMs = this.#callTimeoutMs } = {}) {
    this.#setActive(1);
    try {
      const session = await this.#ready();
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

  async #ready() {
    if (this.#current?.info && !this.#current.gone) return this.#current;
    this.#starting ??= this.#start().finally(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  async #start() {
    const open = this.#breaker.openState();
    if (open) {
      const { maxExits, windowMs } = this.#breaker.settings;
      throw new HostError(
        'crash-loop',
        `The connector host stopped ${open.exits} times (limit ${maxExits} in ${windowMs / 1000} s); ` +
          `it will not be restarted before ${open.retryAt.toISOString()}. Last failure: ${this.#lastExit?.message ?? 'none'}`,
        { retryAt: open.retryAt.toISOString(), lastFailure: this.#lastExit?.details },
      );
    }
    const session = this.#spawn(this.#resolveCommand());
    try {
      const info = await this.#request(session, 'initialize', { protocolVersion, client: this.#client }, this.#startTimeoutMs);
      if (info?.protocolVersion !== protocolVersion) {
        throw new HostError(
          'protocol',
          `The connector host (${session.source}) speaks protocol ${JSON.stringify(info?.protocolVersion)}, this package ` +
            `needs "${protocolVersion}"; reinstall the package so that lib/ and the host match.`,
          { hostProtocolVersion: info?.protocolVersion ?? null },
        );
      }
      session.info = info;
      return session;
    } catch (error) {
      if (!session.gone) session.child.kill('SIGKILL');
      throw error;
    }
  }

  #spawn({ command, args, source }) {
    const child = spawn(command, [...args, '--parent-pid', String(process.pid)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: hostEnvironment(process.env, process.pid),
      windowsHide: true,
    });
    const session = {
      child,
      source,
      startedAt: Date.now(),
      gone: false,
      stderr: new StderrLog({ logger: this.#logger, prefix: this.#prefix }),
    };
    session.rpc = new RpcConnection(child.stdout, child.stdin, {
      maxFrameBytes: this.#maxFrameBytes,
      onFatal: (error) => {
        session.fault = error;
        child.kill('SIGKILL');
      },
    });
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

  #gone(session, { code = null, signal = null, spawnError }) {
    if (session.gone) return;
    session.gone = true;
    liveChildren.delete(session.child);
    session.stderr.flush();
    const inFlight = session.rpc.pendingMethods;
    const details = {
      exitCode: code,
      signal,
      stderr: session.stderr.tail(),
      inFlight,
      uptimeMs: Date.now() - session.startedAt,
      restarts: this.#starts - 1,
      host: session.source,
    };
    let error;
    if (spawnError) {
      error = new HostError('unavailable', `Could not start the connector host, ${session.source}: ${spawnError.message}.`, details);
    } else if (session.fault) {
      error = new HostError('protocol', `The connector host broke the protocol (${session.fault.message}) and was stopped.`, details);
    } else {
      const during = inFlight.length > 0 ? ` while handling ${inFlight.join(', ')}` : '';
      const last = details.stderr.at(-1);
      error = new HostError(
        'exited',
        `The connector host exited (${describeExit({ code, signal })}) after ${details.uptimeMs} ms${during}.` +
          (last ? ` Last stderr line: ${last}` : ''),
        details,
      );
    }
    session.rpc.failAll(error);
    if (session.stopping) return;
    this.#breaker.recordExit();
    this.#lastExit = error;
    this.#logger.error(`${this.#prefix} ${error.message}`);
  }

  async #request(session, method, params, timeoutMs) {
    const { id, result } = session.rpc.request(method, params);
    const timer = setTimeout(() => {
      session.rpc.notify('$/cancelRequest', { id });
      session.rpc.reject(
        id,
        new HostError(
          'timeout',
          `The connector host did not answer ${method} within ${timeoutMs} ms; the call was cancelled, ` +
            'but its outcome is unknown (the email may still be delivered).',
          { method, timeoutMs },
        ),
      );
    }, timeoutMs);
    try {
      return await result;
    } finally {
      clearTimeout(timer);
    }
  }

  #setActive(delta) {
    this.#active += delta;
    if (this.#current && !this.#current.gone) this.#applyRef(this.#current);
  }

  // A child with pending calls keeps the event loop alive (a script awaiting a send must not exit early); an idle one not.
  #applyRef({ child }) {
    const method = this.#active > 0 ? 'ref' : 'unref';
    child[method]();
    for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.[method]?.();
  }
}
