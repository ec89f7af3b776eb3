// Checks a subgraph's policies against its GraphQL schema and the platform catalogues, and compiles
// them into a per-field table that decideAccess reads. Deny by default: a field no policy names is an
// error here, so it can never be served by accident.
import { getNamedType, getNullableType, isListType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { KNOWN_ROLES } from '../auth/Principal.ts';
import { findService } from '../config/services.ts';
import { ANY_SIGNED_IN, ANYONE, isPersonalLevel, type Catalogue, type DisabledService, type Restriction, type Classification, type PolicyProblem, type PolicyProblemCode } from './PolicyDocument.ts';
import type { PolicySet } from './readPolicyFiles.ts';

export interface CompiledRule {
  id: string;
  /** Null: any signed-in caller (or anyone, with `anyone`). */
  roles: ReadonlySet<string> | null;
  /** Set (true) for a rule naming the pseudo-role `anyone`: callers without a token too. */
  anyone?: true;
  agencies: ReadonlySet<string> | null;
  purposes: ReadonlySet<string> | null;
  legalBasis: string;
  ownRecord: boolean;
  consentPurposes: ReadonlySet<string> | null;
  /** Applies only with a data subject's open request to give this data to the caller's agency for its case. */
  onSubjectRequest: boolean;
  /** Applies only to a caller naming a case (X-Case-Id). */
  requiresCaseId?: boolean;
  /**
   * Applies only while the caller's agency holds an approved connection covering the field's group for
   * the declared purpose (enforced by the subgraph runtime, not here).
   */
  requiresConnection: boolean;
  /** What the rule discloses is hidden from the data subject until the restriction ends. */
  restricted?: Restriction | null;
}

export interface CompiledField {
  policy: string;
  /** Agency that owns the data (the policy's owner). */
  owner: string;
  type: string;
  field: string;
  group: string;
  level: Classification;
  rules: CompiledRule[];
  /** True when the decision depends on the row (own record, consent): never cached across rows. */
  dataDependent: boolean;
  /** Fields of the same type holding the data subjects (personal ids, or Citizen references). */
  subjectFields: string[];
  /** The subject is the person whose record encloses this value (`subject: enclosing-record`). */
  subjectFromEnclosingRecord: boolean;
  /** The group's sharing service is switched off (`disabled:` in the policy): the notice and since when; null when on. */
  disabled: DisabledService | null;
  /** Set (true) only for `subject: none`: the record concerns no person, so having no subject is not a failure to find one. */
  concernsNoPerson?: true;
}

export interface CompiledPolicies {
  subgraph: string;
  /** `Type.field` -> how to decide it. */
  fields: ReadonlyMap<string, CompiledField>;
  /** `Type.field` of every state-secret field. */
  stateSecrets: ReadonlySet<string>;
}

// Federation's own plumbing: allowed explicitly by the shield, never covered by a policy.
const FEDERATION_TYPES = new Set(['_Service']);
const ENCLOSING_RECORD = 'enclosing-record';
const NO_PERSON = 'none';
const FEDERATION_QUERY_FIELDS = new Set(['_entities', '_service']);

export function policyTypesOf(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__') && !FEDERATION_TYPES.has(type.name),
  );
}

export function policyFieldsOf(type: GraphQLObjectType): GraphQLField<unknown, unknown>[] {
  return Object.values(type.getFields()).filter((field) => !(type.name === 'Query' && FEDERATION_QUERY_FIELDS.has(field.name)));
}

