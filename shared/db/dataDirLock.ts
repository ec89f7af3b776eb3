// One process at a time in an embedded data directory (PGLITE_DATA_DIR). Two PGlite engines on the same
// files each keep their own buffers and write-ahead log and overwrite each other's pages: two `npm start`s
// on one data directory both came up, answered every request, and left each register's disclosure log
// with most of its rows gone and its chain broken. PGlite takes no lock of its own (its postmaster.pid is
// left behind by a killed process and read by nobody), so the project takes one.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { logError } from '../logging/log.ts';

/**
 * A lock not refreshed for this long is stale: its process was killed. A start after that takes the
 * directory over. The holder refreshes it every REFRESH_MS, a timer well inside it.
 */
export const STALE_LOCK_MS = 30_000;
const REFRESH_MS = 5_000;

/** Beside the directory, not in it: a backup of the directory does not carry it, and a restore does not remove it. */
export const dataDirLockPath = (dataDir: string) => `${dataDir}.lock`;

const options = (dataDir: string) => ({ lockfilePath: dataDirLockPath(dataDir), realpath: false, stale: STALE_LOCK_MS });

/**
 * Takes the lock of `dataDir` and resolves to its release (a normal exit releases it too). Held by another
 * process, it refuses at once, naming the directory: a second start by mistake says so in a second, and a
 * restart right after a kill is refused until the dead process's lock is stale (a container's restart
 * policy starts it again).
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dirname(dataDir), { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      ...options(dataDir),
      update: REFRESH_MS,
      // A refresh missed past the stale time (the event loop held that long) or the lock removed by hand:
      // another process may now take the directory. Said loudly; the process goes on serving.
      onCompromised: (error) => logError('lost the lock of an embedded data directory: another process may open it', { dataDir, error }),
    });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    throw new Error(
      `${dataDir} is in use by another process (its lock: ${dataDirLockPath(dataDir)}): stop that process, or give this one another PGLITE_DATA_DIR. A lock left by a killed process expires ${STALE_LOCK_MS / 1000} s after it died.`,
    );
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

/** Whether a process holds `dataDir` now (a lock left by a killed process counts until it is stale). */
export function dataDirLocked(dataDir: string): Promise<boolean> {
  return lockfile.check(dataDir, options(dataDir));
}
