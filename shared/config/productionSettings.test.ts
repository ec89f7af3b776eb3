// What a production start refuses: every unsafe or missing setting is named, all of them at once.
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { productionProblems, type KeyMaterial, type StartingService } from './productionSettings.ts';
import { readConfig, type Environment } from './readConfig.ts';

const pemOf = (key: { export(options: { type: 'spki'; format: 'pem' }): string | Buffer }) => key.export({ type: 'spki', format: 'pem' }).toString();
const idp = generateKeyPairSync('rsa', { modulusLength: 2048 });
const development = generateKeyPairSync('rsa', { modulusLength: 2048 });
const secret = 'a'.repeat(64);
const developmentSecret = 'd'.repeat(64);
const key = (master: string, audience: string) => createHmac('sha256', master).update(`internal-token:${audience}`).digest('hex');

const gateway: StartingService = { role: 'gateway' };
const stack: StartingService = { role: 'stack' };
const population: StartingService = { role: 'subgraph', name: 'population', audiences: ['population', 'guardianship', 'population-disclosure-log'] };

/** The idp's public key in JWT_PUBLIC_KEYS_DIR, and development material on this machine. */
const material = (changes: Partial<KeyMaterial> = {}): KeyMaterial => ({
  callerKeys: [{ file: 'idp-2026.pem', pem: pemOf(idp.publicKey) }],
  development: {
    callerPublicKeyPem: pemOf(development.publicKey),
    internalSecrets: [developmentSecret, ...['population', 'guardianship', 'population-disclosure-log'].map((audience) => key(developmentSecret, audience))],
  },
  ...changes,
});

const goodGateway: Environment = {
  NODE_ENV: 'production',
  INTERNAL_TOKEN_SECRET: secret,
  JWT_ISSUER: 'https://idp.hungyen.gov.vn',
  JWT_AUDIENCE: 'provincial-data-sharing',
  JWT_PUBLIC_KEYS_DIR: '/run/secrets/jwt-public-keys',
};
const goodPopulation: Environment = {
  NODE_ENV: 'production',
  INTERNAL_TOKEN_KEY_POPULATION: key(secret, 'population'),
  INTERNAL_TOKEN_KEY_GUARDIANSHIP: key(secret, 'guardianship'),
  INTERNAL_TOKEN_KEY_POPULATION_DISCLOSURE_LOG: key(secret, 'population-disclosure-log'),
  METRICS_TOKEN: 'm'.repeat(32),
  AUDIT_SIGNING_KEY_POPULATION: '/run/secrets/audit-population.key.pem',
};
const auditKeysOfEveryService: Environment = {
  ...Object.fromEntries(['POPULATION', 'CIVIL_STATUS', 'BUSINESS', 'LAND', 'SOCIAL', 'PLATFORM'].map((prefix) => [`AUDIT_SIGNING_KEY_${prefix}`, `/run/secrets/audit-${prefix}.key.pem`])),
  AUDIT_WITNESS_KEY: '/run/secrets/audit-witness.key.pem',
  AUDIT_PUBLIC_KEYS_DIR: '/run/secrets/audit-public-keys',
};
const goodStack: Environment = { ...goodGateway, METRICS_TOKEN: 'm'.repeat(32), ...auditKeysOfEveryService };

const problemsOf = (env: Environment, starting: StartingService, keys = material()) => productionProblems(readConfig(env), starting, keys);

