// Every sharing service the policies in force offer: each field group of each policy that is not a state
// secret, as a catalogue entry a consumer agency reads to know what it may ask for and how. Pure: the
// policies, the schemas and the connection settings in, the entries out (sharingCatalogue.ts stores them).
import { isObjectType, type GraphQLSchema } from 'graphql';
import type { CompiledField, CompiledPolicies, CompiledRule } from '../../../../shared/policy/compilePolicies.ts';
import { fieldGroupId } from '../../../../shared/policy/fieldGroups.ts';
import { isPersonalLevel, type Classification, type DisabledService } from '../../../../shared/policy/PolicyDocument.ts';
import { exampleQuery, type ExampleQuery } from './exampleQuery.ts';

export interface SharingServiceRule {
  rule: string;
  /** null: any signed-in caller. */
  roles: string[] | null;
  /** Agency codes, groups spelled out; null: any agency. */
  agencies: string[] | null;
  /** null: any purpose the caller may declare. */
  purposes: string[] | null;
  legalBasis: string;
  ownRecordOnly: boolean;
  consentRequired: boolean;
  consentPurposes: string[] | null;
  subjectRequestRequired: boolean;
  caseIdRequired: boolean;
  connectionRequired: boolean;
}

export interface HttpHeader {
  name: string;
  value: string;
  required: boolean;
}

export interface HowToConnect {
  endpoint: string;
  headers: HttpHeader[];
  token: string;
}

/** One service as the catalogue stores and answers it (status aside: it also depends on what went away). */
export interface SharingServiceEntry {
  id: string;
  policy: string;
  group: string;
  register: string;
  ownerAgency: string;
  description: string;
  type: string;
  typeDescription: string | null;
  fields: Array<{ name: string; type: string; description: string | null }>;
  classification: Exclude<Classification, 'state-secret'>;
  legalBases: string[];
  purposes: string[];
  access: SharingServiceRule[];
  exampleQuery: ExampleQuery | null;
  howToConnect: HowToConnect;
  disabled: DisabledService | null;
}

export interface CatalogueSources {
  /** The compiled policies in force, by subgraph. */
  policies: ReadonlyMap<string, CompiledPolicies>;
  /** Each subgraph's own schema (its SDL), for the descriptions of types and fields. */
  subgraphSchemas: ReadonlyMap<string, GraphQLSchema>;
  /** The public schema clients query (supergraph API schema), for the example queries. */
  apiSchema: GraphQLSchema;
  /** `about` of each policy, by policy name. */
  abouts: ReadonlyMap<string, string>;
  /** Where callers reach the gateway (PUBLIC_GATEWAY_URL). */
  gatewayUrl: string;
  /** The identity provider's issuer (JWT_ISSUER), named in how to obtain a token. */
  tokenIssuer: string;
}

const sorted = (set: ReadonlySet<string> | null) => (set ? [...set].sort() : null);

function ruleView(rule: CompiledRule): SharingServiceRule {
  return {
    rule: rule.id,
    roles: sorted(rule.roles),
    agencies: sorted(rule.agencies),
    purposes: sorted(rule.purposes),
    legalBasis: rule.legalBasis,
    ownRecordOnly: rule.ownRecord,
    consentRequired: rule.consentPurposes !== null,
    consentPurposes: sorted(rule.consentPurposes),
    subjectRequestRequired: rule.onSubjectRequest,
    caseIdRequired: rule.requiresCaseId === true,
    connectionRequired: rule.requiresConnection,
  };
}

