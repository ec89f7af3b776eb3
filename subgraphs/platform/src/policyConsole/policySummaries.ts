// One register's policies in force as structured rules (who, what, why, on which conditions), for the
// console to word in the reader's language. Read by the parser every subgraph uses (readPolicyFiles);
// agency groups are expanded to the agencies they name, as compilePolicies expands them.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { SUBGRAPH_SERVICES } from '../../../../shared/config/services.ts';
import { ANYONE, ANY_SIGNED_IN, type PolicyRule } from '../../../../shared/policy/PolicyDocument.ts';
import { POLICY_SUFFIX, POLICY_TEST_SUFFIX, readPolicyFiles } from '../../../../shared/policy/readPolicyFiles.ts';

function agenciesOf(rule: PolicyRule, groups: Record<string, string[]>): string[] | null {
  if (!rule.agencies) return null;
  return [...new Set(rule.agencies.flatMap((entry) => (entry.startsWith('group:') ? (groups[entry.slice(6)] ?? []) : [entry])))];
}

function ruleSummary(rule: PolicyRule, groups: Record<string, string[]>) {
  const roles = rule.roles?.filter((role) => role !== ANY_SIGNED_IN && role !== ANYONE) ?? [];
  return {
    id: rule.id,
    mayRead: rule.may_read,
    // Null: any signed-in caller (or anyone at all, with `anyone`).
    roles: roles.length ? roles : null,
    anyone: rule.roles?.includes(ANYONE) === true,
    agencies: agenciesOf(rule, groups),
    purposes: rule.purposes ?? null,
    legalBasis: rule.legal_basis,
    ownRecord: rule.own_record === true,
    consentPurposes: rule.consent_purposes ?? null,
    onSubjectRequest: rule.on_subject_request === true,
    requiresCaseId: rule.requires_case_id === true,
    requiresConnection: rule.requires_connection === true,
    restricted: rule.restricted ? { legalBasis: rule.restricted.legal_basis, notifyAfter: rule.restricted.notify_after } : null,
  };
}

export function policySummaries(dir: string, subgraph: string) {
  if (!SUBGRAPH_SERVICES.some((service) => service.name === subgraph)) {
    throw badUserInput(`Unknown register "${subgraph}": one of ${SUBGRAPH_SERVICES.map((service) => service.name).join(', ')}`, 'subgraph');
  }
  const set = readPolicyFiles(dir, subgraph);
  return set.files.map(({ file, document }) => {
    const path = `${subgraph}/${basename(file)}`;
    const testPath = path.replace(POLICY_SUFFIX, POLICY_TEST_SUFFIX);
    return {
      path,
      testPath: existsSync(join(dir, testPath)) ? testPath : null,
      policy: document.policy,
      about: document.about,
      owner: document.owner,
      type: document.type,
      fieldGroups: Object.entries(document.field_groups).map(([name, group]) => ({
        name,
        level: group.level,
        fields: group.fields,
        disabledSince: group.disabled?.since ?? null,
        disabledNotice: group.disabled?.notice ?? null,
      })),
      rules: document.rules.map((rule) => ruleSummary(rule, set.agencyGroups)),
    };
  });
}
