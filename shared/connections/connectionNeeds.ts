// Which sharing services (field groups) of a subgraph a caller can only read on an approved connection,
// per agency and purpose: read off the compiled policies once per policy version, so a call by any
// other caller costs one map lookup and no registry call.
import type { CompiledPolicies } from '../policy/compilePolicies.ts';
import { fieldGroupId } from '../policy/fieldGroups.ts';

/** `<agency>|<purpose>` -> the field groups some rule for that caller gates with `requires_connection`. */
export type ConnectionNeeds = ReadonlyMap<string, readonly string[]>;

const needsOfPolicies = new WeakMap<CompiledPolicies, ConnectionNeeds>();

export function connectionNeedKey(agency: string, purpose: string): string {
  return `${agency}|${purpose}`;
}

export function connectionNeedsOf(policies: CompiledPolicies): ConnectionNeeds {
  const known = needsOfPolicies.get(policies);
  if (known) return known;
  const groups = new Map<string, Set<string>>();
  for (const field of policies.fields.values()) {
    for (const rule of field.rules) {
      // The policy check makes every such rule name its agencies and purposes.
      if (!rule.requiresConnection || !rule.agencies || !rule.purposes) continue;
      for (const agency of rule.agencies) {
        for (const purpose of rule.purposes) {
          const key = connectionNeedKey(agency, purpose);
          if (!groups.has(key)) groups.set(key, new Set());
          groups.get(key)!.add(fieldGroupId(field));
        }
      }
    }
  }
  const needs: ConnectionNeeds = new Map([...groups].map(([key, set]) => [key, [...set].sort()]));
  needsOfPolicies.set(policies, needs);
  return needs;
}
