// Embedded databases (PGlite) on worker threads, reached by the ordinary `pg` driver. PGlite computes on
// the thread that holds it: on the main thread every query, and every database's start, took the CPU the
// GraphQL work needed; on threads of their own they run beside it (docs/pglite-integration.md).
import { EventEmitter } from 'node:events';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { serialize } from 'pg-protocol';
import { Parser } from 'pg-protocol/dist/parser.js';
import type { BackendMessage } from 'pg-protocol/dist/messages.js';
import type { ClientConfig } from 'pg';

export interface EngineSettings {
  /** Postgres's WASM, compiled once for every thread. */
  wasmModule: WebAssembly.Module;
  startParams: string[];
  /** initdb's settings, for the pristine data directory each thread makes once. */
  initDbStartParams: string[];
  /** The file in which a thread keeps its pristine cluster's dump across starts (none: initdb every time). */
  templateFile?: string;
}

type Request = { kind: 'open'; engine: number; dataDir?: string } | { kind: 'protocol'; engine: number; bytes: Uint8Array } | { kind: 'close'; engine: number };

/**
 * A thread holding databases, each database's requests answered in turn (embeddedEngineWorker.mjs). One
 * per core beside the main thread (one on two cores), each database on the least used: a thread loads
 * databases one after another with its JIT warm (a fresh thread per database took twice as long per
 * load), and the main thread keeps a core.
 */
class EngineThread {
  engines = 0;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  failure: Error | undefined;
  private readonly worker: Worker;

  constructor(settings: EngineSettings) {
    this.worker = new Worker(new URL('./embeddedEngineWorker.mjs', import.meta.url), { workerData: settings, execArgv: [] });
    // An idle thread does not keep the process alive (a database on the main thread did not either).
    this.worker.unref();
    this.worker.on('message', (reply: { id: number; bytes?: Uint8Array; error?: string }) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.error !== undefined) waiting?.reject(new Error(`embedded Postgres: ${reply.error}`));
      else waiting?.resolve(reply.bytes ?? new Uint8Array(0));
    });
    const stop = (error: Error) => {
      this.failure ??= error;
      for (const waiting of this.pending.values()) waiting.reject(this.failure);
      this.pending.clear();
    };
    this.worker.on('error', stop);
    this.worker.on('exit', () => stop(new Error('embedded Postgres has stopped')));
  }

  request(request: Request): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, ...request });
    });
  }
}

let threads: EngineThread[] = [];
let nextEngine = 0;

function leastUsedThread(settings: EngineSettings): EngineThread {
  threads = threads.filter((thread) => !thread.failure);
  if (threads.length < Math.max(1, availableParallelism() - 1)) threads.push(new EngineThread(settings));
  return threads.reduce((least, thread) => (thread.engines < least.engines ? thread : least));
}

/** One embedded database: protocol messages in, the engine's answer to each out, in order. */
export class EmbeddedEngine {
  private closed = false;

  private constructor(
    private readonly thread: EngineThread,
    private readonly id: number,
    private readonly afterClose: () => Promise<void>,
  ) {}

  /**
   * In memory, or in `dataDir`, kept across restarts; in memory or in an empty data directory, it starts
   * from the thread's pristine data directory (one initdb per thread, not per database). `afterClose` runs
   * once the engine has closed (a data directory's lock is released then).
   */
  static async open(settings: EngineSettings, dataDir?: string, afterClose: () => Promise<void> = async () => {}): Promise<EmbeddedEngine> {
    const thread = leastUsedThread(settings);
    const id = nextEngine++;
    thread.engines += 1;
    try {
      await thread.request({ kind: 'open', engine: id, dataDir });
    } catch (error) {
      thread.engines -= 1;
      throw error;
    }
    return new EmbeddedEngine(thread, id, afterClose);
  }

