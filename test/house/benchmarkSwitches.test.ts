// The benchmark's switches that turn a subgraph's policies or its disclosure log off act the same however
// the subgraph starts: alone (`npm run start:subgraph`, the bench's split stacks) or with the others
// (`npm start`, the one box). A one box measured "without controls" that silently kept them would give a
// wrong figure. Development mode: a production start refuses the switches (test/production). A real
// `npm start` (`tsx scripts/start.ts`) on embedded databases in memory, a small province, ports of its own.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnvironment } from '../../shared/config/childEnvironment.ts';
import { envPrefix, SUBGRAPH_SERVICES } from '../../shared/config/services.ts';
import { startService, stopService, untilPrinted } from '../support/serviceProcess.ts';
import { unusedPort } from '../support/unusedPort.ts';

const START = join(new URL('../../', import.meta.url).pathname, 'scripts/start.ts');

describe('npm start given the benchmark switches', () => {
  it('turns policies and the disclosure log off in each of its subgraphs, saying so for each', { timeout: 120_000 }, async () => {
    const ports = { PORT: String(await unusedPort()), ...Object.fromEntries(SUBGRAPH_SERVICES.map((service) => [`${envPrefix(service.name)}_PORT`, '0'])) };
    const databases = Object.fromEntries(SUBGRAPH_SERVICES.map((service) => [`${envPrefix(service.name)}_DATABASE_URL`, undefined]));
    const stack = startService(
      START,
      [],
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
    try {
      await untilPrinted('Ready in', stack);
    } finally {
      await stopService(stack);
    }
    // Its log lines (JSON, on stderr).
    const logged = stack
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { message: string; service?: string });
    const saidFor = (start: string) => logged.filter((entry) => entry.message.startsWith(start)).map((entry) => entry.service).sort();
    const everyService = SUBGRAPH_SERVICES.map((service) => service.name).sort();
    expect(saidFor('POLICIES ARE OFF')).toEqual(everyService);
    expect(saidFor('DISCLOSURE LOG IS OFF')).toEqual(everyService);
  });
});
