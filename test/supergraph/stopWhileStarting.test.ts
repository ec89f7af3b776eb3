// npm start stopped while it starts (Ctrl-C at once, a container stopped as it comes up): the start runs to
// its end, then everything it started closes and the process exits 0. Killed half way instead, an embedded
// database kept in a data directory could be left half written, and PGlite has no crash recovery.
// A real `npm start` (`node --import tsx scripts/start.ts`) on embedded databases in a data directory, a small province.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { askReadmeFirstQuery, inMemoryStackEnvironment, loggedEntries, NPM_START, printedGatewayUrl, startService, stopService, untilPrinted } from '../support/serviceProcess.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'stop-while-starting-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start stopped while it starts', () => {
  it('finishes the start, closes every database and exits 0; the next start finds the data whole', { timeout: 180_000 }, async () => {
    const environment = inMemoryStackEnvironment({ PGLITE_DATA_DIR: dataDir });
    const first = startService(NPM_START, [], environment);
    try {
      // Printed once the stop signal is handled, before any database opens: the signal lands in the start.
      await untilPrinted('Starting', first);
      // A container's 30 s: the start (a first one, seeding six databases) and the close fit in it.
      await stopService(first, 'group', 30_000);
    } finally {
      await stopService(first);
    }
    expect(first.child.signalCode).toBeNull();
    expect(first.child.exitCode).toBe(0);
    expect(first.output()).not.toContain('Ready in');
    expect(loggedEntries(first).filter((entry) => entry.level === 'error')).toEqual([]);

    // The same data directory again: every database opens, and the README's first query is answered.
    const second = startService(NPM_START, [], environment);
    try {
      const answer = await askReadmeFirstQuery(await printedGatewayUrl(second));
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.citizen.fullName).toBeTypeOf('string');
    } finally {
      await stopService(second, 'group', 30_000);
    }
    expect(loggedEntries(second).filter((entry) => entry.level === 'error')).toEqual([]);
    expect(second.child.exitCode).toBe(0);
  });
});
