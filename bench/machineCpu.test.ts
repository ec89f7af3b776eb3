import { describe, expect, it } from 'vitest';
import { parseMachineCpu } from './machineCpu.ts';
import { CLOCK_TICKS_PER_SECOND } from './processCpu.ts';

describe('the machine\'s CPU from /proc/stat', () => {
  it('counts user, nice, system, irq, softirq and steal as busy, and idle and iowait on top as the total', () => {
    const text = 'cpu  100 20 30 400 50 6 7 8 9 10\ncpu0 50 10 15 200 25 3 3 4 4 5\nintr 1 2 3\n';
    const tick = 1000 / CLOCK_TICKS_PER_SECOND;
    expect(parseMachineCpu(text)).toEqual({ busyMs: (100 + 20 + 30 + 6 + 7 + 8) * tick, totalMs: (100 + 20 + 30 + 6 + 7 + 8 + 400 + 50) * tick });
  });
});
