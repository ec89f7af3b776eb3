// Reads and checks an environment against the declared variables (envVariables.ts). It takes the
// environment as an argument, so tests pass their own instead of changing process.env.
import type { ProvinceOptions } from '../../synthetic/index.ts';
import { ENV_VARIABLES, envVariable, type EnvName, type EnvType, type SubgraphCallShape } from './envVariables.ts';
import { envPrefix, SUBGRAPH_SERVICES, type SubgraphService } from './services.ts';

export type Environment = Readonly<Record<string, string | undefined>>;

/** A token bucket: refilled at `perSecond`, holding at most `burst` requests. */
export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
}

/** Who gets a limit of their own: each role, and callers without a token. */
export type RateLimitedCaller = 'officer' | 'system' | 'security-officer' | 'platform-admin' | 'data-protection-officer' | 'publisher' | 'citizen' | 'anonymous';

/** Values keyed by service name (`civil-status`), from `<NAME>_…` variables. */
export type PerService<T> = Readonly<Record<string, T>>;

/** How long a client may take to send a request, and an idle connection stays open (HTTP_*_TIMEOUT_MS). */
export interface HttpTimeouts {
  readonly headersMs: number;
  /** The whole request, body included; at least headersMs. */
  readonly requestMs: number;
  readonly keepAliveMs: number;
}

/** How long calls and requests may take (SUBGRAPH_TIMEOUT_MS, REQUEST_DEADLINE_MS, INTERNAL_CALL_TIMEOUT_MS). */
export interface Deadlines {
  /** One subgraph call from the gateway. */
  readonly subgraphCallMs: number;
  /** One request at the gateway, all its subgraph calls included. */
  readonly requestMs: number;
  /** One call from a subgraph to another service's internal route. */
  readonly internalCallMs: number;
}

