// What a policy change does to access, in sentences a security officer reads, and whether it widens
// anything. Compares the compiled tables (the ones decideAccess reads), so a change is judged by its
// effect, not by how the YAML was rewritten. Fail closed: a change is narrowing only when every rule
// after it is covered by one rule before it (no more roles, agencies or purposes, no condition
// dropped); anything this file cannot prove narrower counts as widening.
import type { CompiledField, CompiledPolicies, CompiledRule } from './compilePolicies.ts';
import { CLASSIFICATIONS, UNTIL_RELEASED } from './PolicyDocument.ts';

export interface PolicyChange {
  /** True when the change gives someone access they did not have. */
  widening: boolean;
  text: string;
  /** The same change as data, for a reader who words it in another language (absent on changes recorded before it existed). */
  detail?: PolicyChangeDetail;
}

/** A rule as a change names it: who, on which conditions, under which basis, and the groups of the fields it reaches. */
export interface RuleDetail {
  id: string;
  mayRead: string[];
  roles: string[] | null;
  anyone: boolean;
  agencies: string[] | null;
  purposes: string[] | null;
  legalBasis: string;
  ownRecord: boolean;
  consentPurposes: string[] | null;
  onSubjectRequest: boolean;
  requiresCaseId: boolean;
  requiresConnection: boolean;
  restricted: { legalBasis: string; notifyAfter: string } | null;
}

export interface PolicyChangeDetail {
  kind: 'reader-added' | 'reader-removed' | 'classified' | 'subject-changed' | 'switched-on' | 'switched-off' | 'test-case-removed' | 'more';
  policy: string | null;
  /** Type.field of every field the change reaches. */
  fields: string[];
  rule: RuleDetail | null;
  /** classified: the level now, and the level before (null for a new field). */
  level: string | null;
  was: string | null;
  /** switched-on, switched-off: the field group, since when it is (or was) off, and its notice. */
  group: string | null;
  since: string | null;
  notice: string | null;
  /** test-case-removed: the case's name and its file. */
  testCase: string | null;
  file: string | null;
  /** more: how many changes were left out. */
  count: number | null;
}

/** A detail with only what `kind` needs set: the rest null. */
export function changeDetail(kind: PolicyChangeDetail['kind'], set: Partial<PolicyChangeDetail> = {}): PolicyChangeDetail {
  return { kind, policy: null, fields: [], rule: null, level: null, was: null, group: null, since: null, notice: null, testCase: null, file: null, count: null, ...set };
}

function ruleDetail(rule: CompiledRule): RuleDetail {
  return {
    id: rule.id,
    mayRead: [],
    roles: rule.roles && !rule.anyone ? sorted(rule.roles) : null,
    anyone: rule.anyone === true,
    agencies: rule.agencies ? sorted(rule.agencies) : null,
    purposes: rule.purposes ? sorted(rule.purposes) : null,
    legalBasis: rule.legalBasis,
    ownRecord: rule.ownRecord,
    consentPurposes: rule.consentPurposes ? sorted(rule.consentPurposes) : null,
    onSubjectRequest: rule.onSubjectRequest,
    requiresCaseId: rule.requiresCaseId === true,
    requiresConnection: rule.requiresConnection,
    restricted: rule.restricted ? { legalBasis: rule.restricted.legalBasis, notifyAfter: rule.restricted.notifyAfter } : null,
  };
}

const KNOWN_RULE_KEYS = new Set(['id', 'roles', 'anyone', 'agencies', 'purposes', 'legalBasis', 'ownRecord', 'consentPurposes', 'onSubjectRequest', 'requiresCaseId', 'requiresConnection', 'restricted']);
const KNOWN_FIELD_KEYS = new Set(['policy', 'owner', 'type', 'field', 'group', 'level', 'rules', 'dataDependent', 'subjectFields', 'subjectFromEnclosingRecord', 'disabled']);

/** null (anyone) covers everything; a set covers its subsets. */
function setCovers(wider: ReadonlySet<string> | null, narrower: ReadonlySet<string> | null): boolean {
  if (wider === null) return true;
  if (narrower === null) return false;
  return [...narrower].every((item) => wider.has(item));
}

