// Every agency subgraph, by service name.
import type { SubgraphDefinition } from '../shared/subgraph/SubgraphDefinition.ts';
import { populationSubgraph } from './population/src/populationSubgraph.ts';

export const SUBGRAPHS: Record<string, SubgraphDefinition<any>> = {
  population: populationSubgraph,
};
