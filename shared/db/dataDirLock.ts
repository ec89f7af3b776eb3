// One process at a time in an embedded data directory (PGLITE_DATA_DIR). Two PGlite engines on the same
// files each keep their own buffers and write-ahead log and overwrite each other's pages: two `npm start`s
// on one data directory both came up, answered every request, and left each register's disclosure log
// with most of its rows gone and its chain broken. PGlite takes no lock of its own (its postmaster.pid is
// left behind by a killed process and read by nobody), so the project takes one.
//
// The lock is a directory (proper-lockfile), refreshed while its process lives and stale 30 s after it
// stops; any machine that mounts the directory can tell that. Beside it, the holder's record (machine and
// process id) lets a start on the same machine take over at once from a holder that is no longer running:
// a restart after a crash is not refused for the 30 s.
import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { logError, logInfo } from '../logging/log.ts';

/**
 * A lock not refreshed for this long is stale: its process was killed. A start after that takes the
 * directory over. The holder refreshes it every REFRESH_MS, a timer well inside it.
 */
export const STALE_LOCK_MS = 30_000;
const REFRESH_MS = 5_000;

/**
 * A holder's record is read only once its lock is this old: the record is written just after the lock is
 * taken, and until then the record beside a fresh lock may still be that of the holder before.
 */
const RECORD_SETTLED_MS = 1_000;

/** Beside the directory, not in it: a backup of the directory does not carry it, and a restore does not remove it. */
export const dataDirLockPath = (dataDir: string) => `${dataDir}.lock`;

/** Which process holds the lock, on which machine: written once the lock is taken, removed at its release. */
export const dataDirHolderPath = (dataDir: string) => `${dataDir}.lock-holder`;

interface Holder {
  host: string;
  pid: number;
}

const options = (dataDir: string) => ({ lockfilePath: dataDirLockPath(dataDir), realpath: false, stale: STALE_LOCK_MS });

/** What becomes of a lock whose process died, as a refusal says it. */
export const LEFT_LOCKS = `A lock left by a process that is no longer running is taken over at once on the machine it ran on, and after ${STALE_LOCK_MS / 1000} s from any other.`;

/** Data directories this process holds: its own process id on a record does not make the record stale. */
const heldHere = new Set<string>();

/**
 * Takes the lock of `dataDir` and resolves to its release (a normal exit releases it too). Held by another
 * process, it refuses at once, naming the directory: a second start by mistake says so in a second. A
 * lock whose holder was a process of this machine that is no longer running (killed, crashed) is taken
 * over at once; one held from another machine sharing the directory, once it is stale.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dirname(dataDir), { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await takeLock(dataDir);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED' || !(await holderGone(dataDir))) throw refusal(dataDir, error);
    // Aged past the stale time, the dead holder's lock is what proper-lockfile takes over itself; should
    // another start take it first, this one is refused as before.
    const past = new Date(Date.now() - 2 * STALE_LOCK_MS);
    const aged = await utimes(dataDirLockPath(dataDir), past, past).then(() => true, () => false);
    try {
      release = await takeLock(dataDir);
    } catch (retryError) {
      throw refusal(dataDir, retryError);
    }
    if (aged) logInfo('took over an embedded data directory from a process of this machine that is no longer running', { dataDir });
  }
  heldHere.add(dataDir);
  const holder: Holder = { host: hostname(), pid: process.pid };
  try {
    await writeFile(dataDirHolderPath(dataDir), JSON.stringify(holder));
  } catch (error) {
    heldHere.delete(dataDir);
    await release();
    throw error;
  }
  return async () => {
    heldHere.delete(dataDir);
    await rm(dataDirHolderPath(dataDir), { force: true });
    await release();
  };
}

function takeLock(dataDir: string): Promise<() => Promise<void>> {
  return lockfile.lock(dataDir, {
    ...options(dataDir),
    update: REFRESH_MS,
    // A refresh missed past the stale time (the event loop held that long) or the lock removed by hand:
    // another process may now take the directory. Said loudly; the process goes on serving.
    onCompromised: (error) => logError('lost the lock of an embedded data directory: another process may open it', { dataDir, error }),
  });
}

function refusal(dataDir: string, error: unknown): Error {
  if ((error as { code?: string }).code !== 'ELOCKED') return error as Error;
  return new Error(
    `${dataDir} is in use by another process (its lock: ${dataDirLockPath(dataDir)}): stop that process, or give this one another PGLITE_DATA_DIR. ${LEFT_LOCKS}`,
  );
}

/**
 * Whether the lock's holder, by its record, was a process of this machine that no longer runs. No record,
 * another machine's, or a process that still runs (the id reused by another program included): not gone.
 */
async function holderGone(dataDir: string): Promise<boolean> {
  const lockAge = await stat(dataDirLockPath(dataDir)).then((lock) => Date.now() - lock.mtimeMs, () => null);
  if (lockAge === null) return true; // released meanwhile
  if (lockAge < RECORD_SETTLED_MS) await sleep(RECORD_SETTLED_MS - lockAge);
  const holder = await readHolder(dataDir);
  if (!holder || holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !heldHere.has(dataDir); // a container's process before a restart had our id
  return !running(holder.pid);
}

async function readHolder(dataDir: string): Promise<Holder | null> {
  try {
    const holder = JSON.parse(await readFile(dataDirHolderPath(dataDir), 'utf8')) as Partial<Holder>;
    return typeof holder.host === 'string' && Number.isSafeInteger(holder.pid) ? (holder as Holder) : null;
  } catch {
    return null;
  }
}

/** A process killed but not yet reaped by its parent still counts: its lock then waits to be stale. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as { code?: string }).code !== 'ESRCH';
  }
}

/**
 * Opens `dataDir` with `open` under its lock: `open` is handed the release, for its close; if it fails,
 * the lock is released at once.
 */
export async function openLocked<T>(dataDir: string, open: (release: () => Promise<void>) => Promise<T>): Promise<T> {
  const release = await lockDataDir(dataDir);
  try {
    return await open(release);
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * Whether a process holds `dataDir` now. A lock left by a process that no longer runs counts until it is
 * stale, unless that process was of this machine.
 */
export async function dataDirLocked(dataDir: string): Promise<boolean> {
  if (heldHere.has(dataDir)) return true;
  return (await lockfile.check(dataDir, options(dataDir))) && !(await holderGone(dataDir));
}
