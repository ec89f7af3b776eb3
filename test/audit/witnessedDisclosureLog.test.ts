// A disclosure log nobody can quietly rewrite: an agency signs the head of its chain every N rows, the
// platform countersigns and keeps the checkpoints where the agency cannot write, and `npm run audit:verify`
// catches a deleted tail or an edited-and-rehashed row, naming the first row after the last good checkpoint.
// Real databases (embedded, on disk), the checkpoints sent over HTTP to the platform's route, the scripts run
// as an operator runs them.
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSigningKey } from '../../shared/audit/auditKeys.ts';
import { signCheckpoint } from '../../shared/audit/chainCheckpoint.ts';
import { startChainCheckpointer, type ChainCheckpointer } from '../../shared/audit/chainCheckpointer.ts';
import { expectedHash, RECORD_COLUMNS, type DisclosureRecord } from '../../shared/audit/disclosureChain.ts';
import { disclosureLogMigrations } from '../../shared/audit/disclosureLogMigrations.ts';
import { createDisclosureWriter } from '../../shared/audit/disclosureWriter.ts';
import { CHECKPOINT_PATH, checkpointWitnessRoute } from '../../shared/audit/witnessCheckpoints.ts';
import { childEnvironment } from '../../shared/config/childEnvironment.ts';
import { migrationSource } from '../../shared/db/migrationSource.ts';
import { openDatabase, type Database } from '../../shared/db/openDatabase.ts';
import { testDatabaseOptions } from '../../shared/db/testDatabase.ts';
import { answerSignedRoute } from '../../shared/subgraph/answerSignedRoute.ts';
import * as createAuditCheckpoint from '../../subgraphs/platform/migrations/20261204100000_create_audit_checkpoint.ts';
import { getStack, investigator, query, seededProvince } from '../support/stack.ts';

const run = promisify(execFile);
const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
const script = (name: string) => new URL(`../../scripts/${name}.ts`, import.meta.url).pathname;
const DAY_MS = 24 * 60 * 60 * 1000;
const SCRIPT_TIMEOUT = 60_000;

/** Rows 1-4 were written ten years ago, rows 5-8 today. */
const record = (n: number): DisclosureRecord => ({
  requestId: `r-${n}`, at: new Date(Date.now() - (n <= 4 ? 3650 : 0) * DAY_MS).toISOString(), principal: 'officer-1', agency: 'so-tu-phap', roles: ['officer'],
  purpose: 'civil-status-procedure', caseId: null, dataSubjects: ['033090000001'],
  outcomes: [{ decision: 'disclosed', fields: [{ fields: ['Citizen.fullName'], decision: 'disclosed', basis: 'civil-status-law-2014', rule: 'r' }] }],
  decision: 'disclosed',
});

async function post(url: string, body: unknown) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

/** audit:verify or audit:archive on a data directory: exit code and what it printed. */
async function runScript(name: string, dir: string, env: Record<string, string> = {}) {
  const environment = childEnvironment({ PGLITE_DATA_DIR: dir, DATABASE_URL: '', POPULATION_DATABASE_URL: '', PLATFORM_DATABASE_URL: '', ...env });
  try {
    const { stdout } = await run(tsx, [script(name), '--service', 'population'], { env: environment });
    return { code: 0, stdout };
  } catch (error) {
    return { code: (error as { code: number }).code, stdout: (error as { stdout: string }).stdout };
  }
}

let dir: string;
let population: Database;
let platform: Database;
let witness: Server;
let witnessUrl: string;
let checkpointer: ChainCheckpointer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'witnessed-log-'));
  [population, platform] = [await openDatabase({ dataDir: join(dir, 'population') }), await openDatabase({ dataDir: join(dir, 'platform') })];
  await population.knex.migrate.latest({ migrationSource: migrationSource(disclosureLogMigrations) });
  await platform.knex.migrate.latest({ migrationSource: migrationSource({ '20261204100000_create_audit_checkpoint': createAuditCheckpoint }) });
  // The platform's checkpoint route, as the platform subgraph serves it.
  const route = checkpointWitnessRoute();
  witness = createServer((req, res) => void answerSignedRoute((body) => route.handle(body, platform.knex), req, res));
  await new Promise<void>((resolve) => witness.listen(0, '127.0.0.1', resolve));
  witnessUrl = `http://127.0.0.1:${(witness.address() as AddressInfo).port}`;
  checkpointer = startChainCheckpointer({
    service: 'population', knex: population.knex, signingKey: auditSigningKey('population'), witnessUrl: () => witnessUrl,
    everyRows: 3, everySeconds: 3600, timeoutMs: 5000,
  });
  const writer = createDisclosureWriter(population.knex, (rows) => checkpointer.rowsAppended(rows.length));
  for (let n = 1; n <= 8; n += 1) {
    await writer.write(record(n));
    // The third and sixth rows start a round; waiting for it keeps the next rows out of that checkpoint.
    if (n % 3 === 0) await checkpointer.checkpointNow();
  }
  await getStack();
}, 240_000);

