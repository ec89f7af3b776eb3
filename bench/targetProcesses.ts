// Which processes serve a target: a gateway and its six subgraphs (named by agency), or the raw baseline.
import { SUBGRAPH_SERVICES } from '../shared/config/services.ts';
import type { TargetProcess } from './cpuAccounting.ts';
import type { RunningService } from './startServices.ts';

/** startServices starts each stack's subgraphs in SUBGRAPH_SERVICES order. */
export function stackProcesses(stack: { gateway: RunningService; subgraphs: RunningService[] }): TargetProcess[] {
  return [
    { name: 'gateway', role: 'gateway', pgid: stack.gateway.child.pid },
    ...stack.subgraphs.map((subgraph, index): TargetProcess => ({ name: SUBGRAPH_SERVICES[index].name, role: 'subgraph', pgid: subgraph.child.pid })),
  ];
}

export function baselineProcesses(baseline: RunningService): TargetProcess[] {
  return [{ name: 'raw baseline', role: 'baseline', pgid: baseline.child.pid }];
}
