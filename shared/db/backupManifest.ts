// The manifest of a backup folder (`manifest.json`, written last: a folder without one is an unfinished
// backup): which code made it, and for each service its engine, the file, its size and SHA-256, the
// migrations applied and every table's fingerprint. A restore reads it first and refuses a folder whose
// files are not exactly those it lists.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { TableFingerprints } from './tableFingerprints.ts';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'provincial-backup/1';

export type BackupEngine = 'embedded' | 'postgres-server';

export interface ServiceBackup {
  service: string;
  engine: BackupEngine;
  /** The engine's `server_version` when backed up. */
  engineVersion: string;
  /** What wrote the file: `pglite 0.5.16 dumpDataDir`, `pg_dump 15.20`. */
  tool: string;
  /** A plain file name inside the backup folder. */
  file: string;
  bytes: number;
  sha256: string;
  /** knex migrations applied to the database, in the order they ran. */
  migrations: string[];
  tables: TableFingerprints;
}

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  /** `git rev-parse HEAD` of the code that made it (null outside a git checkout), and whether it had uncommitted changes. */
  commit: string | null;
  uncommittedChanges: boolean;
  /** How the backup was kept consistent, in words. */
  consistency: string;
  /** SHA-256 of each public key of the witnessed disclosure log (`<service>`, `witness`) when backed up: audit:verify needs the same keys. */
  auditPublicKeys: Record<string, string>;
  services: ServiceBackup[];
}

const FILE_NAME = /^[a-z][a-z0-9-]*\.(?:pgdump|tar\.gz)$/;

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

export async function writeManifest(folder: string, manifest: BackupManifest): Promise<void> {
  await writeFile(join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
}

/** The folder's manifest; throws a sentence saying what is wrong with it. */
export async function readManifest(folder: string): Promise<BackupManifest> {
  const path = join(folder, MANIFEST_FILE);
  if (!existsSync(path)) throw new Error(`${folder} has no ${MANIFEST_FILE}: not a backup, or one that did not finish`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path, 'utf8')) as BackupManifest;
  } catch {
    throw new Error(`${path} is not valid JSON`);
  }
  if (manifest?.format !== MANIFEST_FORMAT) throw new Error(`${path} is not a backup manifest of format ${MANIFEST_FORMAT}`);
  if (!Array.isArray(manifest.services) || manifest.services.length === 0) throw new Error(`${path} lists no service`);
  for (const entry of manifest.services) {
    if (typeof entry.file !== 'string' || !FILE_NAME.test(entry.file)) throw new Error(`${path}: ${entry.service} names an unexpected file "${entry.file}"`);
    if (entry.engine !== 'embedded' && entry.engine !== 'postgres-server') throw new Error(`${path}: ${entry.service} has an unknown engine "${entry.engine}"`);
  }
  return manifest;
}

/** Each listed file that is missing, of another size or of another SHA-256 than the manifest says. */
export async function backupFileProblems(folder: string, services: readonly ServiceBackup[]): Promise<string[]> {
  const problems: string[] = [];
  for (const entry of services) {
    const path = join(folder, entry.file);
    if (!existsSync(path)) {
      problems.push(`${entry.service}: ${entry.file} is missing`);
      continue;
    }
    const bytes = statSync(path).size;
    const sha256 = await fileSha256(path);
    if (sha256 !== entry.sha256) {
      problems.push(`${entry.service}: ${entry.file} does not match the manifest (sha256 ${sha256}, expected ${entry.sha256}${bytes === entry.bytes ? '' : `; ${bytes} bytes, expected ${entry.bytes}`}): it was changed or damaged after the backup`);
    }
  }
  return problems;
}
