// Counts the operations this subgraph executed, for /metrics (operators and the benchmark).
import type { Stage } from './Stage.ts';

export interface OperationCounter {
  operations: number;
}

export function countOperations(counter: OperationCounter): Stage<unknown> {
  return (_call, next) => {
    counter.operations += 1;
    return next({});
  };
}