  /** Sends protocol messages at once (several may be in flight, as on a socket); resolves to the engine's answer. */
  exchange(bytes: Uint8Array): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('embedded Postgres has stopped'));
    return this.thread.request({ kind: 'protocol', engine: this.id, bytes });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.thread.engines -= 1;
    await this.thread.request({ kind: 'close', engine: this.id }).catch(() => undefined);
    await this.afterClose();
  }
}

/**
 * What pg's Client takes as its connection: the messages it would write to a socket go to the engine,
 * and the engine's answers come back as the events a socket's parser would emit, in order.
 * Shaped as PGlite's own node-postgres connection (which calls PGlite on the same thread).
 */
class EngineConnection extends EventEmitter {
  readonly stream = { destroy: () => this.end() };
  _connecting = false;
  // pg keeps its record of prepared statements on the connection (which outlives each client).
  parsedStatements: Record<string, string> = {};
  submittedNamedStatements: Record<string, string> = {};
  private answered: Promise<void> = Promise.resolve();
  private readonly parser = new Parser();
  private outgoing: Uint8Array[] = [];

  constructor(private readonly engine: EmbeddedEngine) {
    super();
  }

  /**
   * pg writes a query's messages (parse, bind, describe, execute, sync) in one go, as to a socket: they
   * are sent to the engine together, at the end of the current task, in one exchange.
   */
  private send(bytes: Uint8Array): void {
    if (this.outgoing.push(bytes) === 1) queueMicrotask(() => this.sendOutgoing());
  }

  private sendOutgoing(): void {
    const messages = this.outgoing;
    this.outgoing = [];
    const answer = this.engine.exchange(messages.length === 1 ? messages[0] : Buffer.concat(messages));
    this.answered = this.answered
      .then(() => answer)
      .then((reply) => {
        this.parser.parse(Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength), (message: BackendMessage) => {
          this.emit('message', message);
          this.emit(message.name === 'error' ? 'errorMessage' : message.name, message);
        });
      })
      // As a socket's error would: an event of its own, outside the chain of answers.
      .catch((error: unknown) => process.nextTick(() => this.emit('error', error)));
  }

  connect(): void {
    this._connecting = true;
    // No startup exchange: the engine's one session is already open.
    process.nextTick(() => this.emit('readyForQuery'));
  }
  requestSsl(): void {}
  startup(): void {}
  cancel(): void {}
  password(): void {}
  ref(): void {}
  unref(): void {}
  query(text: string): void {
    this.send(serialize.query(text));
  }
  parse(query: Parameters<typeof serialize.parse>[0]): void {
    this.send(serialize.parse(query));
  }
  bind(config: Parameters<typeof serialize.bind>[0]): void {
    this.send(serialize.bind(config));
  }
  execute(config: Parameters<typeof serialize.execute>[0]): void {
    this.send(serialize.execute(config));
  }
  describe(message: Parameters<typeof serialize.describe>[0]): void {
    this.send(serialize.describe(message));
  }
  close(message: Parameters<typeof serialize.close>[0]): void {
    this.send(serialize.close(message));
  }
  flush(): void {
    this.send(serialize.flush());
  }
  sync(): void {
    this.send(serialize.sync());
  }
  sendCopyFromChunk(chunk: Buffer): void {
    this.send(serialize.copyData(chunk));
  }
  endCopyFrom(): void {
    this.send(serialize.copyDone());
  }
  sendCopyFail(message: string): void {
    this.send(serialize.copyFail(message));
  }
  /** The client is done with the session; the engine keeps it for the pool's next client. */
  end(): void {
    this.answered = this.answered.then(() => {
      this.emit('end');
    });
    for (const event of this.eventNames()) if (event !== 'newListener') this.removeAllListeners(event);
  }
}

/**
 * pg's Client settings for an engine: every client made with them shares the one connection, so pg's
 * record of the statements it has prepared lives as long as the engine's one session that holds them.
 */
export function pgConfigFor(engine: EmbeddedEngine): ClientConfig {
  // `connection` is pg's own seam (Client takes a ready connection in place of a socket), not in its types.
  return { user: 'postgres', database: 'postgres', connection: new EngineConnection(engine) } as ClientConfig;
}
