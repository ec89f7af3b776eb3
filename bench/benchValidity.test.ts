// When the bench must say its figures are not results: other work took more than the limit of the
// machine's CPU before or during a measured run.
import { describe, expect, it } from 'vitest';
import { validityOf, type ValidityInput } from './benchValidity.ts';

const quiet: ValidityInput = {
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

  it('judges by what other work used of the CPU, not by a load average that still counts the minute before', () => {
    const samples = [{ when: 'before our services started', loadAverage: 1.2, seconds: 3, otherShare: 0.01 }];
    expect(validityOf({ ...quiet, samples })).toEqual({ valid: true, reasons: [] });
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

  it('is not valid when our own services were busy with no load running, as after a restart\'s recount', () => {
    const samples = [...quiet.samples, { when: 'after the warm-up, just before measuring', loadAverage: 3.1, seconds: 3, otherShare: 0.01, ourShare: 0.34 }];
    expect(validityOf({ ...quiet, samples }).reasons).toEqual([
      "our services used 34% of the machine's CPU with no load running, after the warm-up, just before measuring (limit 10%)",
    ]);
    const settled = [...quiet.samples, { ...samples[1], ourShare: 0.04 }];
    expect(validityOf({ ...quiet, samples: settled })).toEqual({ valid: true, reasons: [] });
  });
});
