// Starting with NODE_ENV=production, as an operator would: real processes (`node --import tsx` and the
// services' Node flags, as the image runs them, of `gateway/src/main.ts`, `subgraphs/main.ts population`,
// `scripts/start.ts`, `scripts/token.ts`). Unsafe or missing
// settings stop the start with one message naming each of them; good settings give a gateway and a
// subgraph that work together, with the subgraph holding only its own keys.
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devInternalMasterSecret, devUserSigningKeys } from '../../shared/auth/devKeys.ts';
import { deriveSubgraphKey, INTERNAL_ISSUER } from '../../shared/auth/internalToken.ts';
import { childEnvironment } from '../../shared/config/childEnvironment.ts';
import { config } from '../../shared/config/config.ts';
import { ENV_VARIABLES } from '../../shared/config/envVariables.ts';
import { envPrefix, SUBGRAPH_SERVICES } from '../../shared/config/services.ts';
import { generateProvince } from '../../synthetic/index.ts';
import { getStack, postGraphQL } from '../support/stack.ts';
import { SMALL_PROVINCE, SMALL_PROVINCE_SEEDING, startService, stopService, untilHealthy, untilPrinted, type ServiceProcess } from '../support/serviceProcess.ts';
import { unusedPort } from '../support/unusedPort.ts';
import { SERVICE_NODE_ARGUMENTS } from '../../shared/lifecycle/serviceNodeFlags.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const GATEWAY = join(root, 'gateway/src/main.ts');
const SUBGRAPH = join(root, 'subgraphs/main.ts');
const START = join(root, 'scripts/start.ts');
const TOKEN = join(root, 'scripts/token.ts');

const ISSUER = 'https://idp.hungyen.gov.vn';
const AUDIENCE = 'provincial-data-sharing';
const secret = randomBytes(32).toString('hex');
const metricsToken = randomBytes(32).toString('hex');
const keyOf = (audience: string, master = secret) => deriveSubgraphKey(master, audience).toString('hex');
const populationKeys = {
  INTERNAL_TOKEN_KEY_POPULATION: keyOf('population'),
  INTERNAL_TOKEN_KEY_GUARDIANSHIP: keyOf('guardianship'),
  INTERNAL_TOKEN_KEY_POPULATION_OPEN_DATA: keyOf('population-open-data'),
  INTERNAL_TOKEN_KEY_POPULATION_DISCLOSURE_LOG: keyOf('population-disclosure-log'),
  // Its Ed25519 key for checkpoints of its disclosure log, given inline.
  AUDIT_SIGNING_KEY_POPULATION: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};
const ed25519Pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};
/** The platform's own checkpoint key and its witness key, and the folder of public keys it verifies with. */
const platformAudit = ed25519Pair();
const witness = ed25519Pair();
const auditPublicKeysDir = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-public-keys-'));
  writeFileSync(join(dir, 'platform.pem'), platformAudit.publicPem);
  writeFileSync(join(dir, 'witness.pem'), witness.publicPem);
  return dir;
})();
// The platform: the gateway loads the purpose list from it (its own audience), and fails closed without it.
const platformKeys = {
  INTERNAL_TOKEN_KEY_PLATFORM: keyOf('platform'),
  INTERNAL_TOKEN_KEY_CONSENT_REGISTRY: keyOf('consent-registry'),
  INTERNAL_TOKEN_KEY_PLATFORM_DISCLOSURE_LOG: keyOf('platform-disclosure-log'),
  AUDIT_SIGNING_KEY_PLATFORM: platformAudit.privatePem,
  AUDIT_WITNESS_KEY: witness.privatePem,
  AUDIT_PUBLIC_KEYS_DIR: auditPublicKeysDir,
};
const demoCitizen = generateProvince(SMALL_PROVINCE).demoCitizenIds[0];

/** The identity provider's key pair: its public half in a folder, as an operator mounts it. */
const idp = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keysDir = (pems: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'jwt-public-keys-'));
  for (const [file, pem] of Object.entries(pems)) writeFileSync(join(dir, file), pem);
  return dir;
};
const idpKeysDir = keysDir({ 'idp-2026.pem': idp.publicKey.export({ type: 'spki', format: 'pem' }).toString() });

