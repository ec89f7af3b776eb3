// Fills bench/logAppendMicro.ts's scratch log to N more rows by SQL, to see whether appending costs more
// on a long log (issue 13: a log of 10 million rows). Each added row is a copy of the log's last row with
// new keys and 20 data subjects of the bench's 200,000 people, filed under them in disclosure_log_subjects
// as the writer files rows; the chain's hashes are stand-ins (computing them is the writer's JS, far too
// slow for millions of rows), so the filled log does not verify. The indexes are dropped for the fill and
// built afterwards, then the log is vacuumed: the appends measured next meet indexes of that size, as a
// log grown by use would.
// Usage: npx tsx bench/logAppendMicro.ts 300 (once, to create and migrate the database), then
//        npx tsx bench/logFill.ts [rows=10000000], then npx tsx bench/logAppendMicro.ts again.
import { ensurePartitions } from '../shared/audit/subjectPartitions.ts';
import { openDatabase } from '../shared/db/openDatabase.ts';
import { benchSettingsFromEnv } from './benchSettings.ts';

const ROWS = Number(process.argv[2] ?? 10_000_000);
const PEOPLE_PER_ROW = 20;
const PEOPLE = 200_000;

const url = new URL(benchSettingsFromEnv().serverUrl);
url.pathname = '/bench_log_append';
const database = await openDatabase({ url: url.toString() });
const { knex } = database;

/** Runs one statement on `on` and says how long it took. */
async function step(on: typeof knex, what: string, sql: string, bindings: readonly (string | number)[] = []): Promise<void> {
  const started = Date.now();
  await on.raw(sql, bindings);
  console.log(`${what}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

try {
  const last = await knex('disclosure_log').select('seq').orderBy('seq', 'desc').first();
  if (!last) throw new Error('The scratch log is empty: run bench/logAppendMicro.ts once first');
  // One transaction, so one session: its memory setting holds for every index build.
  await knex.transaction(async (trx) => {
    await trx.raw("set local maintenance_work_mem = '2GB'");
    const run = (what: string, sql: string, bindings: readonly (string | number)[] = []) => step(trx, what, sql, bindings);
    await run('dropped the indexes', `alter table disclosure_log drop constraint disclosure_log_one_successor;
      drop index disclosure_log_at_index; drop index disclosure_log_subjects_index`);
    await run(
      `${ROWS.toLocaleString('en')} rows`,
      `insert into disclosure_log (request_id, at, principal, agency, roles, purpose, case_id, guardian, data_subjects, outcome_sets, outcome_of, decision, prev_hash, hash)
       select 'fill-' || g, template.at - (?::int - g) * interval '10 ms', template.principal, template.agency, template.roles, template.purpose, template.case_id, template.guardian,
         array(select lpad((33090000000 + (g::bigint * 41 + person * 7919) % ?::int)::text, 12, '0') from generate_series(0, ?::int - 1) as person),
         template.outcome_sets, array_fill(0, array[?::int]), template.decision, 'fill-prev-' || g, 'fill-' || g
       from generate_series(1, ?::int) as g, (select * from disclosure_log where seq = ?) as template`,
      [ROWS, PEOPLE, PEOPLE_PER_ROW, PEOPLE_PER_ROW, ROWS, last.seq],
    );
    // The writer links its next row to the one with the highest seq: the last filled row, whose hash it reads.
    const end = await trx('disclosure_log').max('seq as seq').first();
    await ensurePartitions(trx, BigInt(end!.seq));
    await run(
      'filed under their data subjects',
      'insert into disclosure_log_subjects (seq, data_subjects) select seq, data_subjects from disclosure_log where seq > ?',
      [last.seq],
    );
    await run('the subject index', 'create index disclosure_log_subjects_index on disclosure_log_subjects using gin (data_subjects)');
    await run('the one-successor index', 'alter table disclosure_log add constraint disclosure_log_one_successor unique (prev_hash)');
    await run('the time index', 'create index disclosure_log_at_index on disclosure_log (at)');
  });
  await step(knex, 'vacuum (analyze)', 'vacuum analyze disclosure_log, disclosure_log_subjects');
  const { rows } = await knex.raw(`select (select count(*) from disclosure_log) as rows, pg_size_pretty(pg_total_relation_size('disclosure_log')) as log,
    (select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) from pg_inherits where inhparent = 'disclosure_log_subjects'::regclass) as subjects`);
  console.log(`The log holds ${Number(rows[0].rows).toLocaleString('en')} rows: ${rows[0].log}, filed under their data subjects in ${rows[0].subjects}`);
} finally {
  await database.close();
}
