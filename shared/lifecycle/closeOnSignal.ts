/**
 * Ctrl-C or a container stop closes servers and databases (an embedded database flushes on close), then
 * the process exits 0. The listeners stay registered (`on`, not `once`): a library that raises the signal
 * again once its own listener has run would otherwise kill the process while it closes. A second signal
 * while closing changes nothing: the terminal and tsx both pass Ctrl-C on, so one key press arrives twice.
 */
export function closeOnSignal(close: () => Promise<void>): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    void close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
