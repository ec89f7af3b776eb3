// A service of the project started as an operator starts it (`node --import tsx <flags> <script>`, as npm
// start and the image run it), in a process group of its own, for tests that need the real process: its
// output, its /health, how it stops on a signal.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { childEnvironment } from '../../shared/config/childEnvironment.ts';
import { envPrefix, SUBGRAPH_SERVICES } from '../../shared/config/services.ts';
import { SERVICE_NODE_ARGUMENTS } from '../../shared/lifecycle/serviceNodeFlags.ts';
import { generateProvince } from '../../synthetic/index.ts';
import { declaredBy, investigator, postGraphQL, tokenFor, type GraphQLResponse } from './stack.ts';

const root = new URL('../../', import.meta.url).pathname;
/** What `npm start` runs. */
export const NPM_START = join(root, 'scripts/start.ts');

export interface ServiceProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output: () => string;
}

/** A service in its own process group, so that stopping it stops anything it started too. */
export function startService(script: string, args: string[], env: NodeJS.ProcessEnv): ServiceProcess {
  const child = spawn(process.execPath, [...SERVICE_NODE_ARGUMENTS, script, ...args], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** The small province a service a test starts seeds, and the variables that ask for it. */
export const SMALL_PROVINCE = { seed: 20250701, citizens: 50 };
export const SMALL_PROVINCE_SEEDING = { SEED: String(SMALL_PROVINCE.seed), SEED_SCALE: String(SMALL_PROVINCE.citizens) };

/**
 * The environment of an `npm start` of a test: the gateway and each subgraph on a port the system picks
 * (printedGatewayUrl says the gateway's), every database embedded in memory, development mode, the small
 * province, errors logged; then `changes`.
 */
export function inMemoryStackEnvironment(changes: Record<string, string> = {}): NodeJS.ProcessEnv {
  return childEnvironment({
    PORT: '0',
    ...Object.fromEntries(SUBGRAPH_SERVICES.flatMap((service) => [[`${envPrefix(service.name)}_PORT`, '0'], [`${envPrefix(service.name)}_DATABASE_URL`, undefined]])),
    DATABASE_URL: undefined,
    PGLITE_DATA_DIR: undefined,
    NODE_ENV: undefined,
    LOG_LEVEL: 'error',
    ...SMALL_PROVINCE_SEEDING,
    ...changes,
  });
}

/** The service's log lines so far (JSON, on stderr), parsed. */
export function loggedEntries(service: ServiceProcess): Array<{ level: string; message: string; service?: string }> {
  return service
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: string; message: string; service?: string });
}

/** Polls `done` until it holds; fails at once if the service exits, and after two minutes. */
async function until(service: ServiceProcess, done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`The service exited (${service.child.exitCode}):\n${service.output()}`);
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The service did not ${what} in time:\n${service.output()}`);
}

export function untilHealthy(url: string, service: ServiceProcess): Promise<void> {
  return until(service, () => fetch(`${url}/health`).then((response) => response.ok, () => false), 'answer /health');
}

export function untilPrinted(text: string, service: ServiceProcess): Promise<void> {
  return until(service, () => service.output().includes(text), `print "${text}"`);
}

/** The gateway's URL an `npm start` prints when it is ready ("GraphQL: http://…/graphql"), once it has. */
export async function printedGatewayUrl(service: ServiceProcess): Promise<string> {
  const printed = () => /GraphQL:\s+(http:\/\/\S+)\/graphql/.exec(service.output())?.[1];
  await until(service, () => printed() !== undefined, 'print its GraphQL URL');
  return printed()!;
}

let firstDemoCitizen: string | undefined;

/**
 * The README's first query, as its police officer asks it, to the gateway of an `npm start` of a test (the
 * small province's first demo citizen): a row in the log of each register it reads.
 */
export function askReadmeFirstQuery(gatewayUrl: string): Promise<GraphQLResponse> {
  firstDemoCitizen ??= generateProvince(SMALL_PROVINCE).demoCitizenIds[0];
  const query = `{ citizen(id: "${firstDemoCitizen}") { fullName dateOfBirth civilEvents { kind registeredOn } landParcels { parcelNumber area } businesses { enterpriseCode name } } }`;
  return postGraphQL(`${gatewayUrl}/graphql`, query, { token: tokenFor(investigator), headers: declaredBy(investigator) });
}

/**
 * SIGTERM to the service's group, or to its process alone as a container stop signals the container's
 * first process, then SIGKILL to the group after `graceMs` (five seconds unless given); resolves once it has exited.
 */
export async function stopService(service: ServiceProcess | undefined, to: 'group' | 'process' = 'group', graceMs = 5000): Promise<void> {
  const pid = service?.child.pid;
  if (service === undefined || pid === undefined || service.child.exitCode !== null || service.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => service.child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // The group is gone already.
    }
  };
  if (to === 'group') signal('SIGTERM');
  else service.child.kill('SIGTERM');
  const killLater = setTimeout(() => signal('SIGKILL'), graceMs);
  await exited;
  clearTimeout(killLater);
}
