// npm run restore -- --from <dir> [--service <name> ...] [--force]: brings a backup (npm run backup) back
// into the databases the services are configured with (DATABASE_URL, <NAME>_DATABASE_URL or
// PGLITE_DATA_DIR), each into the engine it was taken from. Before touching anything: every file must
// match the manifest's SHA-256, the code must know every migration the backup holds, and each target must
// be empty and unused (--force replaces a database that is not empty, saying what it replaces; a database
// in use is never replaced). After: every table of each restored database must have the rows and checksum
// the backup recorded. Then `npm run audit:verify` checks the restored disclosure logs against the
// restored checkpoints. docs/backup-and-restore.md.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupFileProblems, readManifest, type BackupManifest, type ServiceBackup } from '../shared/db/backupManifest.ts';
import { dataDirLocked, dataDirLockPath } from '../shared/db/dataDirLock.ts';
import { embeddedDatabaseContents, embeddedDatabaseExists, embeddedDirectoryHasFiles, loadEmbeddedDatabase, readEmbeddedDatabaseState } from '../shared/db/embeddedBackup.ts';
import { findPostgresTool, majorVersion, type PostgresTool } from '../shared/db/postgresTools.ts';
import { readServerDatabaseState, restoreServerDatabase, serverDatabaseContents, serverVersionNumber } from '../shared/db/serverBackup.ts';
import { serverDatabaseExists } from '../shared/db/serverDatabase.ts';
import { fingerprintDifferences } from '../shared/db/tableFingerprints.ts';
import { SUBGRAPHS } from '../subgraphs/registry.ts';
import { auditPublicKeys } from '../shared/audit/auditKeys.ts';
import { badlySignedCheckpoints } from '../shared/audit/witnessedChain.ts';
import { platformWitnessedCheckpoints } from './serviceDatabase.ts';
import { auditPublicKeyDigests, backupTarget, orderedServices, type BackupTarget } from './backupTargets.ts';

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const { values } = parseArgs({ options: { from: { type: 'string' }, force: { type: 'boolean', default: false }, service: { type: 'string', multiple: true } } });
if (!values.from) fail(['Usage: npm run restore -- --from <backup folder> [--service <name> ...] [--force]']);
const folder = resolve(values.from);

let manifest: BackupManifest;
let chosen: ServiceBackup[];
try {
  manifest = await readManifest(folder);
  const inBackup = manifest.services.map((entry) => entry.service);
  const missing = (values.service ?? []).filter((name) => !inBackup.includes(name));
  if (missing.length > 0) throw new Error(`The backup holds no ${missing.join(', ')} (it holds ${inBackup.join(', ')})`);
  const order = orderedServices(values.service?.length ? values.service : inBackup);
  chosen = order.map((name) => manifest.services.find((entry) => entry.service === name)!);
} catch (error) {
  fail([`Nothing was restored: ${(error as Error).message}`]);
}

// 1. The files are those the backup wrote.
const fileProblems = await backupFileProblems(folder, chosen);
if (fileProblems.length > 0) fail(['Nothing was restored: the backup is not intact.', ...fileProblems.map((problem) => `- ${problem}`)]);

// 2. The code can run these databases: it knows every migration they hold (older backups are migrated on the next start).
const problems: string[] = [];
const notes: string[] = [];
for (const entry of chosen) {
  const known = Object.keys(SUBGRAPHS[entry.service]?.migrations ?? {});
  const unknown = entry.migrations.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    problems.push(`${entry.service}: the backup holds migrations this code lacks (${unknown.join(', ')}): restore with the code it was made with (commit ${manifest.commit ?? 'unknown'})`);
  }
  const pending = known.filter((name) => !entry.migrations.includes(name));
  if (pending.length > 0 && unknown.length === 0) notes.push(`${entry.service}: ${pending.length} migration(s) newer than the backup will run when the service next starts`);
}