function comparable(value: unknown): string {
  return JSON.stringify(value, (_, inner) => (inner instanceof Set ? [...inner].sort() : inner));
}

/** Keys other modules may add to a compiled rule or field: any difference in them is treated as widening. */
function otherKeysEqual(a: object, b: object, known: ReadonlySet<string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => !known.has(key)));
  return [...keys].every((key) => comparable((a as Record<string, unknown>)[key]) === comparable((b as Record<string, unknown>)[key]));
}

/** True when `wider` allows, to anyone, at least everything `narrower` allows. */
export function ruleCovers(wider: CompiledRule, narrower: CompiledRule): boolean {
  return (
    // A rule open to anyone (with or without a token) covers every caller; only such a rule covers one.
    (wider.anyone === true || (narrower.anyone !== true && setCovers(wider.roles, narrower.roles))) &&
    setCovers(wider.agencies, narrower.agencies) &&
    setCovers(wider.purposes, narrower.purposes) &&
    (!wider.ownRecord || narrower.ownRecord) &&
    (!wider.onSubjectRequest || narrower.onSubjectRequest) &&
    (wider.consentPurposes === null || (narrower.consentPurposes !== null && setCovers(wider.consentPurposes, narrower.consentPurposes))) &&
    (!wider.requiresCaseId || narrower.requiresCaseId === true) &&
    (!wider.requiresConnection || narrower.requiresConnection === true) &&
    // Hiding disclosures from the data subject takes a right away from them: only a rule that hid as much covers it.
    (!narrower.restricted || (!!wider.restricted && (wider.restricted.notifyAfter === UNTIL_RELEASED || comparable(wider.restricted) === comparable(narrower.restricted)))) &&
    otherKeysEqual(wider, narrower, KNOWN_RULE_KEYS)
  );
}

