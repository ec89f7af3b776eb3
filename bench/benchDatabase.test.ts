// Each stack of a bench run works on copies of the seeded databases made for the run: what one stack
// writes (its disclosure log, the consents granted for it) reaches neither the seeded database nor
// another stack, and the next run's copies start again from the seeded data. On the bench's Postgres
// server (the test run's own when TEST_DATABASE_URL is set), in databases named after this test run.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../shared/config/config.ts';
import { ensureServerDatabase, serverDatabaseExists } from '../shared/db/serverDatabase.ts';
import { copyForStacks, dropBenchDatabases, dropStackCopies } from './benchDatabase.ts';
import { BENCH_STACKS, benchDatabaseUrl, benchSettingsFromEnv, type BenchSettings } from './benchSettings.ts';

const settings: BenchSettings = {
  ...benchSettingsFromEnv(),
  serverUrl: config.test.databaseUrl ?? config.bench.databaseUrl,
  databasePrefix: `test_${config.test.runId ?? process.pid}_bench_`,
};
const SERVICES = ['civil-status'];

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const markers = async (url: string) => (await query<{ note: string }>(url, 'select note from marker order by note')).map((row) => row.note);

beforeAll(async () => {
  const seeded = benchDatabaseUrl(settings, 'civil-status');
  await ensureServerDatabase(seeded);
  await query(seeded, "create table marker (note text); insert into marker values ('seeded')");
});

afterAll(async () => {
  await dropBenchDatabases(settings, SERVICES);
});

describe('the stacks of a bench run', () => {
  it('each work on a copy of their own, made afresh by every run and dropped after it', { timeout: 60_000 }, async () => {
    await copyForStacks(settings, SERVICES);
    for (const stack of BENCH_STACKS) expect(await markers(benchDatabaseUrl(settings, 'civil-status', stack))).toEqual(['seeded']);
    expect(new URL(benchDatabaseUrl(settings, 'civil-status', 'one_box')).pathname).toBe(`/${settings.databasePrefix}one_box_civil_status`);

    // One stack's writes stay in its copy.
    await query(benchDatabaseUrl(settings, 'civil-status', 'one_box'), "insert into marker values ('logged by the one box')");
    expect(await markers(benchDatabaseUrl(settings, 'civil-status', 'one_box'))).toEqual(['logged by the one box', 'seeded']);
    expect(await markers(benchDatabaseUrl(settings, 'civil-status', 'full'))).toEqual(['seeded']);
    expect(await markers(benchDatabaseUrl(settings, 'civil-status'))).toEqual(['seeded']);

    // The next run starts from the seeded data again.
    await copyForStacks(settings, SERVICES);
    expect(await markers(benchDatabaseUrl(settings, 'civil-status', 'one_box'))).toEqual(['seeded']);

    await dropStackCopies(settings, SERVICES);
    for (const stack of BENCH_STACKS) expect(await serverDatabaseExists(benchDatabaseUrl(settings, 'civil-status', stack))).toBe(false);
    expect(await serverDatabaseExists(benchDatabaseUrl(settings, 'civil-status'))).toBe(true);
  });
});
