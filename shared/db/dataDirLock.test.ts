// One process at a time in an embedded data directory: a second opener is refused while the first holds
// it (a second process takes the same lock on the same files: a directory beside the data directory),
// the first goes on answering; a lock left by a process of this machine that no longer runs is taken over
// at once, and one whose holder is unknown or of another machine once it is stale.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataDirHolderPath, dataDirLocked, dataDirLockPath, STALE_LOCK_MS } from './dataDirLock.ts';
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
        `${dataDir} is in use by another process (its lock: ${dataDir}.lock): stop that process, or give this one another PGLITE_DATA_DIR. A lock left by a process that is no longer running is taken over at once on the machine it ran on, and after 30 s from any other.`,
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

  it('is taken over once its lock is stale when nothing says who held it, and not before', async () => {
    const dataDir = join(base, 'land');
    // A lock no longer refreshed, with no record of its holder (killed between taking the lock and writing it).
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

  it('is taken over at once from a process of this machine that no longer runs, and not from one that runs or another machine’s', async () => {
    const dataDir = join(base, 'social');
    const exited = spawnSync(process.execPath, ['-e', '']).pid;
    const leftBy = (holder: { host: string; pid: number }) => {
      mkdirSync(dataDirLockPath(dataDir), { recursive: true });
      writeFileSync(dataDirHolderPath(dataDir), JSON.stringify(holder));
    };

    // A process that still runs: the test runner's parent.
    leftBy({ host: hostname(), pid: process.ppid });
    expect(await dataDirLocked(dataDir)).toBe(true);
    await expect(openDatabase({ dataDir })).rejects.toThrow(`${dataDir} is in use by another process`);
    // A process of another machine sharing the directory: its process ids say nothing here.
    leftBy({ host: `not-${hostname()}`, pid: exited });
    expect(await dataDirLocked(dataDir)).toBe(true);
    await expect(openDatabase({ dataDir })).rejects.toThrow(`${dataDir} is in use by another process`);

    // A process of this machine that has exited (killed, crashed): its lock is free, and taken at once.
    leftBy({ host: hostname(), pid: exited });
    expect(await dataDirLocked(dataDir)).toBe(false);
    const database = await openDatabase({ dataDir });
    try {
      expect(JSON.parse(readFileSync(dataDirHolderPath(dataDir), 'utf8'))).toEqual({ host: hostname(), pid: process.pid });
      expect(await dataDirLocked(dataDir)).toBe(true);
      // Held by this process now: a second opener here is refused too.
      await expect(openDatabase({ dataDir })).rejects.toThrow(`${dataDir} is in use by another process`);
      expect((await database.knex.raw('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
    expect(await dataDirLocked(dataDir)).toBe(false);
  });
});