function list(items: string[], limit = 6, noun = ''): string {
  const shown = items.length > limit ? [...items.slice(0, limit), `${items.length - limit} more${noun}`] : items;
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

const plural = (role: string) => `${role.replace(/-/g, ' ')}s`;
const sorted = (set: ReadonlySet<string>) => [...set].sort();

/** "so-tai-chinh officers", "anyone signed in", "all citizens", "anyone at so-tu-phap". */
function whoOf(rule: CompiledRule): string {
  if (rule.anyone) return 'anyone, with or without a token';
  const roles = rule.roles ? list(sorted(rule.roles).map(plural)) : null;
  const agencies = rule.agencies ? list(sorted(rule.agencies), 6, ' agencies') : null;
  if (!roles && !agencies) return 'anyone signed in';
  if (!roles) return `anyone at ${agencies}`;
  if (!agencies) return `all ${roles}`;
  return `${agencies} ${roles}`;
}

function conditionsOf(rule: CompiledRule): string {
  const parts: string[] = [];
  if (rule.purposes) parts.push(` for ${list(sorted(rule.purposes)).replace(/ and /g, ' or ')}`);
  if (rule.ownRecord) parts.push(' (their own records only)');
  if (rule.consentPurposes) parts.push(` with the data subject's consent for ${list(sorted(rule.consentPurposes)).replace(/ and /g, ' or ')}`);
  if (rule.onSubjectRequest) parts.push(" on the data subject's request");
  if (rule.requiresCaseId) parts.push(' naming a case');
  if (rule.requiresConnection) parts.push(' with an approved connection');
  if (rule.restricted) {
    const until = rule.restricted.notifyAfter === UNTIL_RELEASED ? 'until an oversight officer releases it' : `for ${rule.restricted.notifyAfter}`;
    parts.push(`, hidden from the data subject ${until} (${rule.restricted.legalBasis})`);
  }
  for (const [key, value] of Object.entries(rule)) {
    if (!KNOWN_RULE_KEYS.has(key) && value !== null && value !== undefined && value !== false) parts.push(` (${key}: ${comparable(value)})`);
  }
  return parts.join('');
}

const levelRank = (level: string) => CLASSIFICATIONS.indexOf(level as (typeof CLASSIFICATIONS)[number]);

/**
 * Every difference in access between two compiled policy sets (subgraph -> policies), grouped so that a
 * rule reaching many fields is one sentence. Widening sentences come first.
 */
export function diffPolicies(before: ReadonlyMap<string, CompiledPolicies>, after: ReadonlyMap<string, CompiledPolicies>): PolicyChange[] {
  // One sentence per template ("{fields}" and "{is}" filled in), listing every field it applies to.
  const grouped = new Map<string, { widening: boolean; template: string; fields: string[]; groups: Set<string>; detail: PolicyChangeDetail }>();
  const add = (widening: boolean, template: string, field: CompiledField, key: string, detail: PolicyChangeDetail) => {
    const id = `${widening}\0${template}`;
    const entry = grouped.get(id) ?? { widening, template, fields: [], groups: new Set<string>(), detail };
    if (!entry.fields.includes(key)) entry.fields.push(key);
    entry.groups.add(field.group);
    grouped.set(id, entry);
  };
  const subgraphs = new Set([...before.keys(), ...after.keys()]);
  for (const subgraph of [...subgraphs].sort()) {
    const old = before.get(subgraph)?.fields ?? new Map<string, CompiledField>();
    const next = after.get(subgraph)?.fields ?? new Map<string, CompiledField>();
    for (const [key, field] of next) {
      const was = old.get(key);
      const policy = field.policy;
      if (!was || levelRank(field.level) < levelRank(was.level)) {
        add(true, `{fields} {is} now classified ${field.level}${was ? ` (was ${was.level})` : ' (new field)'}`, field, key, changeDetail('classified', { policy, level: field.level, was: was?.level ?? null }));
      } else if (levelRank(field.level) > levelRank(was.level)) {
        add(false, `{fields} {is} now classified ${field.level} (was ${was.level})`, field, key, changeDetail('classified', { policy, level: field.level, was: was.level }));
      }
      if (was && (comparable(was.subjectFields) !== comparable(field.subjectFields) || was.subjectFromEnclosingRecord !== field.subjectFromEnclosingRecord || !otherKeysEqual(was, field, KNOWN_FIELD_KEYS))) {
        add(true, `{fields}: the data subject or disclosure settings changed (${field.policy})`, field, key, changeDetail('subject-changed', { policy }));
      }
      // Switching a sharing service back on gives its callers their access again; switching it off only takes it away.
      if (was?.disabled && !field.disabled) {
        add(true, `{fields} {is} switched on again (${field.policy}:${field.group}, off since ${was.disabled.since})`, field, key, changeDetail('switched-on', { policy, group: field.group, since: was.disabled.since }));
      } else if (field.disabled && (!was || comparable(was.disabled) !== comparable(field.disabled))) {
        add(false, `{fields} {is} switched off since ${field.disabled.since}: "${field.disabled.notice}" (${field.policy}:${field.group})`, field, key, changeDetail('switched-off', { policy, group: field.group, since: field.disabled.since, notice: field.disabled.notice }));
      }
      const oldRules = was?.rules ?? [];
      for (const rule of field.rules) {
        if (!oldRules.some((old) => ruleCovers(old, rule))) {
          add(true, `${whoOf(rule)} may now read {fields}${conditionsOf(rule)} (rule ${rule.id} of ${field.policy})`, field, key, changeDetail('reader-added', { policy, rule: ruleDetail(rule) }));
        }
      }
      for (const rule of oldRules) {
        if (!field.rules.some((kept) => ruleCovers(kept, rule))) {
          add(false, `${whoOf(rule)} may no longer read {fields}${conditionsOf(rule)} (rule ${rule.id} of ${field.policy})`, field, key, changeDetail('reader-removed', { policy, rule: ruleDetail(rule) }));
        }
      }
    }
  }
  const changes = [...grouped.values()].map(({ widening, template, fields, groups, detail }) => ({
    widening,
    text: template.replace('{fields}', list(fields.sort(), 12, ' fields')).replace('{is}', fields.length > 1 ? 'are' : 'is'),
    detail: { ...detail, fields, rule: detail.rule && { ...detail.rule, mayRead: [...groups].sort() } },
  }));
  return [...changes.filter((change) => change.widening), ...changes.filter((change) => !change.widening)];
}
