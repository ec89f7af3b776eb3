// Micro-benchmark of the sharing statistics' count of a register's new log rows: one aggregator round
// after N rows were appended, counting them from memory (the rows the writer appended, as a register does
// since Dec 7) against reading them back (a replica's rows, or a register before). Rounds alternate the
// two, each on a log emptied first. Reports per row counted: the CPU of this process and of the Postgres
// backends of the scratch database (bench_statistics_count on BENCH_DATABASE_URL's server), for rows of
// people who come back (the bench page's twenty) and of people each new to the count (each saved once as
// a distinct subject). docs/performance.md has its figures.
// Usage: npx tsx bench/statisticsCountMicro.ts [rows=6000] [rounds=3]
import { disclosureLogMigrations } from '../shared/audit/disclosureLogMigrations.ts';
import { DisclosureCollector } from '../shared/audit/disclosureCollector.ts';
import { createDisclosureWriter, type DisclosureWriter } from '../shared/audit/disclosureWriter.ts';
import type { Principal } from '../shared/auth/Principal.ts';
import { migrationSource } from '../shared/db/migrationSource.ts';
import { openDatabase } from '../shared/db/openDatabase.ts';
import type { CompiledField, CompiledPolicies } from '../shared/policy/compilePolicies.ts';
import { appendedLogRows, type AppendedLogRows } from '../shared/statistics/appendedLogRows.ts';
import { aggregateSharingStatistics } from '../shared/statistics/sharingStatisticsAggregator.ts';
import { sharingStatisticsMigrations } from '../shared/statistics/sharingStatisticsMigrations.ts';
import { benchSettingsFromEnv } from './benchSettings.ts';
import { readProcessStat, ticksToMs } from './processCpu.ts';

const ROWS = Number(process.argv[2] ?? 6000);
const ROUNDS = Number(process.argv[3] ?? 3);
const PEOPLE = 20;
const FIELDS = ['Citizen.fullName', 'Citizen.dateOfBirth', 'Citizen.religion'];

const field = (name: string, group: string): [string, CompiledField] => [
  name,
  { policy: 'population.citizen', owner: 'cong-an-tinh', type: 'Citizen', field: name.split('.')[1], group, level: 'personal', rules: [], dataDependent: false, subjectFields: [], subjectFromEnclosingRecord: false, disabled: null },
];
const policies: CompiledPolicies = {
  subgraph: 'population',
  fields: new Map([field('Citizen.fullName', 'identity'), field('Citizen.dateOfBirth', 'identity'), field('Citizen.religion', 'beliefs')]),
  stateSecrets: new Set(),
};

const url = new URL(benchSettingsFromEnv().serverUrl);
url.pathname = '/bench_statistics_count';
const database = await openDatabase({ url: url.toString() });
const { knex } = database;
await knex.migrate.latest({ migrationSource: migrationSource({ ...disclosureLogMigrations, ...sharingStatisticsMigrations }) });
const principal: Principal = { subject: 'officer-3@bhxh-tinh', agency: 'bhxh-tinh', roles: ['officer'], purpose: 'social-insurance', caseId: null, requestId: '' };

/** A request reading FIELDS of PEOPLE people (religion refused): the same twenty each time, or each new. */
function recordOf(index: number, newPeople: boolean) {
  const collector = new DisclosureCollector({ ...principal, requestId: `count-${Date.now()}-${index}` });
  const people = Array.from({ length: PEOPLE }, (_, person) => String(33090000000 + (newPeople ? index * PEOPLE + person : person)).padStart(12, '0'));
  for (const name of FIELDS) {
    const allowed = name !== 'Citizen.religion';
    collector.record(people, name, allowed ? { allowed, policy: 'population.citizen', rule: 'insurance-reads', legalBasis: 'law:58/2014/QH13' } : { allowed, policy: 'population.citizen', rule: null, reason: 'AGENCY_NOT_ALLOWED' });
  }
  return collector.toRecord(null);
}

/** CPU of every Postgres backend of the scratch database so far (the aggregator's pool holds several). */
async function backendsMs(): Promise<number> {
  const { rows } = await knex.raw('select pid from pg_stat_activity where datname = current_database()');
  return rows.reduce((sum: number, { pid }: { pid: number }) => {
    const stat = readProcessStat(pid);
    if (!stat) throw new Error('The Postgres backends are not on this machine: run the bench where its server runs');
    return sum + ticksToMs(stat.ticks);
  }, 0);
}

async function append(writer: DisclosureWriter, from: number, rows: number, newPeople: boolean): Promise<void> {
  // Ten requests at a time: the writer's group commit, as under load.
  for (let index = from; index < from + rows; index += 10) {
    await Promise.all(Array.from({ length: 10 }, (_, offset) => writer.write(recordOf(index + offset, newPeople))));
  }
}

/** One round's CPU per row counted, in ms: [this process, Postgres]. */
async function measuredRound(fromMemory: boolean, newPeople: boolean, round: number): Promise<[number, number]> {
  await knex.raw('truncate disclosure_log, disclosure_log_subjects, sharing_statistics, sharing_statistics_subject_list, sharing_statistics_run');
  const held: AppendedLogRows = appendedLogRows(fromMemory ? 4 * ROWS : 0);
  const writer = createDisclosureWriter(knex, (rows) => held.add(rows));
  const start = round * (ROWS + 100) * 10;
  await append(writer, start, 100, newPeople);
  const placed = await aggregateSharingStatistics(knex, policies, { appended: held });
  await append(writer, start + 100, ROWS, newPeople);
  const postgresBefore = await backendsMs();
  const nodeBefore = process.cpuUsage();
  await aggregateSharingStatistics(knex, policies, { openDays: placed, appended: held });
  const node = process.cpuUsage(nodeBefore);
  const postgres = (await backendsMs()) - postgresBefore;
  return [(node.user + node.system) / 1000 / ROWS, postgres / ROWS];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

for (const newPeople of [false, true]) {
  const results = { memory: [] as Array<[number, number]>, readBack: [] as Array<[number, number]> };
  for (let round = 0; round < ROUNDS; round += 1) {
    results.readBack.push(await measuredRound(false, newPeople, round * 2));
    results.memory.push(await measuredRound(true, newPeople, round * 2 + 1));
  }
  for (const [name, rounds] of Object.entries(results)) {
    console.log(
      `${ROWS} rows of ${PEOPLE} people ${newPeople ? 'each new to the count' : 'who come back'}, counted ${name === 'memory' ? 'from memory' : 'by reading them back'}: ` +
        `this process ${median(rounds.map(([node]) => node)).toFixed(3)} ms a row, Postgres ${median(rounds.map(([, postgres]) => postgres)).toFixed(3)} ms a row (medians of ${ROUNDS} rounds)`,
    );
  }
}
await database.close();
