export * from './SubgraphDefinition.ts';
export * from './startSubgraph.ts';
