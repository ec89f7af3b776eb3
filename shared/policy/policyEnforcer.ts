// Keeps a subgraph's enforced schema in step with its policy files: a valid change is in force within
// a second; an invalid one is refused (logged with file and line) and the last good policy stays.
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { logError, logInfo } from '../logging/log.ts';
import { formatProblems, loadSubgraphPolicies, policyDir } from './loadSubgraphPolicies.ts';
import { shieldFromPolicies } from './shieldFromPolicies.ts';
import type { CompiledPolicies } from './compilePolicies.ts';

export interface PolicyEnforcer {
  schema(): GraphQLSchema;
  policies(): CompiledPolicies;
  version(): string;
  close(): void;
}

const RELOAD_DELAY_MS = 100;

export function createPolicyEnforcer(subgraph: string, baseSchema: GraphQLSchema, dir = policyDir()): PolicyEnforcer {
  const first = loadSubgraphPolicies(subgraph, baseSchema, dir);
  if (!first.compiled) throw new Error(`The ${subgraph} policies are invalid:\n${formatProblems(first.problems)}`);
  let current = { compiled: first.compiled, version: first.version, schema: shieldFromPolicies(baseSchema, first.compiled) };

  const reload = () => {
    const next = loadSubgraphPolicies(subgraph, baseSchema, dir);
    if (next.version === current.version) return;
    if (!next.compiled) {
      logError('policy change refused; the last good policy stays in force', { service: subgraph, version: current.version, problems: formatProblems(next.problems) });
      return;
    }
    current = { compiled: next.compiled, version: next.version, schema: shieldFromPolicies(baseSchema, next.compiled) };
    logInfo('policy reloaded', { service: subgraph, version: next.version });
  };
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        reload();
      } catch (error) {
        logError('policy reload failed; the last good policy stays in force', { service: subgraph, error });
      }
    }, RELOAD_DELAY_MS);
  };
  const watchers: FSWatcher[] = [dir, join(dir, subgraph)].map((path) => watch(path, schedule));

  return {
    schema: () => current.schema,
    policies: () => current.compiled,
    version: () => current.version,
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
