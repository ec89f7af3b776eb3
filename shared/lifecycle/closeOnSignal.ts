/** Ctrl-C or a container stop closes servers and databases (an embedded database flushes on close). */
export function closeOnSignal(close: () => Promise<void>): void {
  const stop = () => void close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
