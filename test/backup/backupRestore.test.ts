// The operator of Sở Khoa học và Công nghệ backs up the platform and a register, and brings them back into
// fresh databases: the restored disclosure log verifies against the restored checkpoints, the same
// questions get the same answers, a damaged backup is refused, and nothing is overwritten without --force.
// Two services prove the point (the platform: consents and witnessed checkpoints; the population register:
// its disclosure log), on embedded databases on disk, or on the Postgres server with TEST_DATABASE_URL.
// The scripts run as an operator runs them: npm run backup, npm run restore, npm run audit:verify.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/src/startGateway.ts';
import { childEnvironment } from '../../shared/config/childEnvironment.ts';
import { config } from '../../shared/config/config.ts';
import { fileSha256, type BackupManifest } from '../../shared/db/backupManifest.ts';
import type { DatabaseOptions } from '../../shared/db/openDatabase.ts';
import { serverDatabaseExists, serviceDatabaseUrl } from '../../shared/db/serverDatabase.ts';
import { startSubgraph, type RunningSubgraph } from '../../shared/subgraph/startSubgraph.ts';
import { platformSubgraph } from '../../subgraphs/platform/src/platformSubgraph.ts';
import { populationSubgraph } from '../../subgraphs/population/src/populationSubgraph.ts';
import { inAYear } from '../support/dates.ts';
import { generousRateLimits, investigator, postGraphQL, PROVINCE_OPTIONS, seededProvince, tokenFor, tokenSettings, type Who } from '../support/stack.ts';

const run = promisify(execFile);
const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
const script = (name: string) => new URL(`../../scripts/${name}.ts`, import.meta.url).pathname;
const SCRIPT_TIMEOUT = 120_000;
const onServer = config.test.databaseUrl !== undefined;
const base = mkdtempSync(join(tmpdir(), 'backup-restore-'));

/** Where a set of databases lives: a folder of data directories, or a database-name prefix on the server. */
function place(name: string) {
  if (!onServer) {
    const dir = join(base, name);
    return { env: { PGLITE_DATA_DIR: dir, DATABASE_URL: '' }, database: (service: string): DatabaseOptions => ({ dataDir: join(dir, service) }) };
  }
  const prefix = new URL(config.test.databaseUrl!);
  prefix.pathname = `/test_${config.test.runId ?? process.pid}_${name}`;
  return { env: { DATABASE_URL: prefix.toString(), PGLITE_DATA_DIR: '' }, database: (service: string): DatabaseOptions => ({ url: serviceDatabaseUrl(prefix.toString(), service) }) };
}
const source = place('source');
const restored = place('restored');

