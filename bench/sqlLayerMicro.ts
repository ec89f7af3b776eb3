// Micro-benchmark of the SQL layer alone, no GraphQL and no HTTP: the bench page's four subgraph statements
// (the ward's page of citizens, then their civil events, parcels and enterprises), run N times in a row on
// the bench databases (read-only; `npm run bench` creates them), with Node's CPU (this process) and the CPU
// of the Postgres backends serving it (/proc), per statement. docs/request-path-costs.md has its figures.
// Usage: npx tsx bench/sqlLayerMicro.ts [pages=2000] [named|unnamed] (named statements on or off)
// The server is BENCH_DATABASE_URL's, as for `npm run bench` (its bench_<agency> databases).
import { openDatabase, type Database } from '../shared/db/openDatabase.ts';
import { serverDatabaseExists } from '../shared/db/serverDatabase.ts';
import { benchDatabaseUrl, benchSettingsFromEnv } from './benchSettings.ts';
import { readProcessStat, ticksToMs } from './processCpu.ts';
import { pageSizeOf } from '../shared/loaders/listBounds.ts';
import { citizenList } from '../subgraphs/population/src/queries.ts';
import { eventsByCitizenIds } from '../subgraphs/civil-status/src/queries.ts';
import { parcelsByCitizenIds } from '../subgraphs/land/src/queries.ts';
import { enterprisesByRepresentativeIds } from '../subgraphs/business/src/queries.ts';

const N = Number(process.argv[2] ?? 2000);
const named = (process.argv[3] ?? 'named') !== 'unnamed';
const settings = benchSettingsFromEnv();
/** CPU of the server backends serving this script (others may be running their own work on the server). */
function postgresCpuMs(pids: readonly number[]): number {
  let ms = 0;
  for (const pid of pids) {
    const stat = readProcessStat(pid);
    if (!stat) throw new Error(`Postgres backend ${pid} is gone or not on this machine`);
    ms += ticksToMs(stat.ticks);
  }
  return ms;
}

async function open(service: string): Promise<Database> {
  // openDatabase would create a missing database: this script only reads those `npm run bench` seeded.
  if (!(await serverDatabaseExists(benchDatabaseUrl(settings, service)))) throw new Error(`No ${service} bench database: run \`npm run bench\` once first`);
  return openDatabase({ url: benchDatabaseUrl(settings, service), namedStatements: named });
}

const population = await open('population');
const civil = await open('civil_status');
const land = await open('land');
const business = await open('business');
const databases = [population, civil, land, business];
const ward = (await population.knex('citizen').select('unit_code').groupBy('unit_code').havingRaw('count(*) >= 20').orderByRaw('count(*) desc, unit_code').first()).unit_code as string;

/** The page as the subgraphs read it: fetchPage's first page of the ward list, then the three batched loaders. */
async function page(): Promise<number> {
  const rows = (await citizenList(population.knex, { unitCode: ward }).clone().orderBy('citizen.id').limit(21)) as { id: string }[];
  const ids = rows.slice(0, 20).map((row) => row.id);
  const [events, parcels, enterprises] = await Promise.all([
    eventsByCitizenIds(civil.knex, ids, pageSizeOf('Citizen.civilEvents', null)),
    parcelsByCitizenIds(land.knex, ids, pageSizeOf('Citizen.landParcels', null)),
    enterprisesByRepresentativeIds(business.knex, ids, pageSizeOf('Citizen.businesses', null)),
  ]);
  return rows.length + events.length + parcels.length + enterprises.length;
}

for (let i = 0; i < 300; i += 1) await page(); // warm-up: JIT and (when named) each connection's statements
// Run one after the other, each database's pool keeps using one connection: its backend's pid.
const backendPids = () => Promise.all(databases.map(async (database) => (await database.knex.raw('select pg_backend_pid() as pid')).rows[0].pid as number));
const pids = await backendPids();
const node0 = process.cpuUsage();
const pg0 = postgresCpuMs(pids);
const wall0 = performance.now();
let rows = 0;
for (let i = 0; i < N; i += 1) rows += await page();
const wall = performance.now() - wall0;
const node = process.cpuUsage(node0);
const pgMs = postgresCpuMs(pids) - pg0;
if ((await backendPids()).join() !== pids.join()) throw new Error('A pool changed its connection during the run: the Postgres figure would be wrong');
const statements = N * 4;
console.log(
  JSON.stringify({
    mode: named ? 'named' : 'unnamed',
    pages: N,
    rowsPerPage: rows / N,
    nodeCpuMsPerStatement: ((node.user + node.system) / 1000 / statements).toFixed(3),
    postgresCpuMsPerStatement: (pgMs / statements).toFixed(3),
    wallMsPerPage: (wall / N).toFixed(2),
  }),
);
await Promise.all(databases.map((database) => database.close()));
