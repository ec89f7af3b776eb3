// Every agency subgraph, by service name.
import type { SubgraphDefinition } from '../shared/subgraph/SubgraphDefinition.ts';
import { businessSubgraph } from './business/src/businessSubgraph.ts';
import { civilStatusSubgraph } from './civil-status/src/civilStatusSubgraph.ts';
import { landSubgraph } from './land/src/landSubgraph.ts';
import { platformSubgraph } from './platform/src/platformSubgraph.ts';
import { populationSubgraph } from './population/src/populationSubgraph.ts';
import { socialSubgraph } from './social/src/socialSubgraph.ts';

export const SUBGRAPHS: Record<string, SubgraphDefinition<any>> = {
  population: populationSubgraph,
  'civil-status': civilStatusSubgraph,
  business: businessSubgraph,
  land: landSubgraph,
  social: socialSubgraph,
  platform: platformSubgraph,
};
