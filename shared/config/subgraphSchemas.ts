// Each agency's schema file, read without starting (or importing) the agency: composition, policy
// checks and the policy console all need every schema at once.
import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { SUBGRAPH_SERVICES } from './services.ts';

export function subgraphSchemaPath(name: string): URL {
  return new URL(`../../subgraphs/${name}/${name}.graphql`, import.meta.url);
}

let typeDefs: Array<{ name: string; typeDefs: DocumentNode }> | undefined;

/** Read once per process: a schema changes only with a deploy, while policies change at run time. */
export function subgraphTypeDefs(): Array<{ name: string; typeDefs: DocumentNode }> {
  typeDefs ??= SUBGRAPH_SERVICES.map((service) => ({ name: service.name, typeDefs: parse(readFileSync(subgraphSchemaPath(service.name), 'utf8')) }));
  return typeDefs;
}
