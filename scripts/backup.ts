// npm run backup [-- --to <dir>] [--service <name> ...]: a consistent backup of every service's database
// (each agency register with its disclosure log, and the platform: consent registry, witnessed
// checkpoints, open data and the rest) into a new folder (default backups/<timestamp>/), with a manifest.
// A Postgres server: pg_dump (custom format) under a snapshot exported by the transaction that fingerprints
// the tables, the services may keep running. Embedded databases (PGLITE_DATA_DIR): the data-directory dump;
// a data directory has one process at a time, so the stack must be stopped first, and is refused otherwise.
// docs/backup-and-restore.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileSha256, MANIFEST_FORMAT, writeManifest, type ServiceBackup } from '../shared/db/backupManifest.ts';
import { dataDirLocked, dataDirLockPath, LEFT_LOCKS } from '../shared/db/dataDirLock.ts';
import { dumpEmbeddedDatabase, embeddedDatabaseExists } from '../shared/db/embeddedBackup.ts';
import { findPostgresTool, majorVersion, type PostgresTool } from '../shared/db/postgresTools.ts';
import { dumpServerDatabase, openServerSnapshot, serverVersionNumber, type ServerSnapshot } from '../shared/db/serverBackup.ts';
import { serverDatabaseExists } from '../shared/db/serverDatabase.ts';
import { auditPublicKeyDigests, backupTarget, orderedServices, type BackupTarget } from './backupTargets.ts';

const repository = new URL('..', import.meta.url).pathname;

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

function gitState(): { commit: string | null; uncommittedChanges: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repository, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repository, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return { commit, uncommittedChanges: status.trim() !== '' };
  } catch {
    return { commit: null, uncommittedChanges: false };
  }
}

const { values } = parseArgs({ options: { to: { type: 'string' }, service: { type: 'string', multiple: true } } });
let services: string[];
try {
  services = orderedServices(values.service);
} catch (error) {
  fail([(error as Error).message]);
}

// Every problem before anything is written: a backup is of every service named, or of none.
const targets: BackupTarget[] = [];
const problems: string[] = [];
for (const service of services) {
  const target = backupTarget(service);
  if (typeof target === 'string') problems.push(target);
  else targets.push(target);
}
const tools = new Map<string, PostgresTool>();
for (const target of targets) {
  if (target.engine === 'embedded') {
    if (!embeddedDatabaseExists(target.dataDir!)) problems.push(`${target.service}: ${target.dataDir} holds no database (has the service ever started with this PGLITE_DATA_DIR?)`);
    else if (await dataDirLocked(target.dataDir!)) {
      problems.push(
        `${target.service}: ${target.dataDir} is open in a running process (its lock: ${dataDirLockPath(target.dataDir!)}): stop npm start (or the service) first — an embedded database is backed up stopped. ${LEFT_LOCKS}`,
      );
    }
  } else {
    try {
      if (!(await serverDatabaseExists(target.url!))) problems.push(`${target.service}: no database ${target.where} on the server`);
      else {
        const major = majorVersion(String(await serverVersionNumber(target.url!)));
        if (!tools.has(String(major))) tools.set(String(major), await findPostgresTool('pg_dump', major));
      }
    } catch (error) {
      problems.push(`${target.service}: ${(error as Error).message}`);
    }
  }
}
if (problems.length > 0) fail(['Nothing was backed up:', ...problems.map((problem) => `- ${problem}`)]);

const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
const folder = resolve(values.to ?? join(repository, 'backups', stamp));
if (existsSync(folder) && (!statSync(folder).isDirectory() || readdirSync(folder).length > 0)) fail([`${folder} exists and is not empty: a backup goes into a new folder`]);
const createdFolder = !existsSync(folder);
await mkdir(folder, { recursive: true });

const entries: ServiceBackup[] = [];
const snapshots = new Map<string, ServerSnapshot>();
try {
  // Server databases: every snapshot first (platform first), back to back, then the dumps under them.
  for (const target of targets.filter((entry) => entry.engine === 'postgres-server')) snapshots.set(target.service, await openServerSnapshot(target.url!));
  for (const target of targets) {
    const started = Date.now();
    let entry: Omit<ServiceBackup, 'bytes' | 'sha256'>;
    if (target.engine === 'embedded') {
      const file = `${target.service}.tar.gz`;
      const state = await dumpEmbeddedDatabase(target.dataDir!, join(folder, file));
      entry = { service: target.service, engine: 'embedded', tool: 'PGlite dumpDataDir (gzip)', file, ...state };
    } else {
      const file = `${target.service}.pgdump`;
      const snapshot = snapshots.get(target.service)!;
      const tool = tools.get(String(majorVersion(snapshot.engineVersion)))!;
      await dumpServerDatabase(target.url!, snapshot, tool, join(folder, file));
      const { id: _id, release: _release, ...state } = snapshot;
      entry = { service: target.service, engine: 'postgres-server', tool: `pg_dump ${tool.version} (custom format)`, file, ...state };
    }
    const path = join(folder, entry.file);
    const saved: ServiceBackup = { ...entry, bytes: statSync(path).size, sha256: await fileSha256(path) };
    entries.push(saved);
    const rows = Object.values(saved.tables).reduce((sum, table) => sum + table.rows, 0);
    console.log(`✓ ${target.service.padEnd(13)} ${target.engine} (${target.where}): ${Object.keys(saved.tables).length} tables, ${rows} rows, ${saved.bytes} bytes, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await writeManifest(folder, {
    format: MANIFEST_FORMAT,
    createdAt: new Date().toISOString(),
    ...gitState(),
    consistency:
      'Embedded databases were backed up stopped (no process held their data directories). Server databases were dumped under snapshots taken back to back, the platform first, so each database is consistent and every checkpoint the platform witnessed names rows the agency backup holds.',
    auditPublicKeys: auditPublicKeyDigests(),
    services: entries,
  });
} catch (error) {
  for (const snapshot of snapshots.values()) await snapshot.release();
  snapshots.clear();
  if (createdFolder) await rm(folder, { recursive: true, force: true });
  else for (const entry of readdirSync(folder)) await rm(join(folder, entry), { recursive: true, force: true });
  fail([`Backup failed, nothing kept: ${(error as Error).message}`]);
} finally {
  for (const snapshot of snapshots.values()) await snapshot.release();
}
console.log(`Backup of ${entries.length} service(s) in ${folder} (manifest.json). Restore: npm run restore -- --from ${folder}`);
process.exit(0);