export interface Config {
  /** NODE_ENV=production. */
  readonly isProduction: boolean;
  /** DEBUG_ERRORS=1, and never in production: stack traces in client errors. */
  readonly exposeErrorDetails: boolean;
  /** DEBUG_ERRORS as given, so that a production start can refuse it. */
  readonly debugErrors: boolean;
  /** Every declared `UNSAFE_BENCHMARK_*` variable that is on, by name (refused in production). */
  readonly unsafeBenchmarkSwitches: readonly string[];
  readonly logLevel: 'info' | 'error' | 'silent';
  readonly host: string;
  /** PORT: the gateway's, or a subgraph's started alone; each reader has its own default. */
  readonly port: number | undefined;
  readonly databaseUrl: string | undefined;
  readonly databasePoolMax: number;
  readonly pgliteDataDir: string | undefined;
  /** POSTGRES_BIN_DIR: where backup and restore find pg_dump and pg_restore (default: PATH, then /usr/lib/postgresql/<version>/bin). */
  readonly postgresBinDir: string | undefined;
  /** SEED and SEED_SCALE. */
  readonly province: Readonly<ProvinceOptions>;
  /** `<NAME>_PORT`. */
  readonly servicePorts: PerService<number | undefined>;
  /** `<NAME>_DATABASE_URL`. */
  readonly serviceDatabaseUrls: PerService<string | undefined>;
  /** `<NAME>_SUBGRAPH_URL`, or the service's default port on this host. */
  readonly subgraphUrls: PerService<string>;
  /** SUBGRAPH_CALLS as given; each reader has its default (npm start: in-process; the gateway alone: http). */
  readonly subgraphCalls: SubgraphCallShape | undefined;
  readonly consentRegistryUrl: string;
  readonly deadlines: Deadlines;
  readonly httpTimeouts: HttpTimeouts;
  readonly jwtIssuer: string | undefined;
  readonly jwtAudience: string | undefined;
  readonly jwtPublicKeysDir: string | undefined;
  readonly internalTokenSecret: string | undefined;
  /** `INTERNAL_TOKEN_KEY_<AUDIENCE>` (hex), keyed by `<AUDIENCE>`: envPrefix of the audience. */
  readonly internalTokenKeys: Readonly<Record<string, string | undefined>>;
  readonly devKeysDir: string | undefined;
  readonly policyDir: string | undefined;
  /** PUBLIC_GATEWAY_URL without a trailing slash: where callers reach the gateway (the catalogue's endpoint). */
  readonly publicGatewayUrl: string;
  /** The witnessed disclosure log: AUDIT_SIGNING_KEY_<NAME>, AUDIT_WITNESS_KEY, AUDIT_PUBLIC_KEYS_DIR, AUDIT_CHECKPOINT_*, AUDIT_RETENTION_DAYS. */
  readonly audit: {
    /** PEM or path, keyed by service name. */
    readonly signingKeys: PerService<string | undefined>;
    readonly witnessKey: string | undefined;
    readonly publicKeysDir: string | undefined;
    readonly checkpointRows: number;
    readonly checkpointSeconds: number;
    readonly retentionDays: number | undefined;
  };
  /** Connection agreements: CONNECTION_DECISION_WORKING_DAYS, the owner's time to decide before a request is overdue. */
  readonly connections: { readonly decisionWorkingDays: number };
  /**
   * Data-error reports and usage inquiries: DATA_ERROR_REPORT_WORKING_DAYS (a report's due date),
   * DATA_CORRECTION_WINDOW_DAYS (how far back a correction notifies recipients), USAGE_INQUIRY_WORKING_DAYS.
   */
  readonly reports: { readonly errorReportWorkingDays: number; readonly correctionWindowDays: number; readonly inquiryWorkingDays: number };
  /** How often each register aggregates its disclosure log into daily sharing statistics. */
  readonly sharingStatisticsSeconds: number;
  /** OPEN_DATA_REMINDER_SECONDS: how often the platform writes reminders of overdue open datasets; 0: never. */
  readonly openDataReminderSeconds: number;
  /** METRICS_TOKEN: the scrape token a subgraph's /metrics asks for. */
  readonly metricsToken: string | undefined;
  /** METRICS_PORT: a subgraph started alone serves /metrics there instead. */
  readonly metricsPort: number | undefined;
  readonly withoutPolicies: boolean;
  readonly withoutDisclosureLog: boolean;
  /** REDIS_URL, RATE_LIMIT_KEY_PREFIX and RATE_LIMIT_<ROLE>; null with UNSAFE_BENCHMARK_WITHOUT_LIMITS=1 (benchmark only). */
  readonly rateLimits: {
    readonly redisUrl: string | undefined;
    readonly keyPrefix: string;
    readonly perCaller: Readonly<Record<RateLimitedCaller, RateLimit>>;
  } | null;
  /** MAX_QUERY_DEPTH … QUERY_COST_BUDGET_<ROLE>; null with UNSAFE_BENCHMARK_WITHOUT_LIMITS=1 (benchmark only). */
  readonly operationLimits: OperationLimitSettings | null;
  readonly bench: {
    readonly databaseUrl: string;
    readonly citizens: number;
    readonly durationSeconds: number;
    readonly pairedRounds: number;
    readonly startTimeoutSeconds: number;
    readonly fresh: boolean;
    readonly agency: string;
    readonly purpose: string;
  };
  readonly test: { readonly databaseUrl: string | undefined; readonly runId: string | undefined; readonly redisUrl: string; readonly subgraphCalls: SubgraphCallShape };
}

/** What shared/limits checks of every operation (README, "Operation limits"). */
export interface OperationLimitSettings {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxRootFields: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly maxFields: number;
  /** Keyed by role (`security-officer`), and `anonymous` for a caller without a token. */
  readonly costBudgets: Readonly<Record<string, number>>;
}

/** Every problem of an environment at once, so a deployment is fixed in one round. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid environment (README, "Configuration"):\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// The TypeScript type of a declared variable's value: present whenever it has a default.
type Declared<N extends EnvName> = Extract<(typeof ENV_VARIABLES)[number], { name: N }>;
type Parsed<T> =
  T extends { kind: 'port' | 'number' | 'integer' } ? number
  : T extends { kind: 'flag' } ? boolean
  : T extends { kind: 'choice'; values: readonly (infer V)[] } ? V
  : T extends { kind: 'rate' } ? RateLimit
  : string;
type Value<N extends EnvName> = Declared<N> extends { default: string } ? Parsed<Declared<N>['type']> : Parsed<Declared<N>['type']> | undefined;

const INTERNAL_TOKEN_KEY_PREFIX = 'INTERNAL_TOKEN_KEY_';
/** `10/s burst 40`, `30/min burst 5`: a rate per second or per minute, and a burst. */
const RATE_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(s|min)\s+burst\s+(\d+)\s*$/;

