import { describe, expect, it } from 'vitest';
import { callBudget, inSeconds, startDeadline } from './requestDeadline.ts';

describe('a subgraph call within the request deadline', () => {
  it('may take its own timeout while the deadline is further away', () => {
    expect(callBudget(startDeadline(30_000), 10_000)).toEqual({ ms: 10_000, limitedBy: 'call' });
  });

  it('is cut to the time left when the deadline is nearer', () => {
    const budget = callBudget(startDeadline(3000), 10_000);
    expect(budget.limitedBy).toBe('deadline');
    expect(budget.ms).toBeGreaterThan(0);
    expect(budget.ms).toBeLessThanOrEqual(3000);
  });

  it('is not made once the deadline has passed', () => {
    const passed = { at: performance.now() - 5, totalMs: 1000 };
    expect(callBudget(passed, 10_000)).toMatchObject({ limitedBy: 'deadline' });
    expect(callBudget(passed, 10_000).ms).toBeLessThanOrEqual(0);
  });

  it('names durations as a person reads them', () => {
    expect([inSeconds(10_000), inSeconds(2500), inSeconds(250)]).toEqual(['10 s', '2.5 s', '0.25 s']);
  });
});
