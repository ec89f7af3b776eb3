// The benchmark's switches that turn a subgraph's policies or its disclosure log off act the same however
// the subgraph starts: alone (`npm run start:subgraph`, the bench's split stacks) or with the others
// (`npm start`, the one box). A one box measured "without controls" that silently kept them would give a
// wrong figure. Development mode: a production start refuses the switches (test/production). A real
// `npm start` (`tsx scripts/start.ts`) on embedded databases in memory, a small province, ports of its own.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnvironment } from '../../shared/config/childEnvironment.ts';
import { envPrefix, SUBGRAPH_SERVICES } from '../../shared/config/services.ts';
import { unusedPort } from '../support/unusedPort.ts';

const root = new URL('../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');
const START = join(root, 'scripts/start.ts');

/** What `npm start` logged (JSON lines on stderr) until it said Ready, then stopped with SIGTERM. */
async function startUntilReady(env: NodeJS.ProcessEnv): Promise<{ message: string; service?: string }[]> {
  const child = spawn(tsx, [START], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (/Ready in/.test(stdout)) resolve();
    });
    void exited.then((code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${stdout}\n${stderr}`)));
  });
  child.kill('SIGTERM');
  await exited;
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { message: string; service?: string });
}

describe('npm start given the benchmark switches', () => {
  it('turns policies and the disclosure log off in each of its subgraphs, saying so for each', { timeout: 120_000 }, async () => {
    const ports: Record<string, string> = { PORT: String(await unusedPort()) };
    for (const service of SUBGRAPH_SERVICES) ports[`${envPrefix(service.name)}_PORT`] = String(await unusedPort());
    const databases = Object.fromEntries(SUBGRAPH_SERVICES.map((service) => [`${envPrefix(service.name)}_DATABASE_URL`, undefined]));
    const logged = await startUntilReady(
      childEnvironment({
        ...ports,
        ...databases,
        DATABASE_URL: undefined,
        PGLITE_DATA_DIR: undefined,
        NODE_ENV: undefined,
        LOG_LEVEL: 'error',
        SEED: '20250701',
        SEED_SCALE: '50',
        UNSAFE_BENCHMARK_WITHOUT_POLICIES: '1',
        UNSAFE_BENCHMARK_WITHOUT_DISCLOSURE_LOG: '1',
      }),
    );
    const saidFor = (start: string) => logged.filter((entry) => entry.message.startsWith(start)).map((entry) => entry.service).sort();
    const everyService = SUBGRAPH_SERVICES.map((service) => service.name).sort();
    expect(saidFor('POLICIES ARE OFF')).toEqual(everyService);
    expect(saidFor('DISCLOSURE LOG IS OFF')).toEqual(everyService);
  });
});
