/** What a service's start hands the signal handling once it has started. */
export interface StopOnSignal {
  /** Aborted at the first SIGINT or SIGTERM: work after the start (the demo's publication) ends early. */
  readonly signal: AbortSignal;
  /** What a stop closes; at once if a signal came while the service was starting. Then the process exits 0. */
  closeWith(close: () => Promise<void>): void;
}

/**
 * Ctrl-C or a container stop closes servers and databases (an embedded database flushes on close), then
 * the process exits 0. Called before the start: a signal during it would otherwise kill the process with
 * an embedded database half written (PGlite has no crash recovery: the next start of that data directory
 * can fail). The start runs to its end, then what it started is closed. A start that fails exits 1 as before.
 *
 * The listeners stay registered (`on`, not `once`): a library that raises the signal again once its own
 * listener has run would otherwise kill the process while it closes. A second signal while closing changes
 * nothing: the terminal and tsx both pass Ctrl-C on, so one key press arrives twice.
 */
export function closeOnSignal(): StopOnSignal {
  const stopping = new AbortController();
  let close: (() => Promise<void>) | undefined;
  let closing = false;
  const closeNow = () => {
    if (closing || !close) return;
    closing = true;
    void close().finally(() => process.exit(0));
  };
  const stop = () => {
    stopping.abort();
    closeNow();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    signal: stopping.signal,
    closeWith(closeStarted) {
      close = closeStarted;
      if (stopping.signal.aborted) closeNow();
    },
  };
}
