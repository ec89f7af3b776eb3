/**
 * PGlite behind knex 3: which way to run it?
 *
 * A record, not project code: the measurement behind docs/pglite-integration.md. It compared three
 * ways of running in-memory PGlite behind knex 3 (knex-pglite; pglite-socket over TCP; pg with
 * createPgConfig in-process) with a PostgreSQL 15 server as reference, on speed, JS result types
 * and hangs. Run on 2026-11-25 (Node 20.20.2, PostgreSQL 15.20, a shared 2-core machine); the
 * results are the tables in docs/pglite-integration.md, which chose route C. It lives under docs/ so
 * the project neither compiles nor typechecks it (tsconfig.json does not include docs/).
 *
 * It needs two packages the project does not install: knex-pglite 0.14.0 and
 * @electric-sql/pglite-socket 0.2.17 (the rest, knex, pg, @electric-sql/pglite and tsx, at the
 * project's versions). So run it by hand from a scratch folder with its own dependencies, NOT from
 * the project:
 *
 *   mkdir /tmp/pglite-measure && cd /tmp/pglite-measure
 *   npm init -y && npm pkg set type=module
 *   npm install --save-exact --legacy-peer-deps knex@3.3.0 pg@8.23.1 @electric-sql/pglite@0.5.16 \
 *     knex-pglite@0.14.0 @electric-sql/pglite-socket@0.2.17 tsx@4.23.15
 *   cp <project>/docs/pglite-routes.ts measure.ts
 *   npx tsx measure.ts --routes postgres,A,B,C,B10,C10 --json results.json
 *
 * (--legacy-peer-deps: pglite-socket 0.2.17 has a peer dependency on @electric-sql/pglite
 * 0.5.14 exactly, which conflicts with the project's 0.5.16; npm refuses with ERESOLVE.)
 * A PostgreSQL server must listen at --pg-url <url> (default postgres://postgres@127.0.0.1:5432/postgres,
 * trust auth); the script creates and drops its own database pglite_measure_<pid> there.
 * Run with e.g. TZ=America/Toronto to see how `date` columns come back outside UTC.
 *
 * Routes (all in-memory PGlite, knex 3):
 *   postgres  knex client 'pg' -> the real PostgreSQL server (reference for result types)
 *   A         knex-pglite dialect (PGlite's own JS result parsing), pool forced to 1
 *   B         @electric-sql/pglite-socket on 127.0.0.1:<random port>, knex client 'pg' over TCP,
 *             server maxConnections 1 and knex pool { min: 0, max: 1 }
 *   C         knex client 'pg' in-process: connection: () => createPgConfig(pglite),
 *             pool { min: 0, max: 1 }
 *   B10, C10  B and C with knex's usual pool size (max 10; for B10 also server maxConnections 10):
 *             they show why B and C must stay on one connection. Not run by default.
 *
 * Steps per route: create a fresh database (until a first `select 1` answers), schema, insert
 * 200,000 citizens in batches of 1,000, 1,000 lookups of 20 ids with `id = any(?)`, JS types of
 * count(*) / bigserial / other columns, a savepoint rolled back inside a transaction, 20
 * concurrent callers x 50 queries (plain, then with transactions mixed in), error recovery, RSS.
 * Each route runs in its own child process, one after another, so RSS is per route and a hung
 * route cannot stall the others; every step has a timeout and a hang is reported as "hung".
 */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import knexFactory, { type Knex } from 'knex';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
// The next two packages are installed only in the scratch folder (see above); the ts-ignores
// kept the project's `tsc --noEmit` quiet while this file sat in bench/, where they are not installed.
// @ts-ignore
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
// @ts-ignore
import ClientPgLite from 'knex-pglite';

// ---------------------------------------------------------------- settings

const CITIZENS = 200_000;
const BATCH = 1_000;
const LOOKUPS = 1_000;
const IDS_PER_LOOKUP = 20;
const CALLERS = 20;
const QUERIES_PER_CALLER = 50;

const TIMEOUT_MS = {
  create: 60_000,
  schema: 30_000,
  insert: 600_000,
  lookups: 300_000,
  types: 30_000,
  savepoint: 30_000,
  concurrent: 60_000,
  cleanup: 15_000,
  route: 20 * 60_000, // whole child process
};

// The server's URL comes as --pg-url (children get it from the parent's arguments): the project reads
// its environment in one module only, and this record keeps to that.
const pgUrlAt = process.argv.indexOf('--pg-url');
const PG_URL = pgUrlAt >= 0 ? process.argv[pgUrlAt + 1] : 'postgres://postgres@127.0.0.1:5432/postgres';