const UNSAFE_BENCHMARK_PREFIX = 'UNSAFE_BENCHMARK_';

/** A switch is on when set to anything but its off value (a flag's 0, a number's 0). */
function isOn(value: unknown): boolean {
  return value !== undefined && value !== false && value !== 0 && value !== '' && value !== '0';
}

export function readConfig(env: Environment): Config {
  const problems: string[] = [];

  /** A declared variable; `part` fills a pattern's `<NAME>` or `<AUDIENCE>`. Unset and empty are the same. */
  function read<N extends EnvName>(name: N, part?: string): Value<N> {
    const declared = envVariable(name);
    const actual = part === undefined ? name : name.replace(/<[A-Z]+>/, part);
    if (actual.includes('<')) throw new Error(`${name} is a pattern: say which service or audience`);
    const given = env[actual];
    const raw = given === undefined || given === '' ? declared.default : given;
    return (raw === undefined ? undefined : parse(actual, declared.type, raw, problems)) as Value<N>;
  }
  function perService<T>(value: (prefix: string, service: SubgraphService) => T): PerService<T> {
    return Object.fromEntries(SUBGRAPH_SERVICES.map((service) => [service.name, value(envPrefix(service.name), service)]));
  }

  function readOperationLimits(): OperationLimitSettings | null {
    const settings: OperationLimitSettings = {
      maxDepth: read('MAX_QUERY_DEPTH'),
      maxAliases: read('MAX_ALIASES'),
      maxRootFields: read('MAX_ROOT_FIELDS'),
      maxTokens: read('MAX_QUERY_TOKENS'),
      maxDirectives: read('MAX_DIRECTIVES'),
      maxFields: read('MAX_QUERY_FIELDS'),
      costBudgets: {
        citizen: read('QUERY_COST_BUDGET_CITIZEN'),
        officer: read('QUERY_COST_BUDGET_OFFICER'),
        system: read('QUERY_COST_BUDGET_SYSTEM'),
        'security-officer': read('QUERY_COST_BUDGET_SECURITY_OFFICER'),
        'platform-admin': read('QUERY_COST_BUDGET_PLATFORM_ADMIN'),
        'data-protection-officer': read('QUERY_COST_BUDGET_DATA_PROTECTION_OFFICER'),
        publisher: read('QUERY_COST_BUDGET_PUBLISHER'),
        anonymous: read('QUERY_COST_BUDGET_ANONYMOUS'),
      },
    };
    return read('UNSAFE_BENCHMARK_WITHOUT_LIMITS') ? null : settings;
  }

  // Read before use, so it is checked even where production ignores it.
  const debugErrors = read('DEBUG_ERRORS');
  const isProduction = read('NODE_ENV') === 'production';
  const config: Config = {
    isProduction,
    exposeErrorDetails: !isProduction && debugErrors,
    debugErrors,
    // Every switch of the family, whoever declares it: production refuses them all.
    unsafeBenchmarkSwitches: ENV_VARIABLES.map((variable) => variable.name)
      .filter((name) => name.startsWith(UNSAFE_BENCHMARK_PREFIX))
      .filter((name) => isOn(read(name as EnvName))),
    logLevel: read('LOG_LEVEL'),
    host: read('HOST'),
    port: read('PORT'),
    databaseUrl: read('DATABASE_URL'),
    databasePoolMax: read('DATABASE_POOL_MAX'),
    pgliteDataDir: read('PGLITE_DATA_DIR'),
    postgresBinDir: read('POSTGRES_BIN_DIR'),
    province: { seed: read('SEED'), citizens: read('SEED_SCALE') },
    servicePorts: perService((prefix) => read('<NAME>_PORT', prefix)),
    serviceDatabaseUrls: perService((prefix) => read('<NAME>_DATABASE_URL', prefix)),
    subgraphUrls: perService((prefix, service) => read('<NAME>_SUBGRAPH_URL', prefix) ?? `http://127.0.0.1:${service.defaultPort}/graphql`),
    subgraphCalls: read('SUBGRAPH_CALLS'),
    consentRegistryUrl: read('CONSENT_REGISTRY_URL'),
    deadlines: {
      subgraphCallMs: read('SUBGRAPH_TIMEOUT_MS'),
      requestMs: read('REQUEST_DEADLINE_MS'),
      internalCallMs: read('INTERNAL_CALL_TIMEOUT_MS'),
    },
    httpTimeouts: {
      headersMs: read('HTTP_HEADERS_TIMEOUT_MS'),
      requestMs: read('HTTP_REQUEST_TIMEOUT_MS'),
      keepAliveMs: read('HTTP_KEEP_ALIVE_TIMEOUT_MS'),
    },
    jwtIssuer: read('JWT_ISSUER'),
    jwtAudience: read('JWT_AUDIENCE'),
    jwtPublicKeysDir: read('JWT_PUBLIC_KEYS_DIR'),
    internalTokenSecret: read('INTERNAL_TOKEN_SECRET'),
    // Audiences are open-ended (`<name>-disclosure-log`, …): every variable of the pattern is checked.
    internalTokenKeys: Object.fromEntries(
      Object.keys(env)
        .filter((name) => name.startsWith(INTERNAL_TOKEN_KEY_PREFIX))
        .map((name) => name.slice(INTERNAL_TOKEN_KEY_PREFIX.length))
        .map((audience) => [audience, read('INTERNAL_TOKEN_KEY_<AUDIENCE>', audience)]),
    ),
    devKeysDir: read('DEV_KEYS_DIR'),
    policyDir: read('POLICY_DIR'),
    // Undefined only when invalid (reported with the other problems).
    publicGatewayUrl: (read('PUBLIC_GATEWAY_URL') ?? '').replace(/\/+$/, ''),
    audit: {
      signingKeys: perService((prefix) => read('AUDIT_SIGNING_KEY_<NAME>', prefix)),
      witnessKey: read('AUDIT_WITNESS_KEY'),
      publicKeysDir: read('AUDIT_PUBLIC_KEYS_DIR'),
      checkpointRows: read('AUDIT_CHECKPOINT_ROWS'),
      checkpointSeconds: read('AUDIT_CHECKPOINT_SECONDS'),
      retentionDays: read('AUDIT_RETENTION_DAYS'),
    },
    connections: { decisionWorkingDays: read('CONNECTION_DECISION_WORKING_DAYS') },
    reports: {
      errorReportWorkingDays: read('DATA_ERROR_REPORT_WORKING_DAYS'),
      correctionWindowDays: read('DATA_CORRECTION_WINDOW_DAYS'),
      inquiryWorkingDays: read('USAGE_INQUIRY_WORKING_DAYS'),
    },
    sharingStatisticsSeconds: read('SHARING_STATISTICS_SECONDS'),
    openDataReminderSeconds: read('OPEN_DATA_REMINDER_SECONDS'),
    metricsToken: read('METRICS_TOKEN'),
    metricsPort: read('METRICS_PORT'),
    withoutPolicies: read('UNSAFE_BENCHMARK_WITHOUT_POLICIES'),
    withoutDisclosureLog: read('UNSAFE_BENCHMARK_WITHOUT_DISCLOSURE_LOG'),
    rateLimits: read('UNSAFE_BENCHMARK_WITHOUT_LIMITS') ? null : {
      redisUrl: read('REDIS_URL'),
      keyPrefix: read('RATE_LIMIT_KEY_PREFIX'),
      perCaller: {
        officer: read('RATE_LIMIT_OFFICER'),
        system: read('RATE_LIMIT_SYSTEM'),
        'security-officer': read('RATE_LIMIT_SECURITY_OFFICER'),
        'platform-admin': read('RATE_LIMIT_PLATFORM_ADMIN'),
        'data-protection-officer': read('RATE_LIMIT_DATA_PROTECTION_OFFICER'),
        publisher: read('RATE_LIMIT_PUBLISHER'),
        citizen: read('RATE_LIMIT_CITIZEN'),
        anonymous: read('RATE_LIMIT_ANONYMOUS'),
      },
    },
    operationLimits: readOperationLimits(),
    bench: {
      databaseUrl: read('BENCH_DATABASE_URL'),
      citizens: read('BENCH_SCALE'),
      durationSeconds: read('BENCH_DURATION'),
      pairedRounds: read('BENCH_PAIRED_ROUNDS'),
      startTimeoutSeconds: read('BENCH_START_TIMEOUT'),
      fresh: read('BENCH_FRESH'),
      agency: read('BENCH_AGENCY'),
      purpose: read('BENCH_PURPOSE'),
    },
    test: { databaseUrl: read('TEST_DATABASE_URL'), runId: read('TEST_RUN_ID'), redisUrl: read('TEST_REDIS_URL'), subgraphCalls: read('TEST_SUBGRAPH_CALLS') },
  };
  // node:http refuses a server whose headers may take longer than the whole request.
  if (config.httpTimeouts.headersMs > config.httpTimeouts.requestMs) {
    problems.push(`HTTP_HEADERS_TIMEOUT_MS (${config.httpTimeouts.headersMs}) must not be longer than HTTP_REQUEST_TIMEOUT_MS (${config.httpTimeouts.requestMs})`);
  }
  // A variable read twice (the UNSAFE_BENCHMARK_* family) is named once.
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
  return config;
}

