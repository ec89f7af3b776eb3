// Every environment variable the project reads, declared once: readConfig validates the environment
// against this list, and README's configuration table is generated from it (npm run docs:config).
import { BENCH_CITIZENS, DEFAULT_CITIZENS, DEFAULT_SEED } from '../../synthetic/index.ts';
import { envPrefix, findService, SUBGRAPH_SERVICES } from './services.ts';

/** Who reads a variable: a subgraph or the gateway (started alone or by `npm start`), or a tool. */
export type Reader = 'gateway' | 'subgraph' | 'scripts' | 'bench' | 'tests';

export type EnvType =
  | { kind: 'text' }
  | { kind: 'url' }
  | { kind: 'port' }
  | { kind: 'number' }
  | { kind: 'integer'; min: number; unit?: string; words?: Readonly<Record<string, number>> }
  | { kind: 'flag' }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'hexKey'; bytes: number }
  /** A token-bucket limit: `<requests>/s burst <requests>` (or `/min`). */
  | { kind: 'rate' };

export interface EnvVariable {
  /**
   * The name, or a pattern: `<NAME>` is a service name and `<AUDIENCE>` an internal-token audience,
   * upper-cased with `-` -> `_` (`CIVIL_STATUS_PORT`, `INTERNAL_TOKEN_KEY_CONSENT_REGISTRY`).
   */
  name: string;
  type: EnvType;
  /** The value used when the variable is unset or empty, written as it would be in the environment. */
  default?: string;
  /** The default in words, where the code that reads the variable decides it (no `default` then). */
  defaultNote?: string;
  meaning: string;
  /** true, false, or the condition under which production needs it. */
  requiredInProduction: boolean | string;
  readBy: readonly Reader[];
}

const platformPort = findService('platform')!.defaultPort;
/** SUBGRAPH_CALLS: the gateway and its subgraphs in one process, or separate services over HTTP. */
export const SUBGRAPH_CALL_SHAPES = ['in-process', 'http'] as const;
export type SubgraphCallShape = (typeof SUBGRAPH_CALL_SHAPES)[number];
const flag = { kind: 'flag' } as const;
const text = { kind: 'text' } as const;
const url = { kind: 'url' } as const;
const port = { kind: 'port' } as const;
const milliseconds = { kind: 'integer', min: 1, unit: 'milliseconds' } as const;
const rate = { kind: 'rate' } as const;
const RATE_FORMAT = 'as `<requests>/s burst <requests>` (or `/min`)';

/** A limit of one operation (shared/limits), read by the gateway and every subgraph. */
function operationLimit<N extends string>(name: N, value: string, what: string) {
  return {
    name,
    type: { kind: 'integer', min: 1 } as const,
    default: value,
    meaning: `most ${what}; README, "Operation limits"`,
    requiredInProduction: false,
    readBy: ['gateway', 'subgraph'] as const,
  };
}

/** The highest estimated cost of one operation for a role; a caller with several roles gets the largest. */
function costBudget<N extends string>(name: N, value: string, who: string) {
  return {
    name,
    type: { kind: 'integer', min: 1 } as const,
    default: value,
    meaning: `highest estimated cost of one operation asked by ${who} (\`QUERY_TOO_COMPLEX\`; README, "Operation limits")`,
    requiredInProduction: false,
    readBy: ['gateway', 'subgraph'] as const,
  };
}