const ROUTES = {
  postgres: 'postgres (reference, PG 15 server)',
  A: 'A: knex-pglite dialect',
  B: 'B: pglite-socket + pg over TCP',
  C: 'C: pg + createPgConfig in-process',
  B10: 'B10: as B, 10 connections',
  C10: 'C10: as C, pool max 10',
} as const;
type RouteId = keyof typeof ROUTES;

interface RouteResult {
  route: RouteId;
  label: string;
  createMs?: number;
  schemaMs?: number;
  insertMs?: number;
  lookupsMs?: number;
  lookupRowsOk?: boolean;
  countType?: string;
  bigintType?: string;
  savepoint?: string; // 'yes' | 'no: ...' | 'hung'
  concurrent?: string; // 'yes (N ms)' | 'no: ...' | 'hung'
  concurrentTx?: string; // same, with every 10th query of each caller in a transaction
  errorRecovery?: string;
  rssMb?: number;
  peakRssMb?: number;
  heapMb?: number; // V8 heap used, for comparison with RSS (PGlite's WASM memory is outside it)
  /** column/expression -> JS type description of the value returned */
  types?: Record<string, string>;
  error?: string;
}

// ---------------------------------------------------------------- helpers

class Timeout extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

async function timed<T>(fn: () => Promise<T>, ms: number, what: string): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await withTimeout(fn(), ms, what);
  return [Math.round(performance.now() - t0), value];
}

/** Deterministic PRNG so every route looks up the same ids. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const citizenId = (i: number) => `C${String(i).padStart(7, '0')}`;

function jsType(v: unknown): string {
  if (v === null) return 'null';
  if (v instanceof Date) return 'Date';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** knex.raw returns the driver result: pg gives { rows }, knex-pglite the PGlite result (also { rows }). */
function rowsOf(result: unknown): Record<string, unknown>[] {
  const r = result as { rows?: Record<string, unknown>[] };
  if (!r || !Array.isArray(r.rows)) throw new Error('raw result has no rows array');
  return r.rows;
}

const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

// ---------------------------------------------------------------- routes

interface Opened {
  knex: Knex;
  close: () => Promise<void>;
}

async function openRoute(route: RouteId): Promise<Opened> {
  switch (route) {
    case 'postgres': {
      const dbName = `pglite_measure_${process.pid}`;
      const admin = knexFactory({ client: 'pg', connection: PG_URL, pool: { min: 0, max: 1 } });
      await admin.raw(`drop database if exists ${dbName}`);
      await admin.raw(`create database ${dbName}`);
      const url = new URL(PG_URL);
      url.pathname = `/${dbName}`;
      const knex = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 10 } });
      return {
        knex,
        close: async () => {
          await knex.destroy();
          await admin.raw(`drop database if exists ${dbName}`);
          await admin.destroy();
        },
      };
    }
    case 'A': {
      const pglite = await PGlite.create(); // in-memory
      const knex = knexFactory({
        client: ClientPgLite,
        dialect: 'postgres',
        // knex-pglite >= 0.13: hand over our own PGlite instance (pool is forced to min 1 / max 1)
        connection: () => ({ pglite }) as object,
      } as Knex.Config);
      return {
        knex,
        close: async () => {
          await knex.destroy(); // closes the PGlite instance
          if (!pglite.closed) await pglite.close();
        },
      };
    }
    case 'B':
    case 'B10': {
      const connections = route === 'B' ? 1 : 10;
      const pglite = await PGlite.create();
      // port 0: let the OS pick a free port; maxConnections defaults to 1
      const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: connections });
      await server.start();
      const port = Number(server.getServerConn().split(':').pop());
      const knex = knexFactory({
        client: 'pg',
        connection: { host: '127.0.0.1', port, user: 'postgres', database: 'postgres' },
        pool: { min: 0, max: connections },
      });
      return {
        knex,
        close: async () => {
          await knex.destroy();
          await server.stop();
          await pglite.close();
        },
      };
    }
    case 'C':
    case 'C10': {
      const pglite = await PGlite.create();
      const knex = knexFactory({
        client: 'pg',
        // a fresh node-postgres "connection" onto the same PGlite instance each time the pool needs one
        connection: () => createPgConfig(pglite) as unknown as Knex.PgConnectionConfig,
        pool: { min: 0, max: route === 'C' ? 1 : 10 },
      });
      return {
        knex,
        close: async () => {
          await knex.destroy();
          await pglite.close();
        },
      };
    }
  }
}

// ---------------------------------------------------------------- the steps