afterAll(async () => {
  await checkpointer?.stop();
  witness?.close();
  await population?.close().catch(() => {});
  await platform?.close().catch(() => {});
});

describe('an agency signing the head of its disclosure log', () => {
  it('is witnessed by the platform every 3 rows, and keeps its own copy of each countersigned checkpoint', async () => {
    const witnessed = await platform.knex('audit_checkpoint').select('service', 'seq').orderBy('seq');
    expect(witnessed.map((row) => [row.service, String(row.seq)])).toEqual([['population', '3'], ['population', '6']]);
    const own = await population.knex('disclosure_checkpoint').select('seq', 'witness_signature').orderBy('seq');
    expect(own.map((row) => [String(row.seq), typeof row.witness_signature])).toEqual([['3', 'string'], ['6', 'string']]);
  });

  it('is refused when it contradicts a witnessed checkpoint, goes back, or is not signed with the agency\'s key', async () => {
    const key = auditSigningKey('population');
    const at = new Date().toISOString();
    const contradicting = await post(witnessUrl + CHECKPOINT_PATH, signCheckpoint({ service: 'population', seq: '6', hash: 'a'.repeat(64), at }, key));
    expect(contradicting.status).toBe(409);
    expect(contradicting.body.errors[0].extensions.code).toBe('CHECKPOINT_CONFLICT');
    const backwards = await post(witnessUrl + CHECKPOINT_PATH, signCheckpoint({ service: 'population', seq: '2', hash: 'b'.repeat(64), at }, key));
    expect(backwards.status).toBe(409);
    expect(backwards.body.errors[0].extensions.code).toBe('CHECKPOINT_OUT_OF_ORDER');
    const forger = generateKeyPairSync('ed25519').privateKey;
    const forged = await post(witnessUrl + CHECKPOINT_PATH, signCheckpoint({ service: 'population', seq: '9', hash: 'c'.repeat(64), at }, forger));
    expect(forged).toEqual({ status: 401, body: { errors: [{ message: 'The checkpoint is not signed with the audit key of population', extensions: { code: 'UNAUTHENTICATED' } }] } });
    const witnessed = await platform.knex('audit_checkpoint').select('seq').orderBy('seq');
    expect(witnessed.map((row) => String(row.seq))).toEqual(['3', '6']);
  });

  it('reaches the running platform: a police read is in the population register\'s next witnessed checkpoint', async () => {
    const { subgraphs } = await getStack();
    const answer = await query(investigator, `{ citizen(id: "${seededProvince().demoCitizenIds[0]}") { fullName } }`);
    expect(answer.body.errors).toBeUndefined();
    await subgraphs.population.checkpointDisclosureLog();
    const head = await subgraphs.population.database.knex('disclosure_log').select('seq', 'hash').orderBy('seq', 'desc').first();
    const witnessed = await subgraphs.platform.database.knex('audit_checkpoint').select('seq', 'hash').where({ service: 'population' }).orderBy('seq', 'desc').first();
    expect({ seq: String(witnessed.seq), hash: witnessed.hash }).toEqual({ seq: String(head.seq), hash: head.hash });
  });

  it('is refused by the running platform when forged or malformed, and nothing is kept', async () => {
    const { subgraphs } = await getStack();
    const url = subgraphs.platform.url.replace(/\/graphql$/, '') + CHECKPOINT_PATH;
    const forger = generateKeyPairSync('ed25519').privateKey;
    const forged = await post(url, signCheckpoint({ service: 'land', seq: '999999', hash: 'd'.repeat(64), at: new Date().toISOString() }, forger));
    expect(forged).toEqual({ status: 401, body: { errors: [{ message: 'The checkpoint is not signed with the audit key of land', extensions: { code: 'UNAUTHENTICATED' } }] } });
    const malformed = await post(url, { service: 'land', seq: '-1', hash: 'x', at: 'yesterday', signature: 'none' });
    expect(malformed).toEqual({ status: 400, body: { errors: [{ message: 'seq must be a positive whole number, as a string', extensions: { code: 'BAD_USER_INPUT' } }] } });
    const kept = await subgraphs.platform.database.knex('audit_checkpoint').where({ service: 'land', seq: '999999' }).first();
    expect(kept).toBeUndefined();
  });
});