// 3. Each target: the engine it was taken from, not in use, empty unless --force.
const targets = new Map<string, BackupTarget>();
const replaced: string[] = [];
const tools = new Map<string, PostgresTool>();
for (const entry of chosen) {
  const target = backupTarget(entry.service);
  if (typeof target === 'string') {
    problems.push(target);
    continue;
  }
  if (target.engine !== entry.engine) {
    problems.push(`${entry.service}: the backup is of ${entry.engine === 'embedded' ? 'an embedded database' : 'a Postgres server database'}, and the service is configured for ${target.engine === 'embedded' ? 'an embedded one (PGLITE_DATA_DIR)' : 'a server (DATABASE_URL)'}: a restore goes into the engine it came from`);
    continue;
  }
  targets.set(entry.service, target);
  try {
    if (target.engine === 'embedded') {
      const dir = target.dataDir!;
      if (await dataDirLocked(dir)) problems.push(`${entry.service}: ${dir} is open in a running process (its lock: ${dataDirLockPath(dir)}): stop the services first`);
      else if (embeddedDatabaseExists(dir)) {
        const contents = await embeddedDatabaseContents(dir);
        const what = `${entry.service}: ${dir} holds a database (${contents.tables} tables, about ${contents.rowsEstimate} rows)`;
        if (values.force) replaced.push(what);
        else problems.push(`${what}: restore into an empty place, or pass --force to replace it`);
      } else if (embeddedDirectoryHasFiles(dir)) {
        if (values.force) replaced.push(`${entry.service}: ${dir} (files that are not a database)`);
        else problems.push(`${entry.service}: ${dir} is not empty: restore into an empty place, or pass --force to replace it`);
      }
    } else {
      const url = target.url!;
      const major = majorVersion(String(await serverVersionNumber(url)));
      const dumpedWith = majorVersion(entry.tool.replace(/^pg_dump\s+/, ''));
      const key = String(Math.max(major, dumpedWith));
      if (!tools.has(key)) tools.set(key, await findPostgresTool('pg_restore', Math.max(major, dumpedWith)));
      if (major < majorVersion(entry.engineVersion)) notes.push(`${entry.service}: the backup is of PostgreSQL ${entry.engineVersion}, the server is older (${major}): pg_restore may refuse some of it`);
      const contents = (await serverDatabaseExists(url)) ? await serverDatabaseContents(url) : null;
      if (contents?.otherConnections) problems.push(`${entry.service}: ${target.where} has ${contents.otherConnections} other connection(s): stop the services first`);
      else if (contents) {
        const what = `${entry.service}: ${target.where} holds ${contents.tables} tables (about ${contents.rowsEstimate} rows)`;
        if (values.force) replaced.push(what);
        else problems.push(`${what}: restore into a new database, or pass --force to replace it`);
      }
    }
  } catch (error) {
    problems.push(`${entry.service}: ${(error as Error).message}`);
  }
}
if (problems.length > 0) fail(['Nothing was restored:', ...problems.map((problem) => `- ${problem}`)]);
if (replaced.length > 0) {
  console.log('--force: replacing');
  for (const line of replaced) console.log(`- ${line}`);
}

// 4. Restore, then compare every table with the backup's record of it.
let differing = false;
for (const entry of chosen) {
  const target = targets.get(entry.service)!;
  const started = Date.now();
  const file = join(folder, entry.file);
  try {
    if (target.engine === 'embedded') await loadEmbeddedDatabase(target.dataDir!, file);
    else {
      const major = majorVersion(String(await serverVersionNumber(target.url!)));
      const tool = tools.get(String(Math.max(major, majorVersion(entry.tool.replace(/^pg_dump\s+/, '')))))!;
      await restoreServerDatabase(target.url!, file, tool);
    }
  } catch (error) {
    fail([`✗ ${entry.service}: the restore into ${target.where} failed: ${(error as Error).message}`, 'Services restored before it are in place; fix the cause and restore again with --force.']);
  }
  const state = target.engine === 'embedded' ? await readEmbeddedDatabaseState(target.dataDir!) : await readServerDatabaseState(target.url!);
  const differences = fingerprintDifferences(entry.tables, state.tables);
  const rows = Object.values(state.tables).reduce((sum, table) => sum + table.rows, 0);
  if (differences.length > 0) {
    differing = true;
    console.log(`✗ ${entry.service}: restored into ${target.where}, but ${differences.length} table(s) differ from the backup:`);
    for (const difference of differences) console.log(`    ${difference}`);
  } else {
    console.log(`✓ ${entry.service.padEnd(13)} restored into ${target.where}: ${Object.keys(state.tables).length} tables, ${rows} rows, identical to the backup (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}
for (const note of notes) console.log(`Note: ${note}`);

// The audit keys: verify checks the restored checkpoints' signatures with the keys configured here.
const keysNow = auditPublicKeyDigests();
const changedKeys = Object.keys(manifest.auditPublicKeys ?? {}).filter((name) => keysNow[name] !== manifest.auditPublicKeys[name]);
if (changedKeys.length > 0) {
  console.log(`Note: the audit public keys of ${changedKeys.join(', ')} differ from the backup's: audit:verify will not trust the restored checkpoints until AUDIT_PUBLIC_KEYS_DIR (or DEV_KEYS_DIR) gives the keys of the backup`);
}
// And the restored checkpoints themselves: signed with keys other than those configured here, audit:verify will not trust them.
if (!differing && chosen.some((entry) => entry.service === 'platform')) {
  const witnessed = await platformWitnessedCheckpoints();
  const keys = auditPublicKeys();
  for (const [service, checkpoints] of witnessed ?? []) {
    const bad = badlySignedCheckpoints(service, checkpoints, keys);
    if (bad.length > 0) {
      console.log(`Note: ${bad.length} of the ${checkpoints.length} checkpoint(s) of ${service} witnessed in the restored platform do not verify with the audit keys configured here (${bad[0].why}): give audit:verify the keys they were signed with (AUDIT_PUBLIC_KEYS_DIR)`);
    }
  }
}
if (differing) fail(['The restored databases differ from the backup (above).']);
console.log(`Restored ${chosen.length} service(s) from ${folder} (made ${manifest.createdAt} at commit ${manifest.commit ?? 'unknown'}${manifest.uncommittedChanges ? ', with uncommitted changes' : ''}). Next: npm run audit:verify with the same settings.`);
process.exit(0);
