// Composes the static supergraph from each agency's schema file, offline (no introspection at runtime,
// no Rover download). `npm run compose` writes it; a test fails when the committed file is stale.
import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPH_SERVICES } from '../shared/config/services.ts';

export function subgraphSchemaPath(name: string): URL {
  return new URL(`../subgraphs/${name}/${name}.graphql`, import.meta.url);
}

export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPH_SERVICES.map((service) => ({
      name: service.name,
      url: `http://127.0.0.1:${service.defaultPort}/graphql`,
      typeDefs: parse(readFileSync(subgraphSchemaPath(service.name), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}