describe('replicas of a register signing one log', () => {
  let log: Database;
  let witnessDatabase: Database;
  let server: Server;
  let url: string;
  let calls = 0;

  beforeAll(async () => {
    [log, witnessDatabase] = [await openDatabase(testDatabaseOptions('replica_population')), await openDatabase(testDatabaseOptions('replica_platform'))];
    await log.knex.migrate.latest({ migrationSource: migrationSource(disclosureLogMigrations) });
    await witnessDatabase.knex.migrate.latest({ migrationSource: migrationSource({ '20261204100000_create_audit_checkpoint': createAuditCheckpoint }) });
    const route = checkpointWitnessRoute();
    server = createServer((req, res) => {
      calls += 1;
      void answerSignedRoute((body) => route.handle(body, witnessDatabase.knex), req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    server?.close();
    await log?.close().catch(() => {});
    await witnessDatabase?.close().catch(() => {});
  });

  it('go on being witnessed when one stored a checkpoint of an older head after a later one was witnessed', async () => {
    const replica = (): ChainCheckpointer =>
      startChainCheckpointer({ service: 'population', knex: log.knex, signingKey: auditSigningKey('population'), witnessUrl: () => url, everyRows: 1000, everySeconds: 3600, timeoutMs: 5000 });
    const [first, second] = [replica(), replica()];
    const writer = createDisclosureWriter(log.knex);
    try {
      for (let n = 1; n <= 6; n += 1) await writer.write(record(n));
      await second.checkpointNow();
      // The first replica read the head at row 4 before the second's round, and stores its checkpoint only now.
      const row4 = await log.knex('disclosure_log').select('hash').where({ seq: 4 }).first();
      const late = signCheckpoint({ service: 'population', seq: '4', hash: row4.hash, at: new Date().toISOString() }, auditSigningKey('population'));
      await log.knex('disclosure_checkpoint').insert({ seq: late.seq, hash: late.hash, at: late.at, signature: late.signature });
      // And the second replica stopped before it kept the platform's countersignature of row 6.
      await log.knex('disclosure_checkpoint').where({ seq: 6 }).update({ witnessed_at: null, witness_signature: null });

      for (let n = 7; n <= 8; n += 1) await writer.write(record(n));
      await first.checkpointNow();
      const witnessed = await witnessDatabase.knex('audit_checkpoint').select('seq').where({ service: 'population' }).orderBy('seq');
      expect(witnessed.map((row) => String(row.seq))).toEqual(['6', '8']);
      const own = await log.knex('disclosure_checkpoint').select('seq', 'witness_signature').orderBy('seq');
      expect(own.map((row) => [String(row.seq), row.witness_signature !== null])).toEqual([['4', false], ['6', true], ['8', true]]);

      // Row 4 is covered by the witnessed row 8: no round sends it again.
      calls = 0;
      await first.checkpointNow();
      await second.checkpointNow();
      expect(calls).toBe(0);
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});

describe('npm run audit:verify against the witnessed checkpoints', () => {
  /** Copies of the databases, one per tampering, made once the services are stopped. */
  const copy = (name: string) => {
    const target = join(dir, '..', `${dir.split('/').pop()}-${name}`);
    cpSync(dir, target, { recursive: true });
    return target;
  };
  let copies: Record<'deleted' | 'rehashed' | 'archived' | 'unfiled', string>;

  beforeAll(async () => {
    await checkpointer.stop();
    witness.close();
    await population.close();
    await platform.close();
    copies = { deleted: copy('deleted'), rehashed: copy('rehashed'), archived: copy('archived'), unfiled: copy('unfiled') };
  }, 120_000);

  /** The row whose filing the 'unfiled' copy changed. */
  let filedRow = '';

  async function onCopy(target: string, change: (knex: Knex) => Promise<void>) {
    const database = await openDatabase({ dataDir: join(target, 'population') });
    try {
      await change(database.knex);
    } finally {
      await database.close();
    }
  }

  it('passes an untouched log, counting the rows not yet witnessed', async () => {
    const { code, stdout } = await runScript('auditVerify', dir);
    expect(stdout).toContain('✓ population: 8 rows, chain intact; 2 checkpoint(s) witnessed, the last at row 6; 2 row(s) not yet witnessed');
    expect(code).toBe(0);
  }, SCRIPT_TIMEOUT);

  it('names the first row after the last good checkpoint when the tail was deleted', async () => {
    await onCopy(copies.deleted, async (knex) => {
      await knex('disclosure_log').where('seq', '>=', 5).delete();
    });
    const { code, stdout } = await runScript('auditVerify', copies.deleted);
    expect(stdout).toContain(
      '✗ population: first row after the last good checkpoint: row 4: row 6 was witnessed but the log ends before it (its tail was deleted); rows from 4 on (the last good checkpoint: row 3) cannot be trusted',
    );
    expect(code).toBe(1);
  }, SCRIPT_TIMEOUT);

  it('names the first row after the last good checkpoint when a row was edited and every later row rehashed', async () => {
    await onCopy(copies.rehashed, async (knex) => {
      await knex('disclosure_log').where('seq', 5).update({ data_subjects: ['033090000009'] });
      const rows = await knex('disclosure_log').select(RECORD_COLUMNS).where('seq', '>=', 4).orderBy('seq');
      let previous = rows[0].hash;
      for (const row of rows.slice(1)) {
        const hash = expectedHash({ ...row, prevHash: previous });
        await knex('disclosure_log').where('seq', row.seq).update({ prev_hash: previous, hash });
        previous = hash;
      }
    });
    const { code, stdout } = await runScript('auditVerify', copies.rehashed);
    expect(stdout).toContain(
      '✗ population: first row after the last good checkpoint: row 4: row 6 no longer has the hash witnessed for it (rows were edited and rehashed); rows from 4 on (the last good checkpoint: row 3) cannot be trusted',
    );
    expect(code).toBe(1);
  }, SCRIPT_TIMEOUT);

  it('names a row taken out of its data subjects\' filing, which the chain alone would not show', async () => {
    await onCopy(copies.unfiled, async (knex) => {
      const [row] = await knex('disclosure_log').select('seq', 'data_subjects').whereNotNull('data_subjects').orderBy('seq', 'desc').limit(1);
      // Its first person taken out of the filing (or, alone in it, someone else put in their place).
      const others = row.data_subjects.slice(1);
      await knex('disclosure_log_subjects').where('seq', row.seq).update({ data_subjects: others.length > 0 ? others : ['033090000000'] });
      filedRow = String(row.seq);
    });
    const { code, stdout } = await runScript('auditVerify', copies.unfiled);
    expect(stdout).toContain(`✗ population: row ${filedRow}: it is not filed under its data subjects (the filing was changed or removed): their own log does not show it`);
    expect(stdout).toContain('The disclosure log has been tampered with (above).');
    expect(code).toBe(1);
  }, SCRIPT_TIMEOUT);

  it('archives only whole witnessed segments of old rows, and the log still verifies', async () => {
    // Rows 1-4 are ten years old: the segment up to row 3 goes; row 4 shares its segment with today's rows and stays.
    const archived = await runScript('auditArchive', copies.archived, { AUDIT_RETENTION_DAYS: '1825' });
    expect(archived.stdout).toContain('✓ population: 3 row(s) older than 1825 days archived in 1 witnessed segment(s), through row 3');
    expect(archived.code).toBe(0);
    const verified = await runScript('auditVerify', copies.archived);
    expect(verified.stdout).toContain('✓ population: 8 rows, chain intact, 3 of them archived; 2 checkpoint(s) witnessed, the last at row 6; 2 row(s) not yet witnessed');
    expect(verified.code).toBe(0);
    // The archived rows left the index citizens' logs are read by; every live row is still in it.
    await onCopy(copies.archived, async (knex) => {
      const indexed = await knex('disclosure_log_subjects').select('seq').orderBy('seq');
      const live = await knex('disclosure_log').select('seq').whereNotNull('data_subjects').orderBy('seq');
      expect(indexed.map((row) => String(row.seq))).toEqual(live.map((row) => String(row.seq)));
      expect(live.length).toBeGreaterThan(0);
      expect(live.every((row) => Number(row.seq) > 3)).toBe(true);
    });
  }, SCRIPT_TIMEOUT * 2);
});
