// A download holds one page at a time: it waits for a full socket buffer to drain before writing more and
// before asking for the next page, stops when the client goes away, and cuts the response off (never a
// whole-looking short file) when the version changes or a page fails.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { rowEncoder } from './encodeRows.ts';
import { streamRowPages, type NextPage, type PageOfRows } from './streamRowPages.ts';

const encoder = () => rowEncoder('csv', [{ name: 'n', type: 'integer' }]);

/** A client that reads only when told to, with a tiny buffer: every page fills it. */
function slowClient() {
  const received: string[] = [];
  const waiting: Array<() => void> = [];
  const sink = new Writable({
    highWaterMark: 1,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      received.push(chunk);
      waiting.push(callback);
    },
  });
  const readOne = () => waiting.shift()?.();
  return { sink, received, readOne, pending: () => waiting.length };
}

function pages(count: number): { first: PageOfRows; nextPage: NextPage; asked: string[] } {
  const asked: string[] = [];
  const page = (index: number): PageOfRows => ({ rows: [[String(index)]], next: index + 1 < count ? String(index + 1) : null });
  return {
    first: page(0),
    asked,
    nextPage: async (after) => {
      asked.push(after!);
      return page(Number(after));
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('streaming a download page by page', () => {
  it('asks for the next page only once the client has read what was written', async () => {
    const client = slowClient();
    const { first, nextPage, asked } = pages(3);
    const unreadWhenAsked: number[] = [];
    const watched: NextPage = (after) => {
      unreadWhenAsked.push(client.sink.writableLength);
      return nextPage(after);
    };
    const done = streamRowPages(client.sink, encoder(), first, watched);
    await tick();
    expect(asked).toEqual([]); // the header filled the buffer: nothing asked for yet
    for (let i = 0; i < 50 && !client.sink.writableFinished; i += 1) {
      client.readOne();
      await tick();
    }
    await expect(done).resolves.toEqual({ done: true });
    expect(asked).toEqual(['1', '2']);
    expect(unreadWhenAsked).toEqual([0, 0]);
    expect(client.received.join('')).toBe('n\r\n0\r\n1\r\n2\r\n');
  });

  it('stops asking for pages when the client goes away', async () => {
    const client = slowClient();
    const { first, nextPage, asked } = pages(100);
    const done = streamRowPages(client.sink, encoder(), first, nextPage);
    await tick();
    client.sink.destroy();
    await expect(done).resolves.toEqual({ done: false, why: 'CLIENT_GONE' });
    expect(asked).toEqual([]);
  });

  it('cuts the response off when another version appears, so no file mixes two versions', async () => {
    const chunks: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, callback) => (chunks.push(String(chunk)), callback()) });
    sink.on('error', () => {});
    const outcome = await streamRowPages(sink, encoder(), { rows: [['1']], next: 'x' }, async () => ({ failed: 'VERSION_CHANGED' }));
    expect(outcome).toEqual({ done: false, why: 'VERSION_CHANGED' });
    expect(sink.destroyed).toBe(true);
    expect(sink.writableFinished).toBe(false);
  });
});
