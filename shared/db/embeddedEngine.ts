// An embedded database (PGlite) on a worker thread, reached by the ordinary `pg` driver. PGlite computes
// on the thread that holds it: on the main thread every query, and every database's start, took the CPU
// the GraphQL work needed; on a thread of its own it runs beside it (docs/performance.md, "Starting").
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { serialize } from 'pg-protocol';
import { Parser } from 'pg-protocol/dist/parser.js';
import type { BackendMessage } from 'pg-protocol/dist/messages.js';
import type { ClientConfig } from 'pg';

interface Reply {
  id?: number;
  ready?: true;
  bytes?: Uint8Array;
  error?: string;
}

export interface EmbeddedEngineOptions {
  /** Where the database keeps its files; without it, in memory, loaded from `loadDataDir`. */
  dataDir?: string;
  /** A data-directory dump (tar) to start from: copied to the engine's thread. */
  loadDataDir?: ArrayBuffer;
  /** Postgres's WASM, compiled once for every engine. */
  wasmModule: WebAssembly.Module;
  startParams: string[];
  /** initdb's settings, for a data directory that has no cluster yet. */
  initDbStartParams?: string[];
}

/** One PGlite engine on its own thread: protocol messages in, the engine's answer to each out, in order. */
export class EmbeddedEngine {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      if (reply.id === undefined) return;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error !== undefined) waiting?.reject(new Error(`embedded Postgres: ${reply.error}`));
      else waiting?.resolve(reply.bytes ?? new Uint8Array(0));
    });
    const stop = (error: Error) => {
      this.failure ??= error;
      for (const waiting of this.pending.values()) waiting.reject(this.failure);
      this.pending.clear();
    };
    worker.on('error', stop);
    worker.on('exit', () => stop(new Error('embedded Postgres has stopped')));
  }

  static open(options: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
    const worker = new Worker(new URL('./embeddedEngineWorker.mjs', import.meta.url), { workerData: options, execArgv: [] });
    return new Promise((resolve, reject) => {
      const ready = (reply: Reply) => {
        if (!reply.ready) return;
        worker.off('message', ready);
        worker.off('error', reject);
        resolve(new EmbeddedEngine(worker));
      };
      worker.on('message', ready);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`embedded Postgres did not start (exit code ${code})`)));
    });
  }

  /** Sends protocol messages at once (several may be in flight, as on a socket); resolves to the engine's answer. */
  exchange(bytes: Uint8Array): Promise<Uint8Array> {
    return this.request({ bytes });
  }

  /** Closes the database (an engine that has stopped already is left as it is). */
  async close(): Promise<void> {
    await this.request({ close: true }).catch(() => undefined);
    await this.worker.terminate();
  }

  private request(message: { bytes: Uint8Array } | { close: true }): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
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

  constructor(private readonly engine: EmbeddedEngine) {
    super();
  }

  private outgoing: Uint8Array[] = [];

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