async function createSchema(knex: Knex) {
  await knex.schema.createTable('citizen', (t) => {
    t.text('id').primary();
    t.text('full_name').notNullable();
    t.date('date_of_birth');
    t.text('unit_code');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.jsonb('data');
    t.index(['unit_code'], 'citizen_unit_code_idx');
  });
  await knex.schema.createTable('parcel', (t) => {
    t.bigIncrements('id'); // bigserial primary key
    t.text('citizen_id').notNullable().references('id').inTable('citizen');
    t.text('description');
  });
}

async function insertCitizens(knex: Knex) {
  for (let start = 0; start < CITIZENS; start += BATCH) {
    const rows = [];
    for (let i = start; i < start + BATCH; i++) {
      const month = String((i % 12) + 1).padStart(2, '0');
      const day = String((i % 28) + 1).padStart(2, '0');
      rows.push({
        id: citizenId(i),
        full_name: `Citizen ${i}`,
        date_of_birth: `${1940 + (i % 80)}-${month}-${day}`,
        unit_code: `U${String(i % 500).padStart(3, '0')}`,
        data: { seq: i, flags: { verified: i % 3 === 0 }, note: `row ${i}` },
      });
    }
    await knex('citizen').insert(rows);
  }
}

async function lookups(knex: Knex): Promise<boolean> {
  const rand = mulberry32(20261125);
  let allOk = true;
  for (let n = 0; n < LOOKUPS; n++) {
    const ids = new Set<string>();
    while (ids.size < IDS_PER_LOOKUP) ids.add(citizenId(Math.floor(rand() * CITIZENS)));
    const rows = rowsOf(await knex.raw('select id, full_name from citizen where id = any(?)', [[...ids]]));
    if (rows.length !== IDS_PER_LOOKUP || rows.some((r) => !ids.has(r.id as string))) allOk = false;
  }
  return allOk;
}

async function typeChecks(knex: Knex, res: RouteResult) {
  // count(*) through the query builder, as application code would write it
  const [countRow] = await knex('citizen').count({ n: '*' });
  res.countType = `${jsType(countRow.n)} (${String(countRow.n)})`;
  if (Number(countRow.n) !== CITIZENS) throw new Error(`count is ${countRow.n}, expected ${CITIZENS}`);

  // bigserial id: returned by insert ... returning, and read back by a select
  const inserted = await knex('parcel')
    .insert([{ citizen_id: citizenId(1), description: 'first' }, { citizen_id: citizenId(2), description: 'second' }])
    .returning('id');
  const [readBack] = await knex('parcel').select('id').orderBy('id').limit(1);
  res.bigintType = `${jsType(readBack.id)} (${String(readBack.id)})`;

  // everything else an application might read: one citizen row plus a few expressions
  const [citizen] = await knex('citizen').where({ id: citizenId(42) });
  const [expr] = rowsOf(
    await knex.raw(
      `select count(*) as raw_count, 9007199254740993::int8 as big_int8, 12.50::numeric(10,2) as numeric,
              2::int4 as int4, 1.5::float8 as float8, true as bool, array[1,2]::int4[] as int_array`,
    ),
  );
  res.types = {
    'insert...returning id': jsType((inserted[0] as { id: unknown }).id ?? inserted[0]),
    ...Object.fromEntries(Object.entries(citizen).map(([k, v]) => [`citizen.${k}`, jsType(v)])),
    'citizen.date_of_birth value': citizen.date_of_birth instanceof Date
      ? (citizen.date_of_birth as Date).toISOString()
      : String(citizen.date_of_birth),
    ...Object.fromEntries(Object.entries(expr).map(([k, v]) => [k, `${jsType(v)} (${Array.isArray(v) ? JSON.stringify(v) : String(v)})`])),
  };
}

class RollbackInner extends Error {}

async function savepoint(knex: Knex): Promise<string> {
  await knex.transaction(async (trx) => {
    await trx('parcel').insert({ citizen_id: citizenId(3), description: 'sp-outer' });
    // inner part is rolled back deliberately...
    try {
      await trx.transaction(async (inner) => {
        await inner('parcel').insert({ citizen_id: citizenId(4), description: 'sp-inner' });
        throw new RollbackInner();
      });
    } catch (e) {
      if (!(e instanceof RollbackInner)) throw e;
    }
    // ...and a second inner part fails in SQL (the outer transaction must survive it)
    try {
      await trx.transaction(async (inner) => {
        await inner.raw('select * from no_such_table');
      });
    } catch {
      /* expected */
    }
    await trx('parcel').insert({ citizen_id: citizenId(5), description: 'sp-after' });
  });
  const got = (await knex('parcel').whereLike('description', 'sp-%').orderBy('description').pluck('description')) as string[];
  const want = ['sp-after', 'sp-outer'];
  return JSON.stringify(got) === JSON.stringify(want) ? 'yes' : `no: found ${JSON.stringify(got)}`;
}

