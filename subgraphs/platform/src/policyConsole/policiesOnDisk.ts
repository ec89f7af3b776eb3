import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { subgraphTypeDefs } from '../../../../shared/config/subgraphSchemas.ts';
import type { CompiledPolicies } from '../../../../shared/policy/compilePolicies.ts';
import { policySchemaOf } from '../../../../shared/policy/checkSubgraphPolicies.ts';
import { loadSubgraphPolicies } from '../../../../shared/policy/loadSubgraphPolicies.ts';

/** Names, sizes and change times of every file the policies are read from: cheap to take, and it changes with any edit. */
function fingerprintOf(dir: string): string {
  const parts: string[] = [];
  const add = (path: string) => {
    const stat = statSync(path);
    parts.push(`${path}:${stat.size}:${stat.mtimeMs}`);
  };
  if (existsSync(join(dir, 'agency-groups.yaml'))) add(join(dir, 'agency-groups.yaml'));
  for (const { name } of subgraphTypeDefs()) {
    const folder = join(dir, name);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).sort()) add(join(folder, file));
  }
  return parts.join('\n');
}

let last: { dir: string; fingerprint: string; policies: Map<string, CompiledPolicies> } | undefined;

/**
 * Every agency's policies as they are in force now (the folder the subgraphs watch). Compiling them
 * takes a few hundred milliseconds, so the result is kept until a file changes.
 */
export function policiesOnDisk(dir: string): Map<string, CompiledPolicies> {
  const fingerprint = fingerprintOf(dir);
  if (last && last.dir === dir && last.fingerprint === fingerprint) return last.policies;
  const policies = new Map<string, CompiledPolicies>();
  for (const { name, typeDefs } of subgraphTypeDefs()) {
    const loaded = loadSubgraphPolicies(name, policySchemaOf(typeDefs), dir);
    if (loaded.compiled) policies.set(name, loaded.compiled);
  }
  last = { dir, fingerprint, policies };
  return policies;
}
