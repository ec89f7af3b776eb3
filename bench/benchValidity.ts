// Whether a run measured the product or the machine's other work: ratios from a shared machine are
// not results (issue 13: "a warning, and no ratio printed as a result, when other work shared the machine").
import { percent, type LoadSample } from './machineLoad.ts';

export interface Validity {
  valid: boolean;
  /** Why not, one sentence each; empty when valid. */
  reasons: string[];
}

export interface ValidityInput {
  /** Above this share of the machine's CPU (0..1), other work makes a run invalid. */
  otherWorkLimit: number;
  samples: readonly LoadSample[];
  runs: readonly { target: string; connections: number; otherShare: number }[];
}

export function validityOf(input: ValidityInput): Validity {
  const reasons: string[] = [];
  // The load average is reported, not judged: it still counts work that ended up to a minute before
  // (the run before this one, a test just finished), which the CPU samples below do not.
  for (const sample of input.samples) {
    if (sample.otherShare > input.otherWorkLimit) {
      reasons.push(`other work used ${percent(sample.otherShare)} of the machine's CPU ${sample.when} (limit ${percent(input.otherWorkLimit)})`);
    }
    // Our own services busy with no load (a restart's recount): every target would share the machine with them.
    if (sample.ourShare !== undefined && sample.ourShare > input.otherWorkLimit) {
      reasons.push(`our services used ${percent(sample.ourShare)} of the machine's CPU with no load running, ${sample.when} (limit ${percent(input.otherWorkLimit)})`);
    }
  }
  for (const run of input.runs) {
    if (run.otherShare > input.otherWorkLimit) {
      reasons.push(`other work used ${percent(run.otherShare)} of the machine's CPU during ${run.target} at ${run.connections} connections (limit ${percent(input.otherWorkLimit)})`);
    }
  }
  return { valid: reasons.length === 0, reasons };
}