/**
 * A production environment with nothing inherited that could change the verdict: every declared
 * variable this machine may have set is removed first, then `changes` applied.
 */
function productionEnv(changes: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const cleared = Object.fromEntries(
    ENV_VARIABLES.filter((variable) => !variable.name.includes('<') && !variable.name.startsWith('TEST_') && variable.name !== 'LOG_LEVEL').map((variable) => [variable.name, undefined]),
  );
  return childEnvironment({ ...cleared, NODE_ENV: 'production', ...changes });
}

/** How a start that must refuse ended: exit code, stdout, stderr. */
async function refusedStart(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    await run(process.execPath, [...SERVICE_NODE_ARGUMENTS, script, ...args], { cwd: root, env, timeout: 60_000 });
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
  throw new Error(`${script} started in production with unsafe settings`);
}

/** One message: a heading, then one line per problem, and no stack trace. */
function expectOneMessage(stderr: string, service: string, problems: string[]) {
  const [heading, ...lines] = stderr.trimEnd().split('\n');
  expect(heading).toBe(`Refusing to start ${service} in production (NODE_ENV=production); fix every setting below (README, "Deploying in production"):`);
  expect(lines.every((line) => line.startsWith('- '))).toBe(true);
  expect(stderr).not.toMatch(/\n\s+at /);
  for (const problem of problems) expect(lines.some((line) => line.includes(problem)), `"${problem}" in:\n${stderr}`).toBe(true);
  expect(lines).toHaveLength(problems.length);
}

// Each start compiles its service's whole module graph: seconds each, more on a loaded machine.
describe('a production start with unsafe or missing settings', { timeout: 120_000 }, () => {
  it('refuses a gateway given the development signing key and the development secret', async () => {
    const devKeysDir = keysDir({ 'dev.pem': devUserSigningKeys().publicKeyPem });
    const result = await refusedStart(GATEWAY, [], productionEnv({ INTERNAL_TOKEN_SECRET: devInternalMasterSecret(), JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_PUBLIC_KEYS_DIR: devKeysDir }));
    expect(result.code).toBe(1);
    expectOneMessage(result.stderr, 'the gateway', ['INTERNAL_TOKEN_SECRET is the development secret', 'JWT_PUBLIC_KEYS_DIR/dev.pem is the development signing key']);
  });

  it('refuses a gateway with DEBUG_ERRORS=1 and no secret or caller-token settings, naming each', async () => {
    const result = await refusedStart(GATEWAY, [], productionEnv({ DEBUG_ERRORS: '1' }));
    expect(result.code).toBe(1);
    expectOneMessage(result.stderr, 'the gateway', ['DEBUG_ERRORS=1', 'INTERNAL_TOKEN_SECRET is missing', 'JWT_ISSUER is missing', 'JWT_AUDIENCE is missing', 'JWT_PUBLIC_KEYS_DIR is missing']);
  });

  it('refuses a weak secret', async () => {
    const result = await refusedStart(GATEWAY, [], productionEnv({ INTERNAL_TOKEN_SECRET: 'changeme', JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_PUBLIC_KEYS_DIR: idpKeysDir }));
    expect(result.code).toBe(1);
    expectOneMessage(result.stderr, 'the gateway', ['INTERNAL_TOKEN_SECRET is too short: 8 bytes']);
  });

  it('refuses a subgraph with a benchmark switch, given the master secret, and with open /metrics', async () => {
    const result = await refusedStart(SUBGRAPH, ['population'], productionEnv({ ...SMALL_PROVINCE_SEEDING, ...populationKeys, INTERNAL_TOKEN_SECRET: secret, UNSAFE_BENCHMARK_WITHOUT_POLICIES: '1' }));
    expect(result.code).toBe(1);
    expectOneMessage(result.stderr, 'the population subgraph', [
      'UNSAFE_BENCHMARK_WITHOUT_POLICIES is for the benchmark only',
      'INTERNAL_TOKEN_SECRET must not reach a subgraph',
      'METRICS_TOKEN or METRICS_PORT must be set',
    ]);
  });

  it('refuses a subgraph missing its own keys or holding another agency’s', async () => {
    const result = await refusedStart(
      SUBGRAPH,
      ['population'],
      productionEnv({ ...SMALL_PROVINCE_SEEDING, METRICS_TOKEN: metricsToken, INTERNAL_TOKEN_KEY_POPULATION: keyOf('population'), INTERNAL_TOKEN_KEY_BUSINESS: keyOf('business') }),
    );
    expect(result.code).toBe(1);
    expectOneMessage(result.stderr, 'the population subgraph', [
      'INTERNAL_TOKEN_KEY_GUARDIANSHIP is missing',
      'INTERNAL_TOKEN_KEY_POPULATION_OPEN_DATA is missing',
      'INTERNAL_TOKEN_KEY_POPULATION_DISCLOSURE_LOG is missing',
      "INTERNAL_TOKEN_KEY_BUSINESS is not population's",
      'AUDIT_SIGNING_KEY_POPULATION is missing',
    ]);
  });

  it('refuses npm start without its secret, caller-token settings and scrape token', async () => {
    const result = await refusedStart(START, [], productionEnv({ ...SMALL_PROVINCE_SEEDING, UNSAFE_BENCHMARK_WITHOUT_DISCLOSURE_LOG: '1' }));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expectOneMessage(result.stderr, 'npm start', [
      'UNSAFE_BENCHMARK_WITHOUT_DISCLOSURE_LOG is for the benchmark only',
      'INTERNAL_TOKEN_SECRET is missing',
      'JWT_ISSUER is missing',
      'JWT_AUDIENCE is missing',
      'JWT_PUBLIC_KEYS_DIR is missing',
      'METRICS_TOKEN is missing',
      ...['POPULATION', 'CIVIL_STATUS', 'BUSINESS', 'LAND', 'SOCIAL', 'PLATFORM'].map((prefix) => `AUDIT_SIGNING_KEY_${prefix} is missing`),
      'AUDIT_WITNESS_KEY is missing',
      'AUDIT_PUBLIC_KEYS_DIR is missing',
    ]);
  });

  it('refuses a misspelt NODE_ENV instead of running in development mode', async () => {
    const result = await refusedStart(GATEWAY, [], productionEnv({ NODE_ENV: 'prod' }));
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('NODE_ENV must be "production", "development", "test"; got "prod"') });
  });

  it('refuses to mint a development token', async () => {
    const result = await refusedStart(TOKEN, ['--role', 'officer', '--agency', 'cong-an-tinh'], productionEnv({}));
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('refuses to run in production') });
  });
});