/**
 * CALLERS concurrent callers, each running QUERIES_PER_CALLER queries one after another.
 * Plain: alternating id lookups and an indexed count. withTransactions: every 10th query is a
 * small transaction (insert + read back) instead. Wrong results and errors are counted, not thrown.
 */
async function concurrentCallers(knex: Knex, withTransactions: boolean): Promise<string> {
  const t0 = performance.now();
  let wrong = 0;
  let errors = 0;
  let firstError = '';
  await Promise.all(
    Array.from({ length: CALLERS }, async (_, caller) => {
      for (let q = 0; q < QUERIES_PER_CALLER; q++) {
        const i = (caller * 7919 + q * 104729 + (withTransactions ? 13 : 0)) % CITIZENS;
        try {
          if (withTransactions && q % 10 === 0) {
            const description = `tx-${caller}-${q}`;
            await knex.transaction(async (trx) => {
              await trx('parcel').insert({ citizen_id: citizenId(i), description });
              const rows = await trx('parcel').where({ description }).select('citizen_id');
              if (rows.length !== 1 || rows[0].citizen_id !== citizenId(i)) wrong++;
            });
          } else if (withTransactions || q % 2 === 0) {
            const rows = rowsOf(await knex.raw('select id, full_name from citizen where id = any(?)', [[citizenId(i)]]));
            if (rows.length !== 1 || rows[0].full_name !== `Citizen ${i}`) wrong++;
          } else {
            const unit = `U${String(i % 500).padStart(3, '0')}`;
            const [row] = await knex('citizen').where({ unit_code: unit }).count({ n: '*' });
            if (Number(row.n) !== CITIZENS / 500) wrong++;
          }
        } catch (e) {
          errors++;
          firstError ||= (e as Error).message.slice(0, 100);
        }
      }
    }),
  );
  const ms = Math.round(performance.now() - t0);
  if (wrong === 0 && errors === 0) return `yes (${ms} ms)`;
  return `no: ${wrong} wrong results, ${errors} errors${firstError ? ` (first: ${firstError})` : ''}, ${ms} ms`;
}

async function errorRecovery(knex: Knex): Promise<string> {
  try {
    await knex('citizen').insert({ id: citizenId(0), full_name: 'duplicate' });
    return 'no: duplicate key was accepted';
  } catch {
    /* expected: unique violation */
  }
  const [row] = await knex('citizen').where({ id: citizenId(0) }).select('full_name');
  return row?.full_name === 'Citizen 0' ? 'yes' : 'no: connection unusable after an error';
}

async function runRoute(route: RouteId): Promise<RouteResult> {
  const res: RouteResult = { route, label: ROUTES[route] };
  let opened: Opened | undefined;
  try {
    // 1. fresh database, ready to answer a query through knex
    [res.createMs, opened] = await timed(
      async () => {
        const o = await openRoute(route);
        await o.knex.raw('select 1');
        return o;
      },
      TIMEOUT_MS.create,
      'create',
    );
    const { knex } = opened;
    // 2. schema
    [res.schemaMs] = await timed(() => createSchema(knex), TIMEOUT_MS.schema, 'schema');
    // 3. 200k inserts in batches of 1,000
    [res.insertMs] = await timed(() => insertCitizens(knex), TIMEOUT_MS.insert, 'insert');
    // 4. 1,000 lookups of 20 ids
    [res.lookupsMs, res.lookupRowsOk] = await timed(() => lookups(knex), TIMEOUT_MS.lookups, 'lookups');
    // 5. count(*) and bigint types
    await withTimeout(typeChecks(knex, res), TIMEOUT_MS.types, 'type checks');
    // 6. savepoint
    res.savepoint = await withTimeout(savepoint(knex), TIMEOUT_MS.savepoint, 'savepoint').catch((e) =>
      e instanceof Timeout ? 'hung' : `no: ${(e as Error).message}`,
    );
    // 7. 20 concurrent callers x 50 queries
    res.concurrent = await withTimeout(concurrentCallers(knex, false), TIMEOUT_MS.concurrent, 'concurrent').catch((e) =>
      e instanceof Timeout ? 'hung' : `no: ${(e as Error).message}`,
    );
    // extra: the same with transactions mixed in
    res.concurrentTx = await withTimeout(concurrentCallers(knex, true), TIMEOUT_MS.concurrent, 'concurrent tx').catch((e) =>
      e instanceof Timeout ? 'hung' : `no: ${(e as Error).message}`,
    );
    // extra: the connection survives a failed statement
    res.errorRecovery = await withTimeout(errorRecovery(knex), TIMEOUT_MS.savepoint, 'error recovery').catch((e) =>
      e instanceof Timeout ? 'hung' : `no: ${(e as Error).message}`,
    );
  } catch (e) {
    res.error = (e as Error).message;
  }
  // 8. memory (this child process only; for 'postgres' the server's memory is not included)
  res.rssMb = rssMb();
  res.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  res.heapMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
  if (opened) await withTimeout(opened.close(), TIMEOUT_MS.cleanup, 'cleanup').catch(() => undefined);
  return res;
}

