import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from './envVariables.ts';
import { ConfigError, readConfig, type Environment } from './readConfig.ts';

function problemsOf(env: Environment): readonly string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('readConfig accepted the environment');
}

describe('readConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      isProduction: false,
      exposeErrorDetails: false,
      logLevel: 'info',
      host: '127.0.0.1',
      port: undefined,
      databaseUrl: undefined,
      databasePoolMax: 10,
      province: { seed: 20250701, citizens: 3000 },
      consentRegistryUrl: 'http://127.0.0.1:4006',
      withoutPolicies: false,
      withoutDisclosureLog: false,
      operationLimits: {
        maxDepth: 20,
        maxAliases: 30,
        maxRootFields: 20,
        maxTokens: 4000,
        maxDirectives: 20,
        maxFields: 2000,
        costBudgets: { citizen: 60_000, officer: 1_000_000, system: 1_000_000, 'security-officer': 1_000_000, 'platform-admin': 1_000_000, 'data-protection-officer': 1_000_000, anonymous: 60_000 },
      },
      internalTokenKeys: {},
      connections: { decisionWorkingDays: 10 },
      reports: { errorReportWorkingDays: 5, correctionWindowDays: 90, inquiryWorkingDays: 10 },
      bench: { databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres', citizens: 200_000, durationSeconds: 20, startTimeoutSeconds: 900, fresh: false },
    });
    expect(config.subgraphUrls['civil-status']).toBe('http://127.0.0.1:4002/graphql');
    expect(config.servicePorts['civil-status']).toBeUndefined();
  });

  it('reads every declared variable', () => {
    const asked = new Set<string>();
    readConfig(new Proxy({}, { get: (_, name) => void asked.add(String(name)) }));
    const declared = ENV_VARIABLES.map((variable) => variable.name.replace('<NAME>', 'CIVIL_STATUS'));
    const unread = declared.filter((name) => !asked.has(name) && name !== 'INTERNAL_TOKEN_KEY_<AUDIENCE>');
    expect(unread).toEqual([]);
  });

  it('counts an empty variable as unset', () => {
    expect(readConfig({ PORT: '', DATABASE_URL: '', SEED_SCALE: '' })).toMatchObject({ port: undefined, databaseUrl: undefined, province: { citizens: 3000 } });
  });

  it('reads typed values, per service too', () => {
    const config = readConfig({
      PORT: '0',
      SEED_SCALE: 'bench',
      CIVIL_STATUS_PORT: '5002',
      CIVIL_STATUS_DATABASE_URL: 'postgres://db/civil',
      LAND_SUBGRAPH_URL: 'http://land:4001/graphql',
      INTERNAL_TOKEN_KEY_CONSENT_REGISTRY: 'ab'.repeat(32),
      LOG_LEVEL: 'silent',
    });
    expect(config).toMatchObject({ port: 0, province: { citizens: 200_000 }, logLevel: 'silent' });
    expect(config.servicePorts['civil-status']).toBe(5002);
    expect(config.serviceDatabaseUrls['civil-status']).toBe('postgres://db/civil');
    expect(config.subgraphUrls.land).toBe('http://land:4001/graphql');
    expect(config.internalTokenKeys.CONSENT_REGISTRY).toBe('ab'.repeat(32));
  });

  it('reads the operation limits, and turns them all off only on UNSAFE_BENCHMARK_WITHOUT_LIMITS=1', () => {
    const config = readConfig({ MAX_QUERY_DEPTH: '12', QUERY_COST_BUDGET_SECURITY_OFFICER: '5000' });
    expect(config.operationLimits).toMatchObject({ maxDepth: 12, costBudgets: { 'security-officer': 5000, officer: 1_000_000 } });
    expect(readConfig({ UNSAFE_BENCHMARK_WITHOUT_LIMITS: '1' }).operationLimits).toBeNull();
    expect(problemsOf({ MAX_ALIASES: '0' })).toEqual(['MAX_ALIASES must be a whole number (at least 1), got "0"']);
  });

  it('shows stack traces only on DEBUG_ERRORS=1 outside production', () => {
    expect(readConfig({ DEBUG_ERRORS: '1' }).exposeErrorDetails).toBe(true);
    expect(readConfig({ DEBUG_ERRORS: '1', NODE_ENV: 'production' })).toMatchObject({ isProduction: true, exposeErrorDetails: false });
    expect(readConfig({ NODE_ENV: 'test' }).isProduction).toBe(false);
  });

  it('refuses a bad PORT, naming it', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(problemsOf({ PORT: 'eighty' })).toEqual(['PORT must be a port number from 0 to 65535, got "eighty"']);
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT must be a port number from 0 to 65535, got "70000"']);
    expect(problemsOf({ LAND_PORT: '40.5' })).toEqual(['LAND_PORT must be a port number from 0 to 65535, got "40.5"']);
  });

  it('reads the due dates of data-error reports and usage inquiries and the correction window, and refuses bad ones', () => {
    expect(readConfig({ DATA_ERROR_REPORT_WORKING_DAYS: '3', DATA_CORRECTION_WINDOW_DAYS: '30', USAGE_INQUIRY_WORKING_DAYS: '7' }).reports).toEqual({
      errorReportWorkingDays: 3,
      correctionWindowDays: 30,
      inquiryWorkingDays: 7,
    });
    expect(problemsOf({ DATA_ERROR_REPORT_WORKING_DAYS: '0' })).toEqual(['DATA_ERROR_REPORT_WORKING_DAYS must be a whole number of working days (at least 1), got "0"']);
    expect(problemsOf({ DATA_CORRECTION_WINDOW_DAYS: 'ninety' })).toEqual(['DATA_CORRECTION_WINDOW_DAYS must be a whole number of days (at least 1), got "ninety"']);
  });

  it('reads the working days an owner has to decide a connection request, and refuses a bad one', () => {
    expect(readConfig({ CONNECTION_DECISION_WORKING_DAYS: '5' }).connections).toEqual({ decisionWorkingDays: 5 });
    expect(problemsOf({ CONNECTION_DECISION_WORKING_DAYS: '0' })).toEqual(['CONNECTION_DECISION_WORKING_DAYS must be a whole number of working days (at least 1), got "0"']);
    expect(problemsOf({ CONNECTION_DECISION_WORKING_DAYS: 'ten' })).toEqual(['CONNECTION_DECISION_WORKING_DAYS must be a whole number of working days (at least 1), got "ten"']);
  });

  it('refuses a bad SEED_SCALE, naming it', () => {
    const message = 'SEED_SCALE must be a whole number of citizens (at least 50) or "bench", got';
    expect(problemsOf({ SEED_SCALE: 'lots' })).toEqual([`${message} "lots"`]);
    expect(problemsOf({ SEED_SCALE: '10' })).toEqual([`${message} "10"`]);
  });

  it('reads rate limits per role, per second or per minute, with their documented defaults', () => {
    expect(readConfig({}).rateLimits).toEqual({
      redisUrl: undefined,
      keyPrefix: 'rate-limit:',
      perCaller: {
        officer: { perSecond: 10, burst: 40 },
        system: { perSecond: 200, burst: 400 },
        'security-officer': { perSecond: 10, burst: 40 },
        'platform-admin': { perSecond: 10, burst: 40 },
        'data-protection-officer': { perSecond: 10, burst: 40 },
        publisher: { perSecond: 10, burst: 40 },
        citizen: { perSecond: 2, burst: 20 },
        anonymous: { perSecond: 1, burst: 10 },
      },
    });
    const config = readConfig({ RATE_LIMIT_OFFICER: '150/s burst 300', RATE_LIMIT_ANONYMOUS: '30/min burst 5', RATE_LIMIT_CITIZEN: ' 0.5 / s  burst 1 ', REDIS_URL: 'redis://cache:6379' });
    expect(config.rateLimits).toMatchObject({
      redisUrl: 'redis://cache:6379',
      perCaller: { officer: { perSecond: 150, burst: 300 }, anonymous: { perSecond: 0.5, burst: 5 }, citizen: { perSecond: 0.5, burst: 1 } },
    });
  });

  it('refuses a rate limit it cannot read, saying how to write one', () => {
    const rule = 'must be "<requests>/s burst <requests>" or "<requests>/min burst <requests>" (a rate above 0, a whole burst of at least 1), e.g. "10/s burst 40"; got';
    expect(problemsOf({ RATE_LIMIT_OFFICER: '20' })).toEqual([`RATE_LIMIT_OFFICER ${rule} "20"`]);
    expect(problemsOf({ RATE_LIMIT_SYSTEM: '0/s burst 10' })).toEqual([`RATE_LIMIT_SYSTEM ${rule} "0/s burst 10"`]);
    expect(problemsOf({ RATE_LIMIT_CITIZEN: '5/s burst 0' })).toEqual([`RATE_LIMIT_CITIZEN ${rule} "5/s burst 0"`]);
    expect(problemsOf({ RATE_LIMIT_ANONYMOUS: '5/h burst 2' })).toEqual([`RATE_LIMIT_ANONYMOUS ${rule} "5/h burst 2"`]);
    expect(problemsOf({ RATE_LIMIT_PLATFORM_ADMIN: '5/s burst 2.5' })).toEqual([`RATE_LIMIT_PLATFORM_ADMIN ${rule} "5/s burst 2.5"`]);
  });

  it('reports every problem in one error', () => {
    expect(() => readConfig({ PORT: 'x', SEED_SCALE: 'y', BENCH_DURATION: '0', LOG_LEVEL: 'debug', DEBUG_ERRORS: 'yes' })).toThrow(
      [
        'Invalid environment (README, "Configuration"):',
        '- DEBUG_ERRORS must be 1 (on) or 0 (off), got "yes"',
        '- LOG_LEVEL must be "info", "error", "silent"; got "debug"',
        '- PORT must be a port number from 0 to 65535, got "x"',
        '- SEED_SCALE must be a whole number of citizens (at least 50) or "bench", got "y"',
        '- BENCH_DURATION must be a whole number of seconds (at least 1), got "0"',
      ].join('\n'),
    );
  });

  it('reads the deadlines and HTTP timeouts, with their defaults', () => {
    expect(readConfig({})).toMatchObject({
      deadlines: { subgraphCallMs: 10_000, requestMs: 30_000, internalCallMs: 5000 },
      httpTimeouts: { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 65_000 },
    });
    expect(readConfig({ SUBGRAPH_TIMEOUT_MS: '2000', HTTP_HEADERS_TIMEOUT_MS: '500', HTTP_REQUEST_TIMEOUT_MS: '500' })).toMatchObject({
      deadlines: { subgraphCallMs: 2000 },
      httpTimeouts: { headersMs: 500, requestMs: 500 },
    });
  });

  it('refuses a timeout that is not a whole number of milliseconds, or headers allowed longer than the whole request', () => {
    expect(problemsOf({ REQUEST_DEADLINE_MS: '30s', INTERNAL_CALL_TIMEOUT_MS: '0' })).toEqual([
      'REQUEST_DEADLINE_MS must be a whole number of milliseconds (at least 1), got "30s"',
      'INTERNAL_CALL_TIMEOUT_MS must be a whole number of milliseconds (at least 1), got "0"',
    ]);
    expect(problemsOf({ HTTP_HEADERS_TIMEOUT_MS: '40000' })).toEqual(['HTTP_HEADERS_TIMEOUT_MS (40000) must not be longer than HTTP_REQUEST_TIMEOUT_MS (30000)']);
  });

  it('never repeats a secret or a URL that may hold a password', () => {
    const problems = problemsOf({ DATABASE_URL: 'admin@db.example.org/s3cret', INTERNAL_TOKEN_KEY_LAND: 's3cret' });
    expect(problems).toEqual(['DATABASE_URL must be a URL (scheme://host…)', 'INTERNAL_TOKEN_KEY_LAND must be 64 hexadecimal digits']);
    expect(problems.join()).not.toContain('s3cret');
  });

  it('reads the public gateway URL the catalogue of sharing services names, without a trailing slash', () => {
    expect(readConfig({}).publicGatewayUrl).toBe('http://localhost:4000');
    expect(readConfig({ PUBLIC_GATEWAY_URL: 'https://lgsp.soctrang.gov.vn/' }).publicGatewayUrl).toBe('https://lgsp.soctrang.gov.vn');
    expect(problemsOf({ PUBLIC_GATEWAY_URL: 'lgsp.soctrang.gov.vn' })).toEqual(['PUBLIC_GATEWAY_URL must be a URL (scheme://host…)']);
  });
});