// `as const` keeps each name a literal type, so readConfig can only read a declared variable.
export const ENV_VARIABLES = [
  {
    name: 'NODE_ENV',
    // A choice, so a misspelt `prod` stops the start instead of quietly running in development mode.
    type: { kind: 'choice', values: ['production', 'development', 'test'] },
    defaultNote: 'unset (development)',
    meaning: '`production`: no development keys, no `npm run token`, no stack traces, no benchmark switches, and every setting checked at start (README, "Deploying in production"); `development` or `test` otherwise',
    requiredInProduction: '`production`',
    readBy: ['gateway', 'subgraph', 'scripts'],
  },
  {
    name: 'PORT',
    type: port,
    defaultNote: '`4000` for the gateway and `npm start`; a subgraph started alone: its port (above)',
    meaning: 'listening port of a service started alone; with `npm start`, the gateway\'s',
    requiredInProduction: false,
    readBy: ['gateway', 'subgraph', 'scripts', 'bench'],
  },
  {
    name: 'HOST',
    type: text,
    default: '127.0.0.1',
    meaning: 'listening address',
    requiredInProduction: false,
    readBy: ['gateway', 'subgraph', 'scripts'],
  },
  {
    name: 'DATABASE_URL',
    type: url,
    defaultNote: 'embedded Postgres',
    meaning:
      'a real Postgres. A service started alone uses it as its own database. With `npm start` (and `npm run audit:verify`) it names the server and database prefix: each agency gets `<db>_<service>` (e.g. `provincial_civil_status`), created if missing.',
    requiredInProduction: false,
    readBy: ['subgraph', 'scripts'],
  },
  {
    name: '<NAME>_DATABASE_URL',
    type: url,
    defaultNote: 'from `DATABASE_URL`',
    meaning: 'one service\'s database (`CIVIL_STATUS_DATABASE_URL`, …)',
    requiredInProduction: false,
    readBy: ['subgraph', 'scripts', 'bench'],
  },
  {
    name: '<NAME>_PORT',
    type: port,
    defaultNote: 'the service\'s port (above)',
    meaning: 'one service\'s port (`CIVIL_STATUS_PORT`, …), before `PORT`',
    requiredInProduction: false,
    readBy: ['subgraph', 'scripts'],
  },
  {
    name: 'DATABASE_POOL_MAX',
    type: { kind: 'integer', min: 1, unit: 'connections' },
    default: '10',
    meaning: 'connections in each service\'s pool to a Postgres server (a service that keeps a disclosure log opens one more, its writer\'s own)',
    requiredInProduction: false,
    readBy: ['subgraph', 'bench'],
  },
  {
    name: 'POSTGRES_BIN_DIR',
    type: text,
    defaultNote: '`PATH`, then `/usr/lib/postgresql/<version>/bin`',
    meaning: 'folder of `pg_dump` and `pg_restore` for `npm run backup` and `npm run restore` on a Postgres server (they must be at least as new as the server; docs/backup-and-restore.md)',
    requiredInProduction: false,
    readBy: ['scripts'],
  },
  {
    name: 'PGLITE_DATA_DIR',
    type: text,
    defaultNote: 'in memory',
    meaning: 'keep embedded databases on disk (`<dir>/<service>`) instead of in memory; each directory is held by one process at a time (its lock `<dir>/<service>.lock`)',
    requiredInProduction: false,
    readBy: ['subgraph', 'scripts'],
  },
  {
    name: 'SEED',
    type: { kind: 'number' },
    default: String(DEFAULT_SEED),
    meaning: 'seed of the synthetic data. A database is seeded once, when empty.',
    requiredInProduction: false,
    readBy: ['subgraph', 'scripts'],
  },
  {
    name: 'SEED_SCALE',
    type: { kind: 'integer', min: 50, unit: 'citizens', words: { bench: BENCH_CITIZENS } },
    default: String(DEFAULT_CITIZENS),
    meaning: `number of citizens of the synthetic data; \`bench\` = ${BENCH_CITIZENS.toLocaleString('en')}`,
    requiredInProduction: false,
    readBy: ['subgraph', 'scripts'],
  },
  {
    name: '<NAME>_SUBGRAPH_URL',
    type: url,
    defaultNote: '`http://127.0.0.1:<port>/graphql`',
    meaning:
      'where the gateway started alone finds a subgraph; also where the platform started alone finds the other agencies (population for parents, every agency for its disclosure log)',
    requiredInProduction: false,
    readBy: ['gateway', 'subgraph'],
  },
  {
    name: 'SUBGRAPH_CALLS',
    type: { kind: 'choice', values: SUBGRAPH_CALL_SHAPES },
    defaultNote: '`in-process` with `npm start`; `http` for the gateway started alone',
    meaning:
      'how the gateway calls the subgraphs\' GraphQL: `in-process`, each subgraph\'s pipeline directly, no HTTP and no JSON between them (`npm start` only: the one-box shape); `http`, over HTTP as separate services do (the scale-out shape; `npm run start:gateway` refuses `in-process`). Either way each subgraph checks tokens, policies and consents and records disclosures itself, and still serves its own port (README, "Two shapes")',
    requiredInProduction: false,
    readBy: ['gateway', 'scripts'],
  },
  {
    name: 'CONSENT_REGISTRY_URL',
    type: url,
    default: `http://127.0.0.1:${platformPort}`,
    meaning: 'where a subgraph started alone finds the platform\'s consent registry',
    requiredInProduction: false,
    readBy: ['subgraph'],
  },
  // Deadlines: how long a call, a request and a client may take (README, "Deadlines").
  {
    name: 'SUBGRAPH_TIMEOUT_MS',
    type: milliseconds,
    default: '10000',
    meaning:
      'how long the gateway waits for one subgraph call; a register slower than that costs only its fields (`SUBGRAPH_TIMEOUT`). 10 s: a register answers in milliseconds, so ten seconds means it is in trouble; three such calls in sequence fit the request deadline',
    requiredInProduction: false,
    readBy: ['gateway'],
  },
  {
    name: 'REQUEST_DEADLINE_MS',
    type: milliseconds,
    default: '30000',
    meaning:
      'how long one request may take at the gateway: each subgraph call is cut to the time left, so the answer leaves by then, the fields not fetched in time `null` with `REQUEST_TIMEOUT`. Counted from when the request is read (reading it is bounded by `HTTP_REQUEST_TIMEOUT_MS`). 30 s: three subgraph timeouts in sequence (a query plan is rarely deeper), below the 60 s after which common proxies give up',
    requiredInProduction: false,
    readBy: ['gateway'],
  },
  {
    name: 'INTERNAL_CALL_TIMEOUT_MS',
    type: milliseconds,
    default: '5000',
    meaning:
      'how long a subgraph waits for another service\'s internal route (consent lookup, guardianship, disclosure log); then it fails closed (no consent). 5 s: half the gateway\'s subgraph timeout, so the subgraph still answers, without what the call would have allowed',
    requiredInProduction: false,
    readBy: ['subgraph'],
  },
  {
    name: 'HTTP_HEADERS_TIMEOUT_MS',
    type: milliseconds,
    default: '10000',
    meaning:
      'how long a client may take to send a request\'s headers, at the gateway and at each subgraph; then 408 and the connection is closed, so a client trickling headers cannot hold it. 10 s: headers are a few kilobytes; at most `HTTP_REQUEST_TIMEOUT_MS`',
    requiredInProduction: false,
    readBy: ['gateway', 'subgraph'],
  },
  {
    name: 'HTTP_REQUEST_TIMEOUT_MS',
    type: milliseconds,
    default: '30000',
    meaning:
      'how long a client may take to send a whole request, body included; then 408 and the connection is closed. Answering is not counted (that is the deadline\'s). 30 s: the gateway\'s largest body (256 kB) at 9 kB/s',
    requiredInProduction: false,
    readBy: ['gateway', 'subgraph'],
  },
  {
    name: 'HTTP_KEEP_ALIVE_TIMEOUT_MS',
    type: milliseconds,
    default: '65000',
    meaning:
      'how long an idle kept-alive connection stays open. 65 s: longer than the 60 s idle timeout of common load balancers and proxies, so a service never closes a connection its client is about to reuse',
    requiredInProduction: false,
    readBy: ['gateway', 'subgraph'],
  },
  {
    name: 'JWT_ISSUER',
    type: text,
    defaultNote: '`provincial-dev-idp` (development)',
    meaning: 'issuer of callers\' tokens',
    requiredInProduction: true,
    readBy: ['gateway', 'scripts'],
  },
  {
    name: 'JWT_AUDIENCE',
    type: text,
    defaultNote: '`provincial-data-sharing` (development)',
    meaning: 'audience of callers\' tokens',
    requiredInProduction: true,
    readBy: ['gateway', 'scripts'],
  },
  {
    name: 'JWT_PUBLIC_KEYS_DIR',
    type: text,
    defaultNote: 'the development key (development)',
    meaning: 'caller-token verification: one `<kid>.pem` public key per file (RSA → RS256, P-256 → ES256); several for rotation',
    requiredInProduction: 'yes, with at least one key',
    readBy: ['gateway'],
  },
  {
    name: 'INTERNAL_TOKEN_SECRET',
    type: text,
    defaultNote: 'generated in `DEV_KEYS_DIR` (development)',
    meaning: 'master secret of the gateway\'s internal tokens (at least 32 bytes: `openssl rand -hex 32`); every subgraph key is derived from it',
    requiredInProduction: 'on the gateway and `npm start`; refused on a subgraph started alone',
    readBy: ['gateway', 'subgraph'],
  },
  {
    name: 'INTERNAL_TOKEN_KEY_<AUDIENCE>',
    type: { kind: 'hexKey', bytes: 32 },
    defaultNote: 'derived from `INTERNAL_TOKEN_SECRET`',
    meaning:
      'a subgraph\'s key for one audience it verifies (it never holds the master secret): hex of HMAC-SHA256(secret, `internal-token:<audience>`), printed by `npm run keys:internal`; audiences are the subgraph\'s name, `<name>-disclosure-log`, `<name>-open-data` for an agency register with open datasets, and `consent-registry` for the platform, `guardianship` for population',
    requiredInProduction: 'on a subgraph started alone, one for each of its audiences (`npm run --silent keys:internal -- <name>`)',
    readBy: ['subgraph'],
  },
  {
    name: 'DEV_KEYS_DIR',
    type: text,
    defaultNote: '`.dev-keys/`',
    meaning: 'development key material (caller-token key pair, internal-token master secret), created on first start and reused; refused in production, where a configured key equal to a development key is refused too',
    requiredInProduction: false,
    readBy: ['gateway', 'subgraph', 'scripts', 'tests'],
  },
  // The witnessed disclosure log (shared/audit/README.md, "Checkpoints").
  {
    name: 'AUDIT_SIGNING_KEY_<NAME>',
    type: text,
    defaultNote: 'generated in `DEV_KEYS_DIR` (development)',
    meaning: 'a service\'s Ed25519 private key (PEM, or the path of a PEM file) with which it signs checkpoints of its disclosure log (`npm run keys:audit`)',
    requiredInProduction: 'on a subgraph started alone, its own; with `npm start`, every service\'s',
    readBy: ['subgraph'],
  },
  {
    name: 'AUDIT_WITNESS_KEY',
    type: text,
    defaultNote: 'generated in `DEV_KEYS_DIR` (development)',
    meaning: 'the platform\'s Ed25519 private key (PEM, or the path of a PEM file) with which it countersigns every agency\'s checkpoints',
    requiredInProduction: 'on the platform and `npm start`',
    readBy: ['subgraph'],
  },
  {
    name: 'AUDIT_PUBLIC_KEYS_DIR',
    type: text,
    defaultNote: 'derived from the development keys (development)',
    meaning: 'folder of Ed25519 public keys: `<service>.pem` for each agency and `witness.pem` for the platform; the platform checks checkpoints with it, `npm run audit:verify` checks signatures with it',
    requiredInProduction: 'on the platform and `npm start`; for `npm run audit:verify`',
    readBy: ['subgraph', 'scripts'],
  },
  {
    name: 'AUDIT_CHECKPOINT_ROWS',
    type: { kind: 'integer', min: 1, unit: 'rows' },
    default: '1000',
    meaning: 'a service signs the head of its disclosure log after this many new rows (off the request path) and sends it to the platform to witness',
    requiredInProduction: false,
    readBy: ['subgraph'],
  },
  {
    name: 'AUDIT_CHECKPOINT_SECONDS',
    type: { kind: 'integer', min: 1, unit: 'seconds' },
    default: '60',
    meaning: 'a service also signs its head this often when rows were added since the last checkpoint, and retries checkpoints the platform has not yet witnessed',
    requiredInProduction: false,
    readBy: ['subgraph'],
  },
  {
    name: 'AUDIT_RETENTION_DAYS',
    type: { kind: 'integer', min: 1, unit: 'days' },
    defaultNote: 'unset: nothing is archived',
    meaning: '`npm run audit:archive` moves disclosure-log rows older than this into `disclosure_log_archive`, only as whole witnessed segments; citizens no longer see archived entries in their access log',
    requiredInProduction: false,
    readBy: ['scripts'],
  },
  {
    name: 'CONNECTION_DECISION_WORKING_DAYS',
    type: { kind: 'integer', min: 1, unit: 'working days' },
    default: '10',
    meaning: 'a submitted connection request is listed `overdue` once it has waited more than this many working days (Monday to Friday, Asia/Ho_Chi_Minh; public holidays not counted out) for the owner agency\'s decision',
    requiredInProduction: false,
    readBy: ['subgraph'],
  },
  {
    name: 'DATA_ERROR_REPORT_WORKING_DAYS',
    type: { kind: 'integer', min: 1, unit: 'working days' },
    default: '5',
    meaning: 'a data-error report is due this many working days after it was made (Monday to Friday, Asia/Ho_Chi_Minh; public holidays not counted out) and listed `overdue` after its due date while the owner agency has not corrected or rejected it',
    requiredInProduction: false,
    readBy: ['subgraph'],
  },
  {
    name: 'DATA_CORRECTION_WINDOW_DAYS',
    type: { kind: 'integer', min: 1, unit: 'days' },
    default: '90',
    meaning: 'when a data-error report is marked corrected, every agency the owner register\'s disclosure log shows receiving that field of that record within this many days before gets a correction notice',
    requiredInProduction: false,
    readBy: ['subgraph'],
  },
  {
    name: 'USAGE_INQUIRY_WORKING_DAYS',
    type: { kind: 'integer', min: 1, unit: 'working days' },
    default: '10',
    meaning: 'a usage inquiry is due this many working days after the owner agency asked it, and listed `overdue` after its due date while the consumer agency has not answered',
    requiredInProduction: false,
    readBy: ['subgraph'],
  },
  {
    name: 'OPEN_DATA_REMINDER_SECONDS',
    type: { kind: 'integer', min: 0, unit: 'seconds' },
    default: '3600',
    meaning: 'the platform looks for overdue open datasets this often and writes one reminder per dataset and overdue period to its outbox (`openDataNotices`; e-mail delivery is not built); `0`: never',
    requiredInProduction: false,
    readBy: ['subgraph'],
  },
  {
    name: 'SHARING_STATISTICS_SECONDS',
    type: { kind: 'integer', min: 1, unit: 'seconds' },
    default: '60',
    meaning: 'each register adds what its disclosure log gained since to the sharing statistics of the days not yet closed this often (a day closes once `REQUEST_DEADLINE_MS` and a minute have passed after its end)',
    requiredInProduction: false,
    readBy: ['subgraph'],
  },
  {
    name: 'POLICY_DIR',
    type: text,
    defaultNote: '`policies/`',
    meaning: 'the policy folder every subgraph reads and the policy console writes (a shared volume across hosts)',
    requiredInProduction: false,
    readBy: ['subgraph', 'scripts'],
  },
  {
    name: 'PUBLIC_GATEWAY_URL',
    type: url,
    default: 'http://localhost:4000',
    meaning: 'the gateway as callers reach it (scheme, host, port; no path): the endpoint the catalogue of sharing services tells them to connect to (`<url>/graphql`)',
    requiredInProduction: 'yes, for a correct catalogue',
    readBy: ['subgraph'],
  },
  {
    name: 'DEBUG_ERRORS',
    type: flag,
    default: '0',
    meaning: '`1`: stack traces of unexpected errors in responses; refused in production',
    requiredInProduction: false,
    readBy: ['gateway', 'subgraph'],
  },
  {
    name: 'LOG_LEVEL',
    type: { kind: 'choice', values: ['info', 'error', 'silent'] },
    default: 'info',
    meaning: '`info`, `error` or `silent`; logs are JSON lines on stderr',
    requiredInProduction: false,
    readBy: ['gateway', 'subgraph', 'scripts'],
  },
  // /metrics of a subgraph: a scrape token, a port of its own, or both; production requires one of the two.
  {
    name: 'METRICS_TOKEN',
    type: text,
    defaultNote: 'none: `/metrics` is open (development)',
    meaning: 'a subgraph\'s `/metrics` answers only `Authorization: Bearer <it>` (at least 32 bytes: `openssl rand -hex 32`)',
    requiredInProduction: 'with `npm start`; on a subgraph started alone, unless `METRICS_PORT` is set',
    readBy: ['subgraph'],
  },
  {
    name: 'METRICS_PORT',
    type: port,
    defaultNote: 'none: `/metrics` on the service\'s port',
    meaning: 'a subgraph started alone serves `/metrics` on this port (an internal one, not published) and no longer on its own port; `npm start` ignores it',
    requiredInProduction: 'on a subgraph started alone, unless `METRICS_TOKEN` is set',
    readBy: ['subgraph'],
  },
  {
    name: 'UNSAFE_BENCHMARK_WITHOUT_POLICIES',
    type: flag,
    default: '0',
    meaning: '`1`: a subgraph enforces no access policy; for the benchmark only, refused in production',
    requiredInProduction: false,
    readBy: ['subgraph'],
  },
  {
    name: 'UNSAFE_BENCHMARK_WITHOUT_DISCLOSURE_LOG',
    type: flag,
    default: '0',
    meaning: '`1`: a subgraph writes no disclosure log; for the benchmark only, refused in production',
    requiredInProduction: false,
    readBy: ['subgraph'],
  },
  // Operation limits (shared/limits): checked at the gateway before planning, and again by every subgraph.
  operationLimit('MAX_QUERY_DEPTH', '20', 'nested field levels of an operation, introspection included (`QUERY_TOO_DEEP`)'),
  operationLimit('MAX_ALIASES', '30', 'aliases in an operation, counted through fragments (`TOO_MANY_ALIASES`)'),
  operationLimit('MAX_ROOT_FIELDS', '20', 'fields at the top of an operation (`TOO_MANY_ROOT_FIELDS`)'),
  operationLimit('MAX_QUERY_TOKENS', '4000', 'lexical tokens of a query text, counted while parsing (`TOO_MANY_TOKENS`)'),
  operationLimit('MAX_DIRECTIVES', '20', 'directives in an operation, counted through fragments (`TOO_MANY_DIRECTIVES`)'),
  operationLimit('MAX_QUERY_FIELDS', '2000', 'fields of an operation once its fragments are expanded (`TOO_MANY_FIELDS`)'),
  // A citizen's and an anonymous caller's budget admit the open-data contract's largest page of rows
  // (openDataset { rows(first: 5000) { nodes { values } } }: 5,000 rows of up to 10 columns, cost 55,009),
  // which the gateway's downloads ask for page after page (gateway/src/openData/datasetDownload.ts).
  costBudget('QUERY_COST_BUDGET_CITIZEN', '60000', 'a citizen'),
  costBudget('QUERY_COST_BUDGET_OFFICER', '1000000', 'an officer'),
  costBudget('QUERY_COST_BUDGET_SYSTEM', '1000000', 'an agency system'),
  costBudget('QUERY_COST_BUDGET_SECURITY_OFFICER', '1000000', 'a security officer'),
  costBudget('QUERY_COST_BUDGET_PLATFORM_ADMIN', '1000000', 'a platform administrator'),
  costBudget('QUERY_COST_BUDGET_DATA_PROTECTION_OFFICER', '1000000', 'a data-protection officer'),
  costBudget('QUERY_COST_BUDGET_PUBLISHER', '1000000', "an agency's open-data publisher"),
  // Callers without a token reach open data only (gateway/src/plugins/useAnonymousGuard.ts): a page of
  // 5,000 rows of a dataset, the largest `rows` allows, is estimated at about 55,000.
  costBudget('QUERY_COST_BUDGET_ANONYMOUS', '60000', 'a caller without a token (open data only)'),
  {
    name: 'UNSAFE_BENCHMARK_WITHOUT_LIMITS',
    type: flag,
    default: '0',
    meaning: '`1`: the gateway and the subgraphs check no operation limit, and the gateway no rate limit; for the benchmark only, refused in production',
    requiredInProduction: false,
    readBy: ['gateway', 'subgraph'],
  },
  {
    name: 'REDIS_URL',
    type: url,
    defaultNote: 'unset: each gateway keeps its buckets in memory (`npm run bench`: `redis://127.0.0.1:6379`)',
    meaning:
      'Redis holding the rate-limit buckets, shared by every gateway replica. While it cannot be reached a gateway limits on its own buckets, logs it and says so in `/ready`',
    requiredInProduction: false,
    readBy: ['gateway', 'bench'],
  },
  {
    name: 'RATE_LIMIT_KEY_PREFIX',
    type: text,
    default: 'rate-limit:',
    meaning: 'prefix of the bucket keys in Redis, so deployments sharing a Redis server do not share buckets',
    requiredInProduction: false,
    readBy: ['gateway'],
  },
  {
    name: 'RATE_LIMIT_OFFICER',
    type: rate,
    default: '10/s burst 40',
    meaning: `requests an officer (per agency and account) may send, ${RATE_FORMAT}; a caller with several roles gets the most generous`,
    requiredInProduction: false,
    readBy: ['gateway'],
  },
  {
    name: 'RATE_LIMIT_SYSTEM',
    type: rate,
    default: '200/s burst 400',
    meaning: `requests an agency system (per agency and account) may send, ${RATE_FORMAT}`,
    requiredInProduction: false,
    readBy: ['gateway'],
  },
  {
    name: 'RATE_LIMIT_SECURITY_OFFICER',
    type: rate,
    default: '10/s burst 40',
    meaning: `requests a security officer (per agency and account) may send, ${RATE_FORMAT}`,
    requiredInProduction: false,
    readBy: ['gateway'],
  },
  {
    name: 'RATE_LIMIT_PLATFORM_ADMIN',
    type: rate,
    default: '10/s burst 40',
    meaning: `requests a platform administrator (per agency and account) may send, ${RATE_FORMAT}`,
    requiredInProduction: false,
    readBy: ['gateway'],
  },  {
    name: 'RATE_LIMIT_DATA_PROTECTION_OFFICER',
    type: rate,
    default: '10/s burst 40',
    meaning: `requests a data-protection officer (per agency and account) may send, ${RATE_FORMAT}`,
    requiredInProduction: false,
    readBy: ['gateway'],
  },
  {
    name: 'RATE_LIMIT_PUBLISHER',
    type: rate,
    default: '10/s burst 40',
    meaning: `requests an agency's open-data publisher (per agency and account) may send, ${RATE_FORMAT}`,
    requiredInProduction: false,
    readBy: ['gateway'],
  },
  {
    name: 'RATE_LIMIT_CITIZEN',
    type: rate,
    default: '2/s burst 20',
    meaning: `requests a citizen (per personal id) may send, ${RATE_FORMAT}`,
    requiredInProduction: false,
    readBy: ['gateway'],
  },
  {
    name: 'RATE_LIMIT_ANONYMOUS',
    type: rate,
    default: '1/s burst 10',
    meaning: `requests without a token (per client address) may send, ${RATE_FORMAT}`,
    requiredInProduction: false,
    readBy: ['gateway'],
  },
  {
    name: 'BENCH_DATABASE_URL',
    type: url,
    default: 'postgres://postgres@127.0.0.1:5432/postgres',
    meaning: 'the Postgres server `npm run bench` seeds and measures on',
    requiredInProduction: false,
    readBy: ['bench'],
  },
  {
    name: 'BENCH_SCALE',
    type: { kind: 'integer', min: 50, unit: 'citizens' },
    default: String(BENCH_CITIZENS),
    meaning: 'citizens in the bench\'s databases; each scale has its own databases',
    requiredInProduction: false,
    readBy: ['bench'],
  },
  {
    name: 'BENCH_DURATION',
    type: { kind: 'integer', min: 1, unit: 'seconds' },
    default: '20',
    meaning: 'seconds each measurement runs (at 10 s, runs of the same stack differed by over 10% on a 2-core machine: too noisy for the limits on/off ratio)',
    requiredInProduction: false,
    readBy: ['bench'],
  },
  {
    name: 'BENCH_PAIRED_ROUNDS',
    type: { kind: 'integer', min: 0, unit: 'rounds' },
    default: '4',
    meaning: 'alternating rounds of 5 s per target in which each pair of targets that differ by one control is loaded (the controls\' ratios); `0`: none',
    requiredInProduction: false,
    readBy: ['bench'],
  },
  {
    name: 'BENCH_START_TIMEOUT',
    type: { kind: 'integer', min: 1, unit: 'seconds' },
    default: '900',
    meaning: 'seconds to wait for a service to answer `/health` (a first start seeds its database)',
    requiredInProduction: false,
    readBy: ['bench'],
  },
  {
    name: 'BENCH_FRESH',
    type: flag,
    default: '0',
    meaning: '`1`: drop this scale\'s databases first, so they are seeded again',
    requiredInProduction: false,
    readBy: ['bench'],
  },
  {
    name: 'BENCH_AGENCY',
    type: text,
    default: 'cong-an-tinh',
    meaning: 'agency of the officer the bench asks as (the policies must let it read every field of the bench query)',
    requiredInProduction: false,
    readBy: ['bench'],
  },
  {
    name: 'BENCH_PURPOSE',
    type: text,
    default: 'criminal-investigation',
    meaning: 'purpose (`X-Purpose`) the bench declares',
    requiredInProduction: false,
    readBy: ['bench'],
  },
  {
    name: 'TEST_DATABASE_URL',
    type: url,
    defaultNote: 'embedded Postgres',
    meaning: '`npm test` against a Postgres server: each run creates its own databases (`test_<run>_<service>`) and drops them',
    requiredInProduction: false,
    readBy: ['tests'],
  },
  {
    name: 'TEST_RUN_ID',
    type: text,
    defaultNote: 'set by the suite',
    meaning: 'the test run, in the names of its databases; the suite sets it for its worker, not a person',
    requiredInProduction: false,
    readBy: ['tests'],
  },
  {
    name: 'TEST_SUBGRAPH_CALLS',
    type: { kind: 'choice', values: SUBGRAPH_CALL_SHAPES },
    default: 'in-process',
    meaning: 'how the test stack\'s gateway calls its subgraphs (`SUBGRAPH_CALLS`); CI runs the suite once in each shape',
    requiredInProduction: false,
    readBy: ['tests'],
  },
  {
    name: 'TEST_REDIS_URL',
    type: url,
    default: 'redis://127.0.0.1:6379',
    meaning: 'the Redis server the rate-limit tests share between two gateway processes',
    requiredInProduction: false,
    readBy: ['tests'],
  },
] as const satisfies readonly EnvVariable[];

export type EnvName = (typeof ENV_VARIABLES)[number]['name'];

/** The declaration of a name or pattern as written in ENV_VARIABLES. */
export function envVariable(name: string): EnvVariable {
  const declared = ENV_VARIABLES.find((variable) => variable.name === name);
  if (!declared) throw new Error(`${name} is not declared in shared/config/envVariables.ts`);
  return declared;
}

const PATTERN_PARTS: Record<string, string> = {
  '<NAME>': `(?:${SUBGRAPH_SERVICES.map((service) => envPrefix(service.name)).join('|')})`,
  '<AUDIENCE>': '[A-Z0-9_]+',
};

/** The declaration an actual variable falls under (`CIVIL_STATUS_PORT` -> `<NAME>_PORT`), if any. */
export function declarationOf(name: string): EnvVariable | undefined {
  return ENV_VARIABLES.find((variable) => {
    if (!variable.name.includes('<')) return variable.name === name;
    const pattern = variable.name.replace(/<[A-Z]+>/g, (part) => PATTERN_PARTS[part]);
    return new RegExp(`^${pattern}$`).test(name);
  });
}