/** An internal token for population, as the gateway mints it, signed with `key`. */
const internalToken = (key: string) =>
  jwt.sign({ sub: 'ca-0042', agency: 'cong-an-tinh', roles: ['officer'], purpose: 'criminal-investigation', rid: 'production-test' }, Buffer.from(key, 'hex'), {
    algorithm: 'HS256',
    issuer: INTERNAL_ISSUER,
    audience: 'population',
    expiresIn: 60,
  });

const callerToken = (claims: object) => jwt.sign(claims, idp.privateKey, { algorithm: 'RS256', keyid: 'idp-2026', issuer: ISSUER, audience: AUDIENCE, expiresIn: 300 });

describe('a production start with good settings', () => {
  let population: ServiceProcess | undefined;
  let scrapedPopulation: ServiceProcess | undefined;
  let gateway: ServiceProcess | undefined;
  let platform: ServiceProcess | undefined;
  let populationUrl = '';
  let scrapedUrl = '';
  let metricsPortUrl = '';
  let gatewayUrl = '';

  beforeAll(async () => {
    const [populationPort, scrapedPort, metricsPort, gatewayPort, platformPort] = await Promise.all([unusedPort(), unusedPort(), unusedPort(), unusedPort(), unusedPort()]);
    const platformUrl = `http://127.0.0.1:${platformPort}`;
    platform = startService(SUBGRAPH, ['platform'], productionEnv({ ...SMALL_PROVINCE_SEEDING, ...platformKeys, METRICS_TOKEN: metricsToken, PORT: String(platformPort) }));
    populationUrl = `http://127.0.0.1:${populationPort}`;
    scrapedUrl = `http://127.0.0.1:${scrapedPort}`;
    metricsPortUrl = `http://127.0.0.1:${metricsPort}`;
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    // Only its own three keys and a scrape token: no master secret, no caller-token key.
    population = startService(SUBGRAPH, ['population'], productionEnv({ ...SMALL_PROVINCE_SEEDING, ...populationKeys, METRICS_TOKEN: metricsToken, PORT: String(populationPort) }));
    // The same with /metrics on an internal port of its own instead.
    scrapedPopulation = startService(SUBGRAPH, ['population'], productionEnv({ ...SMALL_PROVINCE_SEEDING, ...populationKeys, METRICS_PORT: String(metricsPort), PORT: String(scrapedPort) }));
    // The gateway loads the purpose list as it starts: the platform answers first.
    await untilHealthy(platformUrl, platform);
    gateway = startService(
      GATEWAY,
      [],
      productionEnv({
        INTERNAL_TOKEN_SECRET: secret,
        JWT_ISSUER: ISSUER,
        JWT_AUDIENCE: AUDIENCE,
        JWT_PUBLIC_KEYS_DIR: idpKeysDir,
        PORT: String(gatewayPort),
        POPULATION_SUBGRAPH_URL: `${populationUrl}/graphql`,
        PLATFORM_SUBGRAPH_URL: `${platformUrl}/graphql`,
      }),
    );
    await Promise.all([untilHealthy(populationUrl, population), untilHealthy(scrapedUrl, scrapedPopulation), untilHealthy(gatewayUrl, gateway)]);
  });

  afterAll(async () => {
    await Promise.all([population, scrapedPopulation, gateway, platform].map((service) => stopService(service)));
  });

  it('serves /metrics to the scraper only', async () => {
    const anonymous = await fetch(`${populationUrl}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ errors: [{ message: '/metrics answers only the scraper: send Authorization: Bearer <METRICS_TOKEN>', extensions: { code: 'UNAUTHENTICATED' } }] });
    const guessed = await fetch(`${populationUrl}/metrics`, { headers: { authorization: `Bearer ${metricsToken.slice(0, -1)}${metricsToken.endsWith('0') ? '1' : '0'}` } });
    expect(guessed.status).toBe(401);
    const scraper = await fetch(`${populationUrl}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(scraper.status).toBe(200);
    expect(await scraper.text()).toMatch(/^graphql_operations_total\{service="population"\} \d+$/m);
  });

  it('serves /metrics on METRICS_PORT only, when given one', async () => {
    expect((await fetch(`${scrapedUrl}/metrics`)).status).toBe(404);
    const scraper = await fetch(`${metricsPortUrl}/metrics`);
    expect(scraper.status).toBe(200);
    expect(await scraper.text()).toMatch(/^sql_statements_total\{service="population"\} \d+$/m);
    expect((await fetch(`${metricsPortUrl}/graphql`, { method: 'POST' })).status).toBe(404);
  });

  it('lets a subgraph holding only its own keys accept a token signed with its key, and no other', async () => {
    const citizenName = `{ citizen(id: "${demoCitizen}") { fullName } }`;
    const accepted = await postGraphQL(`${populationUrl}/graphql`, citizenName, { token: internalToken(populationKeys.INTERNAL_TOKEN_KEY_POPULATION) });
    expect(accepted.status).toBe(200);
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data.citizen.fullName).toBeTypeOf('string');
    const otherSecret = await postGraphQL(`${populationUrl}/graphql`, citizenName, { token: internalToken(keyOf('population', randomBytes(32).toString('hex'))) });
    expect(otherSecret.status).toBe(401);
    const otherAudience = await postGraphQL(`${populationUrl}/graphql`, citizenName, { token: internalToken(populationKeys.INTERNAL_TOKEN_KEY_GUARDIANSHIP) });
    expect(otherAudience.status).toBe(401);
  });

  it('serves the console with no development sign-in: the page asks for a pasted token, and no token is minted', async () => {
    const page = await fetch(`${gatewayUrl}/console/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(await (await fetch(`${gatewayUrl}/console/api/sign-in-options`)).json()).toEqual({ development: false, roles: [], agencies: [], purposes: [], demoCitizens: [] });
    const mint = await fetch(`${gatewayUrl}/console/api/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ roles: ['security-officer'] }) });
    expect(mint.status).toBe(404);
    expect(await mint.text()).not.toContain('token');
  });

  it('answers an officer through the gateway, and refuses an officer token that names no account', async () => {
    const headers = { 'x-purpose': 'criminal-investigation' };
    const citizenName = `{ citizen(id: "${demoCitizen}") { fullName } }`;
    const officer = await postGraphQL(`${gatewayUrl}/graphql`, citizenName, { headers, token: callerToken({ roles: ['officer'], agency: 'cong-an-tinh', sub: 'ca-0042' }) });
    expect(officer.status).toBe(200);
    expect(officer.body.errors).toBeUndefined();
    expect(officer.body.data.citizen.fullName).toBeTypeOf('string');
    const nobody = await postGraphQL(`${gatewayUrl}/graphql`, citizenName, { headers, token: callerToken({ roles: ['officer'], agency: 'cong-an-tinh' }) });
    expect(nobody.status).toBe(401);
    expect(nobody.body).toEqual({
      errors: [{ message: "The token must carry the caller's account as sub: every disclosure names who asked", extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });
});

/** npm start's audit keys: each agency's signing key and the witness key, and a folder of their public halves. */
function stackAuditKeys(): Record<string, string> {
  const names = SUBGRAPH_SERVICES.map((service) => service.name);
  const pairs = new Map([...names, 'witness'].map((name) => [name, ed25519Pair()]));
  const dir = mkdtempSync(join(tmpdir(), 'audit-public-keys-'));
  for (const [name, pair] of pairs) writeFileSync(join(dir, `${name}.pem`), pair.publicPem);
  return {
    ...Object.fromEntries(names.map((name) => [`AUDIT_SIGNING_KEY_${envPrefix(name)}`, pairs.get(name)!.privatePem])),
    AUDIT_WITNESS_KEY: pairs.get('witness')!.privatePem,
    AUDIT_PUBLIC_KEYS_DIR: dir,
  };
}

describe('npm start in production with good settings', () => {
  let stack: ServiceProcess | undefined;

  afterAll(async () => {
    await stopService(stack);
  });

  // Six subgraphs on embedded databases and the gateway in one process: seconds, more on a loaded machine.
  it('prints the URLs when ready, and none of the development hints; stops on SIGTERM with exit code 0', { timeout: 180_000 }, async () => {
    const gatewayPort = await unusedPort();
    stack = startService(
      START,
      [],
      productionEnv({
        ...SMALL_PROVINCE_SEEDING,
        ...stackAuditKeys(),
        INTERNAL_TOKEN_SECRET: secret,
        JWT_ISSUER: ISSUER,
        JWT_AUDIENCE: AUDIENCE,
        JWT_PUBLIC_KEYS_DIR: idpKeysDir,
        METRICS_TOKEN: metricsToken,
        SUBGRAPH_CALLS: config.test.subgraphCalls,
        PORT: String(gatewayPort),
        ...Object.fromEntries(SUBGRAPH_SERVICES.map((service) => [`${envPrefix(service.name)}_PORT`, '0'])),
      }),
    );
    await untilPrinted('Ready in', stack);
    // Stopped as a container is, before reading: everything it printed is in the output. It closes
    // every service and exits 0, rather than being killed by the signal midway (exit 143).
    await stopService(stack, 'process');
    expect({ code: stack.child.exitCode, signal: stack.child.signalCode }, stack.output()).toEqual({ code: 0, signal: null });
    const output = stack.output();
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    expect(output).toContain(`  GraphiQL:  ${gatewayUrl}/\n`);
    expect(output).toContain(`  Console:   ${gatewayUrl}/console/\n`);
    expect(output).toContain(`  GraphQL:   ${gatewayUrl}/graphql`);
    // scripts/token.ts refuses to run in production, and production's callers are not the demo's.
    expect(output).not.toContain('npm run --silent token');
    expect(output).not.toContain('Demo citizens');
    expect(output).not.toContain('First query');
  });
});

describe('/metrics in development', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('stays open when no scrape token is set', async () => {
    const { subgraphs } = await getStack();
    const response = await fetch(subgraphs.population.metricsUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^graphql_operations_total\{service="population"\} \d+$/m);
  });
});
