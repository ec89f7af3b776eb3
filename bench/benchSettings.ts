// What one `npm run bench` measures, read once from the environment.
import { BENCH_CITIZENS } from '../synthetic/index.ts';

export interface BenchSettings {
  /** The Postgres server every database of the run lives on (a server, never the embedded engine). */
  serverUrl: string;
  citizens: number;
  /** SEED_SCALE for the subgraphs: `bench` at the default scale, the number otherwise. */
  seedScale: string;
  /** `bench_` at the default scale, `bench_<citizens>_` otherwise: scales never share a database. */
  databasePrefix: string;
  warmupSeconds: number;
  durationSeconds: number;
  connections: number[];
  /** How long to wait for a service to answer /health (a first start seeds its database). */
  startTimeoutSeconds: number;
  /** Who asks through the gateway: an officer of this agency, declaring this purpose (X-Purpose). */
  caller: { agency: string; purpose: string };
  /** BENCH_FRESH=1: drop this scale's databases first, so they are seeded again (after the seeds changed). */
  fresh: boolean;
}

function positiveInteger(name: string, fallback: number, minimum = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} must be a whole number of at least ${minimum}, got "${raw}"`);
  return value;
}

export function benchSettingsFromEnv(): BenchSettings {
  const citizens = positiveInteger('BENCH_SCALE', BENCH_CITIZENS, 50);
  const atBenchScale = citizens === BENCH_CITIZENS;
  return {
    serverUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    citizens,
    seedScale: atBenchScale ? 'bench' : String(citizens),
    databasePrefix: atBenchScale ? 'bench_' : `bench_${citizens}_`,
    warmupSeconds: 3,
    durationSeconds: positiveInteger('BENCH_DURATION', 10),
    connections: [10, 50],
    startTimeoutSeconds: positiveInteger('BENCH_START_TIMEOUT', 900),
    fresh: process.env.BENCH_FRESH === '1',
    // The access policies decide which caller may read every field of the bench query: override when they change.
    caller: { agency: process.env.BENCH_AGENCY || 'cong-an-tinh', purpose: process.env.BENCH_PURPOSE || 'criminal-investigation' },
  };
}

/** `civil-status` -> `postgres://…/bench_civil_status` on the bench server. */
export function benchDatabaseUrl(settings: BenchSettings, service: string): string {
  const url = new URL(settings.serverUrl);
  url.pathname = `/${settings.databasePrefix}${service.replace(/-/g, '_')}`;
  return url.toString();
}

/** The server URL without its password, for messages. */
export function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
