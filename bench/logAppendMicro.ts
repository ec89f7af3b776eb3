// Micro-benchmark of the disclosure log's write path alone: one writer appending records of a police read
// of N people (a restricted rule, as the bench page's civil-status rows), one after another, each a
// request of its own (no group commit), on a scratch database of the bench server. Reports the CPU of
// the Postgres backend serving it and of this process, per row appended, and the log's size on disk per
// row. docs/performance.md and docs/consent-and-disclosure-log.md have its figures.
// Usage: npx tsx bench/logAppendMicro.ts [rows=3000] [people per row=39]
// The server is BENCH_DATABASE_URL's; the database is bench_log_append (created, and appended to, run
// after run: bench/logFill.ts fills it by SQL, to see whether appending costs more on a long log).
import { disclosureLogMigrations } from '../shared/audit/disclosureLogMigrations.ts';
import { DisclosureCollector } from '../shared/audit/disclosureCollector.ts';
import { createDisclosureWriter } from '../shared/audit/disclosureWriter.ts';
import type { Principal } from '../shared/auth/Principal.ts';
import { migrationSource } from '../shared/db/migrationSource.ts';
import { openDatabase } from '../shared/db/openDatabase.ts';
import { benchSettingsFromEnv } from './benchSettings.ts';
import { readProcessStat, ticksToMs } from './processCpu.ts';

const ROWS = Number(process.argv[2] ?? 3000);
const PEOPLE = Number(process.argv[3] ?? 39);
const WARM_UP_ROWS = 300;
const FIELDS = ['CivilEvent.kind', 'CivilEvent.registeredOn', 'CivilEvent.id'];
const restricted = { legalBasis: 'criminal-procedure-code-2015', notifyAfter: 'until-released' };

const url = new URL(benchSettingsFromEnv().serverUrl);
url.pathname = '/bench_log_append';
const database = await openDatabase({ url: url.toString() });
const { knex } = database;
await knex.migrate.latest({ migrationSource: migrationSource(disclosureLogMigrations) });
const writer = createDisclosureWriter(knex);
const principal: Principal = { subject: 'investigator-7@cong-an-tinh', agency: 'cong-an-tinh', roles: ['officer'], purpose: 'criminal-investigation', caseId: 'HS-2026/0042', requestId: '' };

/** What a subgraph's collector makes of one request reading FIELDS of PEOPLE people. */
function recordOf(index: number) {
  const collector = new DisclosureCollector({ ...principal, requestId: `append-${Date.now()}-${index}` });
  for (let person = 0; person < PEOPLE; person += 1) {
    const id = String(33090000000 + ((index * 41 + person * 7919) % 200000)).padStart(12, '0');
    for (const field of FIELDS) {
      collector.record([id], field, { allowed: true, policy: 'civil-status.event', rule: 'police-investigates-a-crime', legalBasis: 'criminal-procedure-code-2015', restricted });
    }
  }
  return collector.toRecord(null);
}

async function backendMs(): Promise<number> {
  const { rows } = await knex.raw('select pg_backend_pid() as pid');
  const stat = readProcessStat(rows[0].pid);
  if (!stat) throw new Error('The Postgres backend is not on this machine: run the bench where its server runs');
  return ticksToMs(stat.ticks);
}

for (let index = 0; index < WARM_UP_ROWS; index += 1) await writer.write(recordOf(index));
const postgresBefore = await backendMs();
const nodeBefore = process.cpuUsage();
for (let index = WARM_UP_ROWS; index < WARM_UP_ROWS + ROWS; index += 1) await writer.write(recordOf(index));
const node = process.cpuUsage(nodeBefore);
const postgres = (await backendMs()) - postgresBefore;
const { rows } = await knex.raw("select pg_total_relation_size('disclosure_log') as bytes, (select count(*) from disclosure_log) as rows");
console.log(
  `${ROWS} rows of ${PEOPLE} people appended: Postgres ${(postgres / ROWS).toFixed(3)} ms per row, this process ${((node.user + node.system) / 1000 / ROWS).toFixed(3)} ms per row ` +
    `(building the record included); the log holds ${Number(rows[0].rows).toLocaleString('en')} rows, ${Math.round(rows[0].bytes / rows[0].rows)} bytes each on disk`,
);
await database.close();