/** The value of `raw`, or undefined with a problem naming the variable. */
function parse(name: string, type: EnvType, raw: string, problems: string[]): string | number | boolean | RateLimit | undefined {
  const problem = (message: string) => {
    problems.push(`${name} ${message}`);
    return undefined;
  };
  // Number('') and Number(' ') are 0: a blank value is not a number.
  const number = raw.trim() === '' ? Number.NaN : Number(raw);
  switch (type.kind) {
    case 'text':
      return raw;
    case 'url':
      // The value is not repeated: a database URL may hold a password.
      return URL.canParse(raw) ? raw : problem('must be a URL (scheme://host…)');
    case 'port':
      return Number.isInteger(number) && number >= 0 && number <= 65_535 ? number : problem(`must be a port number from 0 to 65535, got "${raw}"`);
    case 'number':
      return Number.isFinite(number) ? number : problem(`must be a number, got "${raw}"`);
    case 'integer': {
      const word = type.words && Object.hasOwn(type.words, raw) ? type.words[raw] : undefined;
      if (word !== undefined) return word;
      if (Number.isInteger(number) && number >= type.min) return number;
      const words = Object.keys(type.words ?? {}).map((name) => ` or "${name}"`).join('');
      return problem(`must be a whole number${type.unit ? ` of ${type.unit}` : ''} (at least ${type.min})${words}, got "${raw}"`);
    }
    case 'flag':
      return raw === '1' ? true : raw === '0' ? false : problem(`must be 1 (on) or 0 (off), got "${raw}"`);
    case 'choice':
      return type.values.includes(raw) ? raw : problem(`must be ${type.values.map((value) => `"${value}"`).join(', ')}; got "${raw}"`);
    case 'hexKey':
      // A secret: never repeated.
      return new RegExp(`^[0-9a-fA-F]{${type.bytes * 2}}$`).test(raw) ? raw : problem(`must be ${type.bytes * 2} hexadecimal digits`);
    case 'rate': {
      const match = RATE_PATTERN.exec(raw);
      const perSecond = match ? Number(match[1]) / (match[2] === 'min' ? 60 : 1) : Number.NaN;
      const burst = match ? Number(match[3]) : Number.NaN;
      return perSecond > 0 && Number.isSafeInteger(burst) && burst >= 1
        ? { perSecond, burst }
        : problem(`must be "<requests>/s burst <requests>" or "<requests>/min burst <requests>" (a rate above 0, a whole burst of at least 1), e.g. "10/s burst 40"; got "${raw}"`);
    }
  }
}