/** A script as the operator runs it, on a place's databases: exit code and everything it printed. */
async function runScript(name: string, env: Record<string, string>, args: string[]) {
  const environment = childEnvironment({ PLATFORM_DATABASE_URL: '', POPULATION_DATABASE_URL: '', ...env });
  try {
    const { stdout, stderr } = await run(tsx, [script(name), ...args], { env: environment });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

interface Services {
  gateway: RunningGateway;
  platform: RunningSubgraph;
  population: RunningSubgraph;
  close(): Promise<void>;
}

/** The platform and the population register on a place's databases, behind a gateway of their own. */
async function startServices(at: ReturnType<typeof place>): Promise<Services> {
  const platform = await startSubgraph(platformSubgraph, { port: 0, database: at.database('platform'), province: PROVINCE_OPTIONS });
  const urls: Record<string, string> = { platform: platform.url };
  let population: RunningSubgraph;
  try {
    population = await startSubgraph(populationSubgraph, {
      port: 0, database: at.database('population'), province: PROVINCE_OPTIONS,
      consentRegistryUrl: platform.url.replace(/\/graphql$/, ''), subgraphUrls: () => urls,
    });
  } catch (error) {
    await platform.close();
    throw error;
  }
  urls.population = population.url;
  const gateway = await startGateway({
    port: 0, subgraphUrls: urls, tokens: tokenSettings, rateLimits: generousRateLimits,
    localSubgraphs: config.test.subgraphCalls === 'in-process' ? { platform: platform.graphql, population: population.graphql } : undefined,
  });
  return {
    gateway, platform, population,
    async close() {
      await gateway.close();
      await population.close();
      await platform.close();
    },
  };
}

const subject = seededProvince().demoCitizenIds[1];
const citizen: Who = { role: 'citizen', sub: subject };
const labourOfficer: Who = { role: 'officer', agency: 'so-noi-vu', purpose: 'public-service-delivery' };
const ask = (services: Services, who: Who, text: string, variables?: Record<string, unknown>) =>
  postGraphQL(`${services.gateway.url}/graphql`, text, {
    token: tokenFor(who), variables,
    headers: { ...(who.purpose ? { 'x-purpose': who.purpose } : {}), ...(who.caseId ? { 'x-case-id': who.caseId } : {}) },
  });

/** The questions whose answers must not change with a backup and a restore (reading them adds to the log, not to the answers). */
async function answers(services: Services) {
  const asked = [
    await ask(services, citizen, '{ myConsents { id granteeAgency purpose status fieldGroups } }'),
    await ask(services, labourOfficer, `{ citizen(id: "${subject}") { id fullName } }`),
    await ask(services, investigator, `{ citizen(id: "${seededProvince().demoCitizenIds[0]}") { fullName dateOfBirth } }`),
  ];
  return asked.map((answer) => answer.body);
}

let before: unknown[];
let manifest: BackupManifest;
let backupRun: { code: number; output: string };
const backupFolder = join(base, 'backup');

beforeAll(async () => {
  const services = await startServices(source);
  try {
    const granted = await ask(services, citizen, 'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', {
      input: { granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:key', 'population.citizen:identity'], validUntil: inAYear() },
    });
    expect(granted.body.errors).toBeUndefined();
    before = await answers(services);
    // Answers worth comparing: the consent, the record it opens to the labour officer, the police's read.
    const name = seededProvince().citizens.find((person) => person.id === subject)!.fullName;
    expect(before).toMatchObject([
      { data: { myConsents: [{ granteeAgency: 'so-noi-vu', status: 'ACTIVE' }] } },
      { data: { citizen: { id: subject, fullName: name } } },
      { data: { citizen: { fullName: expect.any(String), dateOfBirth: expect.any(String) } } },
    ]);
    expect(before.map((answer) => (answer as { errors?: unknown }).errors)).toEqual([undefined, undefined, undefined]);
    // The platform witnesses the register's log up to its head.
    await services.population.checkpointDisclosureLog();
    if (onServer) {
      // A server's databases are backed up with the services running.
      backupRun = await runScript('backup', source.env, ['--to', backupFolder, '--service', 'platform', '--service', 'population']);
    } else {
      // An embedded data directory has one process at a time: the backup refuses it while the service holds it.
      const refused = await runScript('backup', source.env, ['--to', join(base, 'refused'), '--service', 'platform', '--service', 'population']);
      expect(refused.output).toContain(`platform: ${join(base, 'source', 'platform')} is open in a running process (its lock: ${join(base, 'source', 'platform')}.lock): stop npm start (or the service) first`);
      expect(refused.code).toBe(1);
      expect(existsSync(join(base, 'refused'))).toBe(false);
    }
  } finally {
    await services.close();
  }
  if (!onServer) backupRun = await runScript('backup', source.env, ['--to', backupFolder, '--service', 'platform', '--service', 'population']);
  manifest = existsSync(join(backupFolder, 'manifest.json')) ? JSON.parse(readFileSync(join(backupFolder, 'manifest.json'), 'utf8')) : undefined!;
}, 600_000);

// Server databases go with the run (globalSetup drops test_<run>_*); the data directories and the backup here.
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('npm run backup', () => {
  it('writes each service\'s database with a manifest: engine, size and SHA-256 of each file, the commit and the migrations', async () => {
    expect(backupRun.output).toMatch(/✓ platform .*tables, \d+ rows/);
    expect(backupRun.code).toBe(0);
    expect(manifest.services.map((entry) => [entry.service, entry.engine])).toEqual([
      ['platform', onServer ? 'postgres-server' : 'embedded'],
      ['population', onServer ? 'postgres-server' : 'embedded'],
    ]);
    for (const entry of manifest.services) {
      expect(entry.sha256).toBe(await fileSha256(join(backupFolder, entry.file)));
      expect(entry.bytes).toBeGreaterThan(0);
    }
    expect(manifest.commit).toBe(execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim());
    const population = manifest.services.find((entry) => entry.service === 'population')!;
    expect(population.migrations).toEqual(Object.keys(populationSubgraph.migrations).sort());
    const platform = manifest.services.find((entry) => entry.service === 'platform')!;
    // What the backup must hold: the consent, the register's disclosures, the checkpoint the platform witnessed.
    expect(platform.tables['public.consent'].rows).toBe(1);
    expect(platform.tables['public.audit_checkpoint'].rows).toBeGreaterThanOrEqual(1);
    expect(population.tables['public.disclosure_log'].rows).toBeGreaterThanOrEqual(2);
  });
});

describe('npm run restore into fresh databases', () => {
  let restore: { code: number; output: string };
  beforeAll(async () => {
    restore = await runScript('restore', restored.env, ['--from', backupFolder]);
  }, SCRIPT_TIMEOUT);

  it('brings every table back with the rows and checksums the backup recorded', () => {
    expect(restore.output).toMatch(/✓ platform +restored into .*identical to the backup/);
    expect(restore.output).toMatch(/✓ population +restored into .*identical to the backup/);
    expect(restore.output).not.toContain('Note:');
    expect(restore.code).toBe(0);
  });

  it('leaves a disclosure log that audit:verify finds intact against the restored checkpoints', async () => {
    const verified = await runScript('auditVerify', restored.env, []);
    const rows = manifest.services.find((entry) => entry.service === 'population')!.tables['public.disclosure_log'].rows;
    expect(verified.output).toMatch(new RegExp(`✓ population: ${rows} rows, chain intact; [1-9]\\d* checkpoint\\(s\\) witnessed, the last at row \\d+; 0 row\\(s\\) not yet witnessed`));
    expect(verified.code).toBe(0);
  }, SCRIPT_TIMEOUT);

  it('gives the same answers to the same questions as before the backup', async () => {
    const services = await startServices(restored);
    try {
      expect(await answers(services)).toEqual(before);
    } finally {
      await services.close();
    }
  }, SCRIPT_TIMEOUT);

  it('refuses to overwrite a database that is not empty, and with --force says what it replaces', async () => {
    const refused = await runScript('restore', restored.env, ['--from', backupFolder, '--service', 'population']);
    expect(refused.output).toMatch(/- population: .* (holds a database|holds \d+ tables) .*pass --force to replace it/);
    expect(refused.code).toBe(1);
    const forced = await runScript('restore', restored.env, ['--from', backupFolder, '--service', 'population', '--force']);
    expect(forced.output).toMatch(/--force: replacing\n- population: /);
    expect(forced.output).toMatch(/✓ population +restored into .*identical to the backup/);
    expect(forced.code).toBe(0);
  }, SCRIPT_TIMEOUT * 2);
});

describe('a backup file changed after the backup', () => {
  it('is refused by restore, naming the file, and nothing is restored', async () => {
    const damaged = join(base, 'damaged-backup');
    cpSync(backupFolder, damaged, { recursive: true });
    const file = join(damaged, manifest.services.find((entry) => entry.service === 'population')!.file);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    writeFileSync(file, bytes);
    const target = place('from_damaged');
    const refused = await runScript('restore', target.env, ['--from', damaged]);
    expect(refused.output).toContain('Nothing was restored: the backup is not intact.');
    expect(refused.output).toMatch(/- population: population\.(tar\.gz|pgdump) does not match the manifest \(sha256 [0-9a-f]{64}, expected [0-9a-f]{64}\)/);
    expect(refused.code).toBe(1);
    for (const service of ['platform', 'population']) {
      const database = target.database(service);
      expect(database.url ? await serverDatabaseExists(database.url) : existsSync(database.dataDir!)).toBe(false);
    }
  }, SCRIPT_TIMEOUT);
});