describe('a production start', () => {
  it('has nothing to say about good settings', () => {
    expect(problemsOf(goodGateway, gateway)).toEqual([]);
    expect(problemsOf(goodPopulation, population)).toEqual([]);
    expect(problemsOf(goodStack, stack)).toEqual([]);
    expect(problemsOf({ ...goodPopulation, METRICS_TOKEN: undefined, METRICS_PORT: '9464' }, population)).toEqual([]);
  });

  it('is not checked outside production', () => {
    expect(problemsOf({ DEBUG_ERRORS: '1', UNSAFE_BENCHMARK_WITHOUT_POLICIES: '1' }, gateway)).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'development' }, population)).toEqual([]);
  });

  it('lists every problem of a gateway at once, each naming its setting', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DEBUG_ERRORS: '1', DEV_KEYS_DIR: '/tmp/keys' }, gateway, material({ callerKeys: undefined }));
    expect(problems).toEqual([
      'DEBUG_ERRORS=1 would put stack traces in responses: unset it',
      'DEV_KEYS_DIR names development key material: unset it (production trusts only configured keys)',
      'INTERNAL_TOKEN_SECRET is missing: the master secret of internal tokens (at least 32 bytes, e.g. `openssl rand -hex 32`)',
      "JWT_ISSUER is missing: the issuer of callers' tokens (your identity provider)",
      "JWT_AUDIENCE is missing: the audience of callers' tokens",
      "JWT_PUBLIC_KEYS_DIR is missing: the folder of the identity provider's public keys (`<kid>.pem`)",
    ]);
  });

  it('refuses every UNSAFE_BENCHMARK_ switch, on any service', () => {
    const env = { UNSAFE_BENCHMARK_WITHOUT_POLICIES: '1', UNSAFE_BENCHMARK_WITHOUT_DISCLOSURE_LOG: '1' };
    const expected = ['UNSAFE_BENCHMARK_WITHOUT_POLICIES is for the benchmark only: unset it', 'UNSAFE_BENCHMARK_WITHOUT_DISCLOSURE_LOG is for the benchmark only: unset it'];
    expect(problemsOf({ ...goodPopulation, ...env }, population)).toEqual(expected);
    expect(problemsOf({ ...goodGateway, ...env }, gateway)).toEqual(expected);
    expect(problemsOf({ ...goodPopulation, UNSAFE_BENCHMARK_WITHOUT_POLICIES: '0' }, population)).toEqual([]);
  });

  it('refuses a weak master secret and the development one', () => {
    expect(problemsOf({ ...goodGateway, INTERNAL_TOKEN_SECRET: 'changeme' }, gateway)).toEqual([
      'INTERNAL_TOKEN_SECRET is too short: 8 bytes (at least 32 bytes, e.g. `openssl rand -hex 32`)',
    ]);
    expect(problemsOf({ ...goodGateway, INTERNAL_TOKEN_SECRET: developmentSecret }, gateway)).toEqual([
      'INTERNAL_TOKEN_SECRET is the development secret: generate a production one',
    ]);
  });

  it('refuses caller-token keys that are unreadable, absent, private, of another kind or the development key', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    expect(problemsOf(goodGateway, gateway, material({ callerKeys: { unreadable: 'ENOENT' } }))).toEqual(['JWT_PUBLIC_KEYS_DIR cannot be read (ENOENT)']);
    expect(problemsOf(goodGateway, gateway, material({ callerKeys: [] }))).toEqual(['JWT_PUBLIC_KEYS_DIR holds no `<kid>.pem` public key']);
    const keys = [
      { file: 'idp-2026.pem', pem: pemOf(idp.publicKey) },
      { file: 'dev.pem', pem: pemOf(development.publicKey) },
      { file: 'leaked.pem', pem: idp.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      { file: 'p384.pem', pem: pemOf(p384.publicKey) },
      { file: 'junk.pem', pem: 'not a key' },
    ];
    expect(problemsOf(goodGateway, gateway, material({ callerKeys: keys }))).toEqual([
      'JWT_PUBLIC_KEYS_DIR/dev.pem is the development signing key: anyone with a checkout could mint tokens; remove it',
      'JWT_PUBLIC_KEYS_DIR/leaked.pem holds a private key: the gateway needs only public keys; remove it',
      'JWT_PUBLIC_KEYS_DIR/p384.pem is neither an RSA (RS256) nor a P-256 (ES256) public key',
      'JWT_PUBLIC_KEYS_DIR/junk.pem is not a PEM public key',
    ]);
  });

  it('refuses a subgraph given the master secret, missing its own keys, holding another agency’s, or a development key', () => {
    const problems = problemsOf(
      {
        NODE_ENV: 'production',
        INTERNAL_TOKEN_SECRET: secret,
        INTERNAL_TOKEN_KEY_POPULATION: key(developmentSecret, 'population'),
        INTERNAL_TOKEN_KEY_BUSINESS: key(secret, 'business'),
        METRICS_TOKEN: 'm'.repeat(32),
        AUDIT_SIGNING_KEY_POPULATION: '/run/secrets/audit-population.key.pem',
      },
      population,
    );
    expect(problems).toEqual([
      'INTERNAL_TOKEN_SECRET must not reach a subgraph: with it population could mint tokens for every agency; give it its INTERNAL_TOKEN_KEY_<AUDIENCE> keys instead',
      'INTERNAL_TOKEN_KEY_POPULATION is a development key: derive it from the production secret',
      'INTERNAL_TOKEN_KEY_GUARDIANSHIP is missing: population\'s key for audience "guardianship" (`npm run --silent keys:internal -- population` prints its keys)',
      'INTERNAL_TOKEN_KEY_POPULATION_DISCLOSURE_LOG is missing: population\'s key for audience "population-disclosure-log" (`npm run --silent keys:internal -- population` prints its keys)',
      'INTERNAL_TOKEN_KEY_BUSINESS is not population\'s: a subgraph holds only the keys of its own audiences (population, guardianship, population-disclosure-log)',
    ]);
  });

  it('refuses open /metrics: a subgraph needs a scrape token or a port of its own, npm start a token', () => {
    const open = { ...goodPopulation, METRICS_TOKEN: undefined };
    expect(problemsOf(open, population)).toEqual([
      'METRICS_TOKEN or METRICS_PORT must be set: /metrics must answer only the scraper (a token, at least 32 bytes, e.g. `openssl rand -hex 32`) or listen on an internal port',
    ]);
    expect(problemsOf({ ...goodPopulation, METRICS_TOKEN: 'scrape' }, population)).toEqual(['METRICS_TOKEN is too short: 6 bytes (at least 32 bytes, e.g. `openssl rand -hex 32`)']);
    expect(problemsOf({ ...goodGateway, ...auditKeysOfEveryService, METRICS_PORT: '9464' }, stack)).toEqual([
      "METRICS_TOKEN is missing: npm start serves every subgraph's /metrics on the subgraph's own port, so it must ask for a scrape token (at least 32 bytes, e.g. `openssl rand -hex 32`)",
    ]);
  });

  it('refuses a subgraph without its own audit key or holding another agency\'s, and a platform that cannot witness', () => {
    const platform: StartingService = { role: 'subgraph', name: 'platform', audiences: ['platform'] };
    expect(problemsOf({ ...goodPopulation, AUDIT_SIGNING_KEY_POPULATION: undefined, AUDIT_SIGNING_KEY_LAND: '/k.pem', AUDIT_WITNESS_KEY: '/w.pem' }, population)).toEqual([
      'AUDIT_SIGNING_KEY_POPULATION is missing: population\'s Ed25519 key for checkpoints of its disclosure log (`npm run keys:audit`)',
      "AUDIT_SIGNING_KEY_LAND is not population's: a subgraph holds only its own audit key",
      'AUDIT_WITNESS_KEY must not reach population: only the platform countersigns checkpoints',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', INTERNAL_TOKEN_KEY_PLATFORM: key(secret, 'platform'), METRICS_PORT: '9464', AUDIT_SIGNING_KEY_PLATFORM: '/p.pem' }, platform)).toEqual([
      "AUDIT_WITNESS_KEY is missing: the platform's Ed25519 key that countersigns checkpoints (`npm run keys:audit`)",
      "AUDIT_PUBLIC_KEYS_DIR is missing: the folder of every agency's audit public key (`<service>.pem`) and `witness.pem`",
    ]);
    expect(problemsOf({ ...goodStack, AUDIT_SIGNING_KEY_SOCIAL: undefined }, stack)).toEqual([
      "AUDIT_SIGNING_KEY_SOCIAL is missing: social's Ed25519 key for checkpoints of its disclosure log (`npm run keys:audit`)",
    ]);
  });

  it('refuses a subgraph key given to npm start, which derives every key from the master secret', () => {
    expect(problemsOf({ ...goodStack, INTERNAL_TOKEN_KEY_POPULATION: key(developmentSecret, 'population') }, stack)).toEqual([
      'INTERNAL_TOKEN_KEY_POPULATION is for a subgraph started alone: npm start derives every key from INTERNAL_TOKEN_SECRET; unset it',
    ]);
  });

  it('lets npm start hold the master secret, checked as the gateway’s', () => {
    expect(problemsOf({ ...goodStack, INTERNAL_TOKEN_SECRET: undefined, JWT_ISSUER: undefined }, stack)).toEqual([
      'INTERNAL_TOKEN_SECRET is missing: the master secret of internal tokens (at least 32 bytes, e.g. `openssl rand -hex 32`)',
      "JWT_ISSUER is missing: the issuer of callers' tokens (your identity provider)",
    ]);
  });
});

describe('NODE_ENV', () => {
  it('stops a start with a misspelt value instead of running in development mode', () => {
    expect(() => readConfig({ NODE_ENV: 'prod' })).toThrow('NODE_ENV must be "production", "development", "test"; got "prod"');
  });
});
