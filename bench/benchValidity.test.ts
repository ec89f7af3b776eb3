// When the bench must say its figures are not results: the machine was loaded before, or other work took
// more than the limit of its CPU before or during a measured run.
import { describe, expect, it } from 'vitest';
import { validityOf, type ValidityInput } from './benchValidity.ts';

const quiet: ValidityInput = {
  cpus: 2,
  loadAverageAtStart: 0.3,
  otherWorkLimit: 0.1,
  samples: [{ when: 'before our services started', loadAverage: 0.3, seconds: 3, otherShare: 0.02 }],
  runs: [
    { target: 'gateway', connections: 10, otherShare: 0.03 },
    { target: 'raw-sql', connections: 10, otherShare: 0.05 },
  ],
};

describe('whether a bench run measured the product alone', () => {
  it('is valid on a quiet machine', () => {
    expect(validityOf(quiet)).toEqual({ valid: true, reasons: [] });
  });

  it('is not valid when the load average before the start was above half the cores', () => {
    expect(validityOf({ ...quiet, loadAverageAtStart: 1.2 })).toEqual({
      valid: false,
      reasons: ['the load average was 1.2 on 2 cores before our services started (limit 1)'],
    });
  });

  it('is not valid when other work took more than the limit during one measured run, and says which', () => {
    const runs = [...quiet.runs, { target: 'gateway', connections: 50, otherShare: 0.25 }];
    expect(validityOf({ ...quiet, runs })).toEqual({
      valid: false,
      reasons: ["other work used 25% of the machine's CPU during gateway at 50 connections (limit 10%)"],
    });
  });

  it('is not valid when other work took more than the limit in a sample before measuring', () => {
    const samples = [...quiet.samples, { when: 'after the warm-up, just before measuring', loadAverage: 1.9, seconds: 3, otherShare: 0.4 }];
    expect(validityOf({ ...quiet, samples }).reasons).toEqual([
      "other work used 40% of the machine's CPU after the warm-up, just before measuring (limit 10%)",
    ]);
  });
});