function howToConnect(sources: CatalogueSources, level: Classification, rules: readonly CompiledRule[]): HowToConnect {
  const headers: HttpHeader[] = [{ name: 'Authorization', value: 'Bearer <token>', required: true }];
  const purposeNamed = rules.filter((rule) => rule.purposes !== null);
  if (isPersonalLevel(level) || purposeNamed.length) {
    const purposes = [...new Set(purposeNamed.flatMap((rule) => [...rule.purposes!]))].sort();
    headers.push({
      name: 'X-Purpose',
      value: purposes.length ? `one of: ${purposes.join(', ')}` : 'a purpose code from the platform purpose list (purposes)',
      required: isPersonalLevel(level) || (rules.length > 0 && purposeNamed.length === rules.length),
    });
  }
  const caseRules = rules.filter((rule) => rule.requiresCaseId === true || rule.onSubjectRequest);
  if (caseRules.length) {
    headers.push({ name: 'X-Case-Id', value: 'the administrative dossier number the request is for', required: caseRules.length === rules.length });
  }
  return {
    endpoint: `${sources.gatewayUrl}/graphql`,
    headers,
    token:
      `A bearer token (JWT) from the province's identity provider (issuer ${sources.tokenIssuer}) for an account of your agency ` +
      'in a role a rule names; in development: npm run token -- --role officer --agency <your agency code>',
  };
}

/** True when some caller could satisfy both rules' roles and agencies (null: anyone). */
function overlap(a: CompiledRule, b: CompiledRule): boolean {
  const meet = (x: ReadonlySet<string> | null, y: ReadonlySet<string> | null) => x === null || y === null || [...x].some((item) => y.has(item));
  return meet(a.roles, b.roles) && meet(a.agencies, b.agencies);
}

/** For the example query: which of `rules` could pass each field of the way (by the policies of every register answering it). */
function rulesThroughFor(byCoordinate: ReadonlyMap<string, CompiledField[]>, rules: readonly CompiledRule[]) {
  return (coordinate: string): ReadonlySet<string> | null => {
    const fields = byCoordinate.get(coordinate);
    if (!fields || rules.length === 0) return null;
    return new Set(rules.filter((rule) => fields.some((field) => field.rules.some((other) => overlap(rule, other)))).map((rule) => rule.id));
  };
}

/** The services of the policies in force, by id. State-secret groups are never services. */
export function buildSharingServices(sources: CatalogueSources): SharingServiceEntry[] {
  const byCoordinate = new Map<string, CompiledField[]>();
  for (const compiled of sources.policies.values()) {
    for (const [coordinate, field] of compiled.fields) byCoordinate.set(coordinate, [...(byCoordinate.get(coordinate) ?? []), field]);
  }
  const groups = new Map<string, { register: string; members: CompiledField[] }>();
  for (const [register, compiled] of sources.policies) {
    for (const field of compiled.fields.values()) {
      if (field.level === 'state-secret') continue;
      const id = fieldGroupId(field);
      const group = groups.get(id) ?? { register, members: [] };
      group.members.push(field);
      groups.set(id, group);
    }
  }
  const entries: SharingServiceEntry[] = [];
  for (const [id, { register, members }] of groups) {
    const first = members[0];
    const schemaType = sources.subgraphSchemas.get(register)?.getType(first.type);
    const typeFields = isObjectType(schemaType) ? schemaType.getFields() : {};
    const rules = first.rules;
    const about = sources.abouts.get(first.policy) ?? first.policy;
    const typeDescription = schemaType?.description?.trim() || null;
    entries.push({
      id,
      policy: first.policy,
      group: first.group,
      register,
      ownerAgency: first.owner,
      description: typeDescription ? `${about}. ${typeDescription}` : about,
      type: first.type,
      typeDescription,
      fields: members.map((field) => ({
        name: field.field,
        type: typeFields[field.field] ? String(typeFields[field.field].type) : 'unknown',
        description: typeFields[field.field]?.description?.trim() || null,
      })),
      classification: first.level as SharingServiceEntry['classification'],
      legalBases: [...new Set(rules.map((rule) => rule.legalBasis))].sort(),
      purposes: [...new Set(rules.flatMap((rule) => [...(rule.purposes ?? []), ...(rule.consentPurposes ?? [])]))].sort(),
      access: rules.map(ruleView),
      exampleQuery: exampleQuery(sources.apiSchema, id, first.type, members.map((field) => field.field), rulesThroughFor(byCoordinate, rules)),
      howToConnect: howToConnect(sources, first.level, rules),
      disabled: first.disabled,
    });
  }
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
