// Field groups as consents and subject requests name them: `<policy>:<group>`, e.g.
// `population.citizen:identity`. The shield checks a grant against this id, and the platform lists
// the groups a citizen can grant from the same policies.
import type { CompiledField, CompiledPolicies } from './compilePolicies.ts';
import type { Classification } from './PolicyDocument.ts';

export function fieldGroupId(field: CompiledField): string {
  return `${field.policy}:${field.group}`;
}

/** A group of fields one policy declares, named `<policy>:<group>` across the province. */
export interface FieldGroup {
  id: string;
  level: Classification;
  /** Type.field of each field of the group that `keep` accepted. */
  fields: string[];
  members: CompiledField[];
}

/** The groups of the policies in force with a field that `keep` accepts (only those fields), by id. */
export function fieldGroupsWhere(policies: ReadonlyMap<string, CompiledPolicies>, keep: (field: CompiledField) => boolean): FieldGroup[] {
  const groups = new Map<string, FieldGroup>();
  for (const compiled of policies.values()) {
    for (const field of compiled.fields.values()) {
      if (!keep(field)) continue;
      const id = fieldGroupId(field);
      const group = groups.get(id) ?? { id, level: field.level, fields: [], members: [] };
      group.fields.push(`${field.type}.${field.field}`);
      group.members.push(field);
      groups.set(id, group);
    }
  }
  return [...groups.values()].sort((a, b) => a.id.localeCompare(b.id));
}
