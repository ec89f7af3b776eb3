// Micro-benchmark of the disclosure log's reads by person, on bench/logFill.ts's long scratch log: how
// long a page of one person's entries takes as a citizen reads their own (entries shown, then entries
// all still hidden from them) and as an oversight officer filters the whole log by the person (what
// a search for a correction's recipients reads page after page); then oversight's searches by case and
// by purpose alone, for one every filled row has and for one no row has. docs/performance.md has its figures.
// Usage: npx tsx bench/logReadMicro.ts [pages=5], after bench/logAppendMicro.ts and bench/logFill.ts.
// The filled rows are a police read restricted until released: the first person's are released here,
// as an oversight officer would release them (disclosure_release), so that their own read shows them.
import { positionOf, readDisclosureLog, type LogFilter, type LogPosition, type LogScope } from '../shared/audit/disclosureLogReader.ts';
import { openDatabase } from '../shared/db/openDatabase.ts';
import { benchSettingsFromEnv } from './benchSettings.ts';

const PAGES = Number(process.argv[2] ?? 5);
const PAGE = 21;
const ROUNDS = 3;
/** People of the bench's 200,000, as bench/logFill.ts numbers them: about 1,000 rows each in 10 million. */
const [released, hidden, ...searched] = [12345, 777, 150001, 99999, 42424].map((n) => String(33090000000 + n).padStart(12, '0'));

const url = new URL(benchSettingsFromEnv().serverUrl);
url.pathname = '/bench_log_append';
const database = await openDatabase({ url: url.toString() });
const { knex } = database;

/** Milliseconds for the first page and for each page after it (median of the rounds), and the entries shown. */
async function pages(scope: LogScope, filter: LogFilter = {}): Promise<string> {
  const first: number[] = [];
  const later: number[] = [];
  let shown = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    let before: LogPosition | undefined;
    shown = 0;
    for (let page = 0; page < PAGES; page += 1) {
      const started = process.hrtime.bigint();
      const entries = await readDisclosureLog(knex, scope, { filter, before, limit: PAGE });
      (page === 0 ? first : later).push(Number(process.hrtime.bigint() - started) / 1e6);
      shown += entries.length;
      if (entries.length < PAGE) break;
      before = positionOf(entries[entries.length - 1]);
    }
  }
  const median = (values: number[]) => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(1) : '-');
  return `first page ${median(first)} ms, later pages ${median(later)} ms, ${shown} entries shown`;
}

try {
  const { rows } = await knex.raw('select count(*) as rows from disclosure_log');
  const personsRows = async (person: string) => Number((await knex.raw('select count(*) as n from disclosure_log_subjects where data_subjects @> array[?]::text[]', [person])).rows[0].n);
  console.log(`log of ${Number(rows[0].rows).toLocaleString('en')} rows; ${PAGES} pages of ${PAGE} entries, median of ${ROUNDS} rounds`);
  await knex.raw(
    `insert into disclosure_release (request_id, released_at, principal, agency, roles, release_request_id, reason)
     select request_id, now(), 'bench', 'cong-an-tinh', '["data-protection-officer"]', 'bench-release', 'bench/logReadMicro.ts'
     from disclosure_log where seq in (select seq from disclosure_log_subjects where data_subjects @> array[?]::text[])
       and request_id not in (select request_id from disclosure_release)`,
    [released],
  );
  console.log(`citizen ${released} (${await personsRows(released)} rows, released): ${await pages({ all: false, dataSubject: released })}`);
  console.log(`citizen ${hidden} (${await personsRows(hidden)} rows, all still hidden): ${await pages({ all: false, dataSubject: hidden })}`);
  for (const person of searched) console.log(`oversight, filtered by ${person} (${await personsRows(person)} rows): ${await pages({ all: true }, { dataSubject: person })}`);
  // The filled rows are a police read under one case (bench/logAppendMicro.ts's principal).
  const { rows: [filled] } = await knex.raw('select case_id as "caseId", purpose from disclosure_log order by seq desc limit 1');
  for (const filter of [{ caseId: filled.caseId }, { caseId: 'HS-2026/9999' }, { purpose: filled.purpose }, { purpose: 'statistics' }]) {
    console.log(`oversight, filtered by ${JSON.stringify(filter)}: ${await pages({ all: true }, filter)}`);
  }
} finally {
  await database.close();
}
