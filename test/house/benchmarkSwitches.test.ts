// The benchmark's switches that turn a subgraph's policies or its disclosure log off act the same however
// the subgraph starts: alone (`npm run start:subgraph`, the bench's split stacks) or with the others
// (`npm start`, the one box). A one box measured "without controls" that silently kept them would give a
// wrong figure. Development mode: a production start refuses the switches (test/production). A real
// `npm start` (`node --import tsx scripts/start.ts`) on embedded databases in memory, a small province, ports of its own.
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_SERVICES } from '../../shared/config/services.ts';
import { inMemoryStackEnvironment, loggedEntries, NPM_START, startService, stopService, untilPrinted } from '../support/serviceProcess.ts';

describe('npm start given the benchmark switches', () => {
  it('turns policies and the disclosure log off in each of its subgraphs, saying so for each', { timeout: 120_000 }, async () => {
    const stack = startService(
      NPM_START,
      [],
      inMemoryStackEnvironment({ UNSAFE_BENCHMARK_WITHOUT_POLICIES: '1', UNSAFE_BENCHMARK_WITHOUT_DISCLOSURE_LOG: '1' }),
    );
    try {
      await untilPrinted('Ready in', stack);
    } finally {
      await stopService(stack);
    }
    const logged = loggedEntries(stack);
    const saidFor = (start: string) => logged.filter((entry) => entry.message.startsWith(start)).map((entry) => entry.service).sort();
    const everyService = SUBGRAPH_SERVICES.map((service) => service.name).sort();
    expect(saidFor('POLICIES ARE OFF')).toEqual(everyService);
    expect(saidFor('DISCLOSURE LOG IS OFF')).toEqual(everyService);
  });
});
