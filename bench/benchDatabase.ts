// The bench's own look at the Postgres server: is it there at all (before anything starts), and which
// ward to ask about (after the population subgraph has seeded its database).
import pg from 'pg';
import { copyServerDatabase, dropServerDatabase } from '../shared/db/serverDatabase.ts';
import { BENCH_STACKS, benchDatabaseUrl, redactedUrl, type BenchSettings, type BenchStack } from './benchSettings.ts';

export class ServerUnreachableError extends Error {}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The server version, or ServerUnreachableError with what went wrong and how to point elsewhere. */
export async function checkServerReachable(settings: BenchSettings): Promise<string> {
  try {
    return await withClient(settings.serverUrl, async (client) => (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version);
  } catch (error) {
    const reason = (error as Error).message || (error as { code?: string }).code || String(error);
    throw new ServerUnreachableError(
      `The Postgres server at ${redactedUrl(settings.serverUrl)} is unreachable (${reason}).\n` +
        'Benchmarks run on a Postgres server, not the embedded engine: start one, or set BENCH_DATABASE_URL.',
    );
  }
}

/** Agencies whose database does not hold a seeded province yet: their first start seeds it (slow at bench scale). */
export async function unseededAgencies(settings: BenchSettings, services: readonly string[]): Promise<string[]> {
  const seeded = await Promise.all(
    services.map((service) =>
      withClient(benchDatabaseUrl(settings, service), async (client) => ((await client.query('select 1 from synthetic_seed limit 1')).rowCount ?? 0) > 0).catch(
        () => false, // no database or no marker table yet
      ),
    ),
  );
  return services.filter((_, index) => !seeded[index]);
}

/** A subgraph seeds only an empty database: dropping them is how a run picks up changed seeds. */
export async function dropBenchDatabases(settings: BenchSettings, services: readonly string[]): Promise<void> {
  await dropStackCopies(settings, services);
  for (const service of services) await dropServerDatabase(benchDatabaseUrl(settings, service));
}

/** Every stack's copies of the agency databases, where they are. */
export async function dropStackCopies(settings: BenchSettings, services: readonly string[]): Promise<void> {
  for (const stack of BENCH_STACKS) for (const service of services) await dropServerDatabase(benchDatabaseUrl(settings, service, stack));
}

/**
 * Each stack's databases, fresh copies of the seeded ones (copies of an earlier run are dropped first).
 * Nothing may be connected to a seeded database meanwhile: Postgres copies a template only when no
 * session uses it.
 */
export async function copyForStacks(settings: BenchSettings, services: readonly string[]): Promise<void> {
  await dropStackCopies(settings, services);
  for (const stack of BENCH_STACKS) {
    for (const service of services) await copyServerDatabase(benchDatabaseUrl(settings, service), benchDatabaseUrl(settings, service, stack));
  }
}

/**
 * VACUUM (ANALYZE) each agency database: a database seeded a moment ago has no planner statistics and
 * no visibility map until autovacuum comes round, and the first run would measure plans a database in
 * service never gets. Quick when nothing changed since the last run.
 */
export async function vacuumAnalyze(settings: BenchSettings, services: readonly string[]): Promise<void> {
  await Promise.all(services.map((service) => withClient(benchDatabaseUrl(settings, service), (client) => client.query('vacuum (analyze)'))));
}

const BENCH_EVIDENCE = 'npm run bench';

/**
 * The consent-gated run: every citizen of the page consents to `caller`'s agency, for its purpose, to
 * share the groups the consent query reads. Consents of earlier runs are removed first.
 */
export async function grantBenchConsents(settings: BenchSettings, stack: BenchStack, citizenIds: string[], caller: { agency: string; purpose: string }, fieldGroups: string[]): Promise<void> {
  await withClient(benchDatabaseUrl(settings, 'platform', stack), async (client) => {
    await client.query('delete from consent where evidence_reference = $1', [BENCH_EVIDENCE]);
    await client.query(
      `insert into consent (subject_id, granted_by, grantee_agency, purpose, field_groups, valid_from, valid_until, channel, evidence_reference)
       select id, id, $2, $3, $4::jsonb, now() - interval '1 minute', now() + interval '1 day', 'citizen-portal', $5 from unnest($1::text[]) as id`,
      [citizenIds, caller.agency, caller.purpose, JSON.stringify(fieldGroups), BENCH_EVIDENCE],
    );
  });
}

/**
 * The connection-gated run: `caller`'s agency holds an approved connection agreement to `fieldGroups` of
 * the population register, for its purpose, from yesterday for a year. Those of earlier runs are removed first.
 */
export async function approveBenchConnection(settings: BenchSettings, stack: BenchStack, caller: { agency: string; purpose: string }, fieldGroups: string[]): Promise<void> {
  await withClient(benchDatabaseUrl(settings, 'platform', stack), async (client) => {
    await client.query('delete from connection_request where system_name = $1', [BENCH_EVIDENCE]);
    await client.query(
      `insert into connection_request (consumer_agency, owner_agency, requested_by, purpose, legal_basis, field_groups, system_name, contact,
         period_start, period_end, state, approved_until, submitted_at)
       values ($1, 'cong-an-tinh', 'bench', $2, 'data-sharing-decree-2025', $3::text[], $4, 'bench', current_date - 1, current_date + 365,
         'approved', current_date + 365, now())`,
      [caller.agency, caller.purpose, fieldGroups, BENCH_EVIDENCE],
    );
  });
}

/** The ward with the most residents (at least a page of 20), lowest code on a tie: the same ward every run. */
export async function busiestWard(settings: BenchSettings): Promise<{ code: string; residents: number }> {
  return withClient(benchDatabaseUrl(settings, 'population'), async (client) => {
    const result = await client.query<{ unit_code: string; residents: string }>(
      `select unit_code, count(*) as residents from citizen
       group by unit_code having count(*) >= 20
       order by count(*) desc, unit_code limit 1`,
    );
    const row = result.rows[0];
    if (!row) throw new Error('No ward has 20 residents: the population database holds too few citizens');
    return { code: row.unit_code, residents: Number(row.residents) };
  });
}
