// What one `npm run bench` measures, from the BENCH_* variables (checked in shared/config).
import { config } from '../shared/config/config.ts';
import { PURPOSES } from '../shared/catalogue/platformCatalogue.ts';
import { BENCH_CITIZENS } from '../synthetic/index.ts';

export interface BenchSettings {
  /** The Postgres server every database of the run lives on (a server, never the embedded engine). */
  serverUrl: string;
  citizens: number;
  /** SEED_SCALE for the subgraphs: `bench` at the default scale, the number otherwise. */
  seedScale: string;
  /** `bench_` at the default scale, `bench_<citizens>_` otherwise: scales never share a database. */
  databasePrefix: string;
  /** Per target, before any measurement: long enough for V8 to finish compiling the hot paths (3 s was not). */
  warmupSeconds: number;
  durationSeconds: number;
  /** Alternating rounds per pair of targets that differ by one control (pairedRounds.ts); 0: none. */
  pairedRounds: number;
  /** Above this share of the machine's CPU (0..1) used by other work, a run's figures are not results. */
  otherWorkLimit: number;
  /** Seconds of each quiet sample of the machine's load (before our services start, and before measuring). */
  loadSampleSeconds: number;
  /** How long to wait, before the warm-up, for our started services' background work to end (waitUntilQuiet). */
  quietTimeoutSeconds: number;
  connections: number[];
  /** How long to wait for a service to answer /health (a first start seeds its database). */
  startTimeoutSeconds: number;
  /** Who asks through the gateway: an officer of this agency, declaring this purpose (X-Purpose). */
  caller: { agency: string; purpose: string; caseId?: string };
  /** BENCH_FRESH=1: drop this scale's databases first, so they are seeded again (after the seeds changed). */
  fresh: boolean;
}

export function benchSettingsFromEnv(): BenchSettings {
  const { bench } = config;
  const citizens = bench.citizens;
  const atBenchScale = citizens === BENCH_CITIZENS;
  return {
    serverUrl: bench.databaseUrl,
    citizens,
    seedScale: atBenchScale ? 'bench' : String(citizens),
    databasePrefix: atBenchScale ? 'bench_' : `bench_${citizens}_`,
    warmupSeconds: 10,
    durationSeconds: bench.durationSeconds,
    pairedRounds: bench.pairedRounds,
    otherWorkLimit: 0.1,
    loadSampleSeconds: 3,
    quietTimeoutSeconds: 900,
    connections: [10, 50],
    startTimeoutSeconds: bench.startTimeoutSeconds,
    fresh: bench.fresh,
    // The access policies decide which caller may read every field of the bench query: override when they change.
    caller: { agency: bench.agency, purpose: bench.purpose, caseId: caseIdExampleOf(bench.purpose) },
  };
}

/**
 * The stacks a run starts, each on databases of its own, copied from the seeded ones before they start:
 * a stack's background work (its registers re-reading their logs for the sharing statistics, the chain's
 * checkpoints) then follows its own requests only, as in a deployment, and every run starts from the
 * same logs.
 */
export const BENCH_STACKS = ['full', 'one_box', 'no_policies', 'no_audit', 'no_limits'] as const;
export type BenchStack = (typeof BENCH_STACKS)[number];

/**
 * `civil-status` -> `postgres://…/bench_civil_status` on the bench server: the seeded database, which
 * only the raw baseline reads while a run measures; with a stack, that stack's copy of it
 * (`bench_one_box_civil_status`).
 */
export function benchDatabaseUrl(settings: BenchSettings, service: string, stack?: BenchStack): string {
  const url = new URL(settings.serverUrl);
  url.pathname = `/${settings.databasePrefix}${stack ? `${stack}_` : ''}${service.replace(/-/g, '_')}`;
  return url.toString();
}

/** The server URL without its password, for messages. */
export function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** A case id of the purpose's format (the police's rules need one), from the starting purpose catalogue. */
function caseIdExampleOf(purpose: string): string | undefined {
  return PURPOSES.find((entry) => entry.code === purpose)?.caseId?.example;
}
