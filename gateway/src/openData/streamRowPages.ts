// A download's rows, page after page, into the response: each page is written before the next is asked
// for, a full socket buffer (write() returning false) waits for 'drain', and a client that goes away stops
// the paging. So a download holds one page (1,000 rows) at a time, whatever the dataset's size.
import { once } from 'node:events';
import type { RowEncoder } from './encodeRows.ts';

/** The response as this file uses it (an express Response, or a plain stream in the unit tests). */
export interface RowSink {
  write(chunk: string): boolean;
  end(): void;
  destroy(error?: Error): void;
  readonly destroyed: boolean;
  readonly writableEnded: boolean;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
}

export interface PageOfRows {
  rows: ReadonlyArray<ReadonlyArray<string | null>>;
  /** The cursor of the next page, or null after the last. */
  next: string | null;
}

/** Why paging stopped before the end: the client left, the version changed, or a page could not be read. */
export type Outcome = { done: true } | { done: false; why: 'CLIENT_GONE' | 'VERSION_CHANGED' | 'PAGE_FAILED' };

/** The next page after a cursor, or why it cannot be given. */
export type NextPage = (after: string | null) => Promise<PageOfRows | { failed: 'VERSION_CHANGED' | 'PAGE_FAILED' }>;

/** Resolves once the sink may take more (or has closed: the caller then sees `destroyed`). */
async function drained(sink: RowSink): Promise<void> {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  sink.once('drain', settle);
  sink.once('close', settle);
  try {
    await settled;
  } finally {
    sink.off('drain', settle);
    sink.off('close', settle);
  }
}

async function write(sink: RowSink, chunk: string): Promise<boolean> {
  if (sink.destroyed) return false;
  if (chunk !== '' && !sink.write(chunk)) await drained(sink);
  return !sink.destroyed;
}

/**
 * Writes the file: its opening, `first` (already read, so that a failure before any byte could still be
 * told with a status), every later page, its end. Paging stops as soon as the client goes away. A failure
 * after the first byte cannot change the status any more: the response is destroyed without its last
 * chunk, so the client sees an incomplete transfer, never a short file that looks whole.
 */
export async function streamRowPages(sink: RowSink, encoder: RowEncoder, first: PageOfRows, nextPage: NextPage): Promise<Outcome> {
  if (!(await write(sink, encoder.start()))) return { done: false, why: 'CLIENT_GONE' };
  let page: PageOfRows = first;
  for (;;) {
    if (!(await write(sink, encoder.page(page.rows)))) return { done: false, why: 'CLIENT_GONE' };
    if (page.next === null) break;
    const next = await nextPage(page.next);
    if (sink.destroyed) return { done: false, why: 'CLIENT_GONE' };
    if ('failed' in next) {
      sink.destroy(new Error(next.failed));
      return { done: false, why: next.failed };
    }
    page = next;
  }
  if (!(await write(sink, encoder.end()))) return { done: false, why: 'CLIENT_GONE' };
  sink.end();
  return { done: true };
}