// ---------------------------------------------------------------- parent: run routes, print the table

function runChild(route: RouteId): Promise<RouteResult> {
  return new Promise((resolve) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', route, '--pg-url', PG_URL], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: RouteResult | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS.route);
    child.on('message', (m) => (result = m as RouteResult));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const why = signal === 'SIGKILL' ? `hung: killed after ${TIMEOUT_MS.route / 60_000} min` : `exited (code ${code}, signal ${signal})`;
      resolve(result ?? { route, label: ROUTES[route], error: `child ${why} without a result` });
    });
  });
}

const fmt = (v: unknown) => (v === undefined ? '—' : typeof v === 'number' ? v.toLocaleString('en-US') : String(v));

function printTables(results: RouteResult[]) {
  console.log('\n| route | create ms | insert 200k ms | 1,000 lookups ms | count type | bigint type | savepoint ok | 20 concurrent ok | RSS MB |');
  console.log('|---|---:|---:|---:|---|---|---|---|---:|');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${fmt(r.createMs)} | ${fmt(r.insertMs)} | ${fmt(r.lookupsMs)} | ${fmt(r.countType?.split(' ')[0])} | ${fmt(r.bigintType?.split(' ')[0])} | ${fmt(r.savepoint)} | ${fmt(r.concurrent)} | ${fmt(r.rssMb)} |`,
    );
  }

  console.log('\nExtra checks:\n');
  console.log('| route | schema ms | lookups correct | 20 concurrent, with transactions | error recovery | peak RSS MB | JS heap MB | error |');
  console.log('|---|---:|---|---|---|---:|---:|---|');
  for (const r of results) {
    console.log(
      `| ${r.route} | ${fmt(r.schemaMs)} | ${fmt(r.lookupRowsOk)} | ${fmt(r.concurrentTx)} | ${fmt(r.errorRecovery)} | ${fmt(r.peakRssMb)} | ${fmt(r.heapMb)} | ${r.error ?? ''} |`,
    );
  }

  const ref = results.find((r) => r.route === 'postgres')?.types;
  const keys = [...new Set(results.flatMap((r) => Object.keys(r.types ?? {})))];
  if (keys.length) {
    console.log('\nJS types returned (differences from the postgres reference marked **):\n');
    console.log(`| value | ${results.map((r) => r.route).join(' | ')} |`);
    console.log(`|---|${results.map(() => '---').join('|')}|`);
    for (const k of keys) {
      const cells = results.map((r) => {
        const v = r.types?.[k] ?? '—';
        return ref && r.route !== 'postgres' && v !== ref[k] ? `**${v}**` : v;
      });
      console.log(`| ${k} | ${cells.join(' | ')} |`);
    }
  }
}

async function main() {
  const args = process.argv.slice(2);
  const childAt = args.indexOf('--child');
  if (childAt >= 0) {
    const result = await runRoute(args[childAt + 1] as RouteId);
    process.send!(result, () => process.exit(0));
    return;
  }
  const routesArg = args.includes('--routes') ? args[args.indexOf('--routes') + 1] : 'postgres,A,B,C';
  const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
  const routes = routesArg.split(',') as RouteId[];
  for (const r of routes) if (!(r in ROUTES)) throw new Error(`unknown route ${r}`);

  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  console.log(`node ${process.version}, ${new Date().toISOString()}, TZ ${tz}, routes: ${routes.join(', ')}`);
  const results: RouteResult[] = [];
  for (const route of routes) {
    console.log(`running ${ROUTES[route]} ...`);
    const r = await runChild(route);
    results.push(r);
    console.log(`  done: ${JSON.stringify({ createMs: r.createMs, insertMs: r.insertMs, lookupsMs: r.lookupsMs, error: r.error })}`);
  }
  printTables(results);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
