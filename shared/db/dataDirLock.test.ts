// One process at a time in an embedded data directory: a second opener is refused while the first holds
// it (a second process takes the same lock on the same files: a directory beside the data directory),
// the first goes on answering, and a lock left by a killed process is taken over once it is stale.
import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataDirLocked, dataDirLockPath, STALE_LOCK_MS } from './dataDirLock.ts';
import { readEmbeddedDatabaseState } from './embeddedBackup.ts';
import { openDatabase } from './openDatabase.ts';

const base = mkdtempSync(join(tmpdir(), 'data-dir-lock-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('an embedded data directory', () => {
  it('is refused to a second opener while a database holds it, and opens again, data kept, once it is closed', async () => {
    const dataDir = join(base, 'population');
    const first = await openDatabase({ dataDir });
    try {
      await first.knex.raw('create table person (id integer primary key, name text not null)');
      await first.knex('person').insert({ id: 1, name: 'An' });
      expect(await dataDirLocked(dataDir)).toBe(true);
      await expect(openDatabase({ dataDir })).rejects.toThrow(
        `${dataDir} is in use by another process (its lock: ${dataDir}.lock): stop that process, or give this one another PGLITE_DATA_DIR. A lock left by a killed process expires 30 s after it died.`,
      );
      // A backup is refused too, and the refusals changed nothing for the holder.
      await expect(readEmbeddedDatabaseState(dataDir)).rejects.toThrow(`${dataDir} is in use by another process`);
      await first.knex('person').insert({ id: 2, name: 'Binh' });
      expect(await first.knex('person').select('name').orderBy('id')).toEqual([{ name: 'An' }, { name: 'Binh' }]);
    } finally {
      await first.close();
    }
    expect(await dataDirLocked(dataDir)).toBe(false);
    const again = await openDatabase({ dataDir });
    try {
      expect(await again.knex('person').select('name').orderBy('id')).toEqual([{ name: 'An' }, { name: 'Binh' }]);
    } finally {
      await again.close();
    }
  });

  it('is taken over from a process killed longer ago than a lock stays fresh, and not from one just killed', async () => {
    const dataDir = join(base, 'land');
    // What a killed holder leaves: the lock, no longer refreshed.
    mkdirSync(dataDirLockPath(dataDir));
    await expect(openDatabase({ dataDir })).rejects.toThrow(`${dataDir} is in use by another process`);
    const staleSince = (Date.now() - STALE_LOCK_MS - 5_000) / 1000;
    utimesSync(dataDirLockPath(dataDir), staleSince, staleSince);
    expect(await dataDirLocked(dataDir)).toBe(false);
    const database = await openDatabase({ dataDir });
    try {
      expect(await dataDirLocked(dataDir)).toBe(true);
      expect((await database.knex.raw('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
  });
});