/** A real day of the calendar, written YYYY-MM-DD (the schema checked the shape). */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function compilePolicies(
  set: PolicySet,
  schema: GraphQLSchema,
  catalogue: Catalogue,
  subgraph: string,
): { compiled: CompiledPolicies | null; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [...set.problems];
  const fields = new Map<string, CompiledField>();
  const stateSecrets = new Set<string>();
  const agencyGroups = { ...catalogue.agencyGroups, ...set.agencyGroups };
  const seenTypes = new Map<string, string>();
  const roles = new Set<string>([...KNOWN_ROLES, ANY_SIGNED_IN, ANYONE]);
  // Only the services declared to look the data subjects' own bases up get the consent registry's token.
  const looksUpSubjectBases = findService(subgraph)?.looksUpSubjectBases === true;

  for (const group of Object.entries(set.agencyGroups)) {
    for (const agency of group[1]) {
      if (!catalogue.agencies.includes(agency)) problems.push({ file: 'policies/agency-groups.yaml', line: 1, code: 'UNKNOWN_AGENCY_IN_GROUP', params: { group: group[0], agency }, message: `Group "${group[0]}" names unknown agency "${agency}"` });
    }
  }

  for (const { file, document, lineOf } of set.files) {
    const problem = (path: (string | number)[], code: PolicyProblemCode, params: Record<string, string>, message: string) => problems.push({ file, line: lineOf(path), code, params, message });
    if (!document.policy.startsWith(`${subgraph}.`)) problem(['policy'], 'POLICY_NAME_PREFIX', { subgraph, policy: document.policy }, `The policy name must start with "${subgraph}." (the subgraph this folder belongs to)`);
    if (!catalogue.agencies.includes(document.owner)) problem(['owner'], 'UNKNOWN_AGENCY', { agency: document.owner }, `Unknown agency "${document.owner}"`);
    const type = schema.getType(document.type);
    if (!isObjectType(type) || FEDERATION_TYPES.has(type.name) || type.name.startsWith('__')) {
      problem(['type'], 'UNKNOWN_TYPE', { subgraph, type: document.type }, `The ${subgraph} schema has no type "${document.type}"`);
      continue;
    }
    if (seenTypes.has(type.name)) {
      problem(['type'], 'TYPE_ALREADY_COVERED', { type: type.name, file: seenTypes.get(type.name)! }, `Type "${type.name}" is already covered by ${seenTypes.get(type.name)}`);
      continue;
    }
    seenTypes.set(type.name, file);
    const typeFields = new Map(policyFieldsOf(type).map((field) => [field.name, field]));

    const subjectFields: string[] = [];
    const fromEnclosingRecord = document.subject === ENCLOSING_RECORD;
    const concernsNoPerson = document.subject === NO_PERSON;
    const subjects = document.subject === undefined || fromEnclosingRecord || concernsNoPerson ? [] : Array.isArray(document.subject) ? document.subject : [document.subject];
    subjects.forEach((subject, index) => {
      const at = Array.isArray(document.subject) ? ['subject', index] : ['subject'];
      const field = typeFields.get(subject);
      const named = field ? getNamedType(field.type).name : null;
      if (!field) problem(at, 'UNKNOWN_FIELD', { type: type.name, field: subject }, `Type "${type.name}" has no field "${subject}"`);
      // A list (household members, parcel holders) names its people through ids the row carries (rowSubjects.ts).
      else if (named !== 'ID' && named !== 'String' && named !== 'Citizen' && !isListType(getNullableType(field.type))) {
        problem(at, 'SUBJECT_FIELD_KIND', { field: subject }, `"${subject}" must be a personal id (ID or String), a Citizen, or a list whose people the row carries`);
      } else subjectFields.push(subject);
    });
    // Fail closed: personal data is recorded per person, so a type holding any must say whose it is.
    const personalGroup = Object.entries(document.field_groups).find(([, group]) => isPersonalLevel(group.level));
    if (personalGroup && document.subject === undefined) {
      problem(['field_groups', personalGroup[0]], 'SUBJECT_REQUIRED', { group: personalGroup[0], level: personalGroup[1].level }, `Group "${personalGroup[0]}" is ${personalGroup[1].level}, but the policy names no "subject": say whose data it is (or "subject: none" if the record concerns no person)`);
    }

    const groupOfField = new Map<string, string>();
    for (const [groupName, group] of Object.entries(document.field_groups)) {
      if (group.disabled && !isCalendarDate(group.disabled.since)) {
        problem(['field_groups', groupName, 'disabled', 'since'], 'DISABLED_SINCE_NOT_DATE', { group: groupName, since: group.disabled.since }, `"since" of the disabled group "${groupName}" is not a date (YYYY-MM-DD): "${group.disabled.since}"`);
      }
      group.fields.forEach((fieldName, index) => {
        const at = ['field_groups', groupName, 'fields', index];
        if (!typeFields.has(fieldName)) problem(at, 'UNKNOWN_FIELD', { type: type.name, field: fieldName }, `Type "${type.name}" has no field "${fieldName}"`);
        else if (groupOfField.has(fieldName)) problem(at, 'FIELD_IN_TWO_GROUPS', { field: fieldName, group: groupOfField.get(fieldName)! }, `Field "${fieldName}" is already in group "${groupOfField.get(fieldName)}"`);
        else groupOfField.set(fieldName, groupName);
      });
    }
    for (const fieldName of typeFields.keys()) {
      if (!groupOfField.has(fieldName)) problem(['field_groups'], 'FIELD_IN_NO_GROUP', { type: type.name, field: fieldName }, `Field "${type.name}.${fieldName}" is in no field group: every field needs an explicit decision`);
    }

    const ruleIds = new Set<string>();
    const compiledRules = document.rules.map((rule, index) => {
      const at = (key: string, item?: number) => (item === undefined ? ['rules', index, key] : ['rules', index, key, item]);
      if (ruleIds.has(rule.id)) problem(at('id'), 'RULE_ID_TWICE', { rule: rule.id }, `Rule id "${rule.id}" is used twice`);
      ruleIds.add(rule.id);
      rule.may_read.forEach((groupName, item) => {
        const group = document.field_groups[groupName];
        if (!group) problem(at('may_read', item), 'UNKNOWN_GROUP', { rule: rule.id, group: groupName }, `Unknown field group "${groupName}"`);
        else if (group.level === 'state-secret') problem(at('may_read', item), 'STATE_SECRET_SHARED', { rule: rule.id, group: groupName }, `Rule "${rule.id}" names state-secret group "${groupName}": state secrets are never shared`);
      });
      rule.roles?.forEach((role, item) => {
        if (!roles.has(role)) problem(at('roles', item), 'UNKNOWN_ROLE', { role, known: [...roles].join(', ') }, `Unknown role "${role}" (known: ${[...roles].join(', ')})`);
      });
      const anyone = rule.roles?.includes(ANYONE) === true;
      if (anyone) {
        rule.may_read.forEach((groupName, item) => {
          const group = document.field_groups[groupName];
          if (group && group.level !== 'public') {
            problem(at('may_read', item), 'ANYONE_NOT_PUBLIC', { rule: rule.id, group: groupName, level: group.level }, `Rule "${rule.id}" lets anyone (no token needed) read group "${groupName}", which is ${group.level}: only public groups may be open to anyone`);
          }
        });
        const narrowing = (['agencies', 'purposes', 'own_record', 'consent_purposes', 'on_subject_request', 'requires_case_id', 'requires_connection', 'restricted'] as const).filter((key) => rule[key] !== undefined && rule[key] !== false);
        if (narrowing.length) problem(at('roles'), 'ANYONE_NARROWED', { rule: rule.id, keys: narrowing.join(', ') }, `Rule "${rule.id}" names "anyone", which cannot be narrowed by ${narrowing.join(', ')}: write another rule for signed-in callers`);
      }
      const agencies = new Set<string>();
      rule.agencies?.forEach((entry, item) => {
        if (entry.startsWith('group:')) {
          const members = agencyGroups[entry.slice(6)];
          if (!members) problem(at('agencies', item), 'UNKNOWN_AGENCY_GROUP', { rule: rule.id, group: entry.slice(6) }, `Unknown agency group "${entry.slice(6)}"`);
          else members.forEach((agency) => agencies.add(agency));
        } else if (!catalogue.agencies.includes(entry)) problem(at('agencies', item), 'UNKNOWN_AGENCY', { rule: rule.id, agency: entry }, `Unknown agency "${entry}"`);
        else agencies.add(entry);
      });
      for (const key of ['purposes', 'consent_purposes'] as const) {
        rule[key]?.forEach((purpose, item) => {
          if (!catalogue.purposes.includes(purpose)) problem(at(key, item), 'UNKNOWN_PURPOSE', { rule: rule.id, purpose }, `Unknown purpose "${purpose}"`);
        });
      }
      if (!catalogue.legalBases.includes(rule.legal_basis)) problem(at('legal_basis'), 'UNKNOWN_LEGAL_BASIS', { rule: rule.id, legalBasis: rule.legal_basis }, `Unknown legal basis "${rule.legal_basis}"`);
      if (rule.restricted && !catalogue.legalBases.includes(rule.restricted.legal_basis)) {
        problem(at('restricted'), 'UNKNOWN_RESTRICTION_LEGAL_BASIS', { rule: rule.id, legalBasis: rule.restricted.legal_basis }, `Unknown legal basis "${rule.restricted.legal_basis}" for the restriction`);
      }
      if (rule.requires_connection) {
        if (!rule.agencies || !rule.purposes) {
          problem(at('requires_connection'), 'CONNECTION_NEEDS_AGENCIES_AND_PURPOSES', { rule: rule.id }, `Rule "${rule.id}" requires an approved connection, so it must name the agencies and the purposes the connection is for`);
        }
        if (rule.own_record) problem(at('requires_connection'), 'CONNECTION_WITH_OWN_RECORD', { rule: rule.id }, `Rule "${rule.id}" cannot both require an approved connection and read the caller's own record: write two rules`);
        // The connection lookup travels with the consent registry's token (shared/connections).
        if (!looksUpSubjectBases) {
          problem(at('requires_connection'), 'CONNECTION_NOT_LOOKED_UP', { rule: rule.id, subgraph }, `Rule "${rule.id}" requires an approved connection, which the ${subgraph} service is not set up to look up (looksUpSubjectBases in shared/config/services.ts): it could never apply`);
        }
      }
      if (rule.consent_purposes && rule.on_subject_request) {
        problem(['rules', index], 'CONSENT_WITH_SUBJECT_REQUEST', { rule: rule.id }, `Rule "${rule.id}" cannot need both consent and a subject request: write two rules`);
      }
      if ((rule.consent_purposes || rule.on_subject_request) && !looksUpSubjectBases) {
        problem(['rules', index], 'SUBJECT_BASES_NOT_LOOKED_UP', { rule: rule.id, subgraph }, `Rule "${rule.id}" relies on the data subject's consent or request, which the ${subgraph} service is not set up to look up (looksUpSubjectBases in shared/config/services.ts): it could never apply`);
      }
      // `subject: none` included: a record concerning no person has nobody to consent or to ask.
      if ((rule.own_record || rule.consent_purposes || rule.on_subject_request) && subjectFields.length === 0 && !fromEnclosingRecord) {
        problem(['rules', index], 'RULE_NEEDS_SUBJECT', { rule: rule.id }, `Rule "${rule.id}" depends on the data subject, but the policy names no "subject" field`);
      }
      return {
        id: rule.id,
        mayRead: new Set(rule.may_read),
        compiled: {
          id: rule.id,
          roles: rule.roles && !rule.roles.includes(ANY_SIGNED_IN) && !anyone ? new Set(rule.roles) : null,
          ...(anyone ? { anyone: true as const } : {}),
          agencies: rule.agencies ? agencies : null,
          purposes: rule.purposes ? new Set(rule.purposes) : null,
          legalBasis: rule.legal_basis,
          ownRecord: rule.own_record === true,
          consentPurposes: rule.consent_purposes ? new Set(rule.consent_purposes) : null,
          onSubjectRequest: rule.on_subject_request === true,
          ...(rule.requires_case_id ? { requiresCaseId: true } : {}),
          requiresConnection: rule.requires_connection === true,
          ...(rule.restricted && { restricted: { legalBasis: rule.restricted.legal_basis, notifyAfter: rule.restricted.notify_after } }),
        } satisfies CompiledRule,
      };
    });

    for (const [fieldName, groupName] of groupOfField) {
      const group = document.field_groups[groupName];
      const rules = group.level === 'state-secret' ? [] : compiledRules.filter((rule) => rule.mayRead.has(groupName)).map((rule) => rule.compiled);
      const key = `${type.name}.${fieldName}`;
      if (group.level === 'state-secret') stateSecrets.add(key);
      fields.set(key, {
        policy: document.policy,
        owner: document.owner,
        type: type.name,
        field: fieldName,
        group: groupName,
        level: group.level,
        rules,
        dataDependent: rules.some((rule) => rule.ownRecord || rule.consentPurposes !== null || rule.onSubjectRequest),
        subjectFields,
        subjectFromEnclosingRecord: fromEnclosingRecord,
        disabled: group.disabled ? { notice: group.disabled.notice, since: group.disabled.since } : null,
        ...(concernsNoPerson ? { concernsNoPerson: true as const } : {}),
      });
    }
  }

  for (const type of policyTypesOf(schema)) {
    if (!seenTypes.has(type.name)) {
      problems.push({ file: `policies/${subgraph}`, line: 1, code: 'TYPE_WITHOUT_POLICY', params: { type: type.name, subgraph }, message: `Type "${type.name}" of the ${subgraph} schema has no policy file: every type needs one` });
    }
  }
  return { compiled: problems.length ? null : { subgraph, fields, stateSecrets }, problems };
}
