// npm start in development publishes the demo's open data just after "Ready": stopped in those seconds, it
// abandons the publication quietly (the next start publishes what is left) and logs no failure.
// A real `npm start` (`node --import tsx scripts/start.ts`) on embedded databases in memory, a small province.
import { describe, expect, it } from 'vitest';
import { inMemoryStackEnvironment, loggedEntries, NPM_START, startService, stopService, untilPrinted } from '../support/serviceProcess.ts';

describe('npm start stopped while it publishes the demo open data', () => {
  it('ends the publication without a failure logged, and exits 0', { timeout: 120_000 }, async () => {
    const stack = startService(NPM_START, [], inMemoryStackEnvironment());
    try {
      await untilPrinted('Ready in', stack);
      await stopService(stack);
    } finally {
      await stopService(stack);
    }
    expect(stack.output()).not.toContain('datasets published for the demo');
    expect(loggedEntries(stack).filter((entry) => entry.level === 'error')).toEqual([]);
    expect(stack.child.exitCode).toBe(0);
  });
});
