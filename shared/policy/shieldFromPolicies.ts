// Compiled policies -> a graphql-shield rule tree on the subgraph schema. Deny is the fallback;
// `_entities` is allowed explicitly (the entities it returns are checked field by field); `_service`
// stays denied: its SDL names state-secret fields, and composition reads the schema files offline.
// External errors pass (they are masked centrally). Row-dependent rules are never cached.
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { forbidden } from '../errors/forbidden.ts';
import type { CompiledField, CompiledPolicies } from './compilePolicies.ts';
import { consentRulesAwaiting, decideAccess, subjectRequestRulesAwaiting, type SubjectLookup } from './decideAccess.ts';
import { enclosingSubjectOf } from './enclosingRecord.ts';
import { fieldGroupId } from './fieldGroups.ts';
import type { PolicyContext, SubjectBasisKind } from './PolicyContext.ts';
import { isPersonalLevel } from './PolicyDocument.ts';
import { recordVisibility } from './recordVisibility.ts';

export function subjectReader(schema: GraphQLSchema, field: CompiledField): (parent: unknown, context: PolicyContext, info: unknown) => SubjectLookup {
  if (field.subjectFromEnclosingRecord) {
    return (parent) => () => {
      const subject = enclosingSubjectOf(parent);
      return subject ? [subject] : [];
    };
  }
  const type = schema.getType(field.type);
  const definitions = isObjectType(type) ? field.subjectFields.map((name) => type.getFields()[name]) : [];
  return (parent, context, info) => () =>
    definitions.flatMap((definition) => {
      const resolve = definition.resolve as GraphQLFieldResolver<unknown, PolicyContext> | undefined;
      const value = resolve ? resolve(parent, {}, context, info as never) : (parent as Record<string, unknown>)[definition.name];
      if (typeof value === 'string') return [value];
      // A Citizen reference ({ id }) resolved synchronously; anything slower counts as no subject (deny).
      if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return [(value as { id: string }).id];
      return [];
    });
}

/**
 * The data subjects' own basis for this field, if any: every subject of the row has an active consent
 * (to the caller's agency, for the caller's purpose) or an open request (to give it to the caller's
 * agency for the caller's case) covering this field's group. Asked only when a rule awaits that kind
 * of basis; any failure denies. Returns the basis the disclosure log records, e.g. `consent:<ids>`.
 */
async function lookUpSubjectsBasis(field: CompiledField, context: PolicyContext, subjects: SubjectLookup): Promise<string | null> {
  const kinds: Array<{ kind: SubjectBasisKind; awaiting: typeof consentRulesAwaiting }> = [
    { kind: 'consent', awaiting: consentRulesAwaiting },
    { kind: 'subject-request', awaiting: subjectRequestRulesAwaiting },
  ];
  for (const { kind, awaiting } of kinds) {
    if (awaiting(field, context.principal, subjects).length === 0) continue;
    const people = subjects();
    if (people.length === 0) return null;
    const grants = await context.subjectBases.covering(kind, people, fieldGroupId(field));
    if (grants) return `${kind}:${grants.join(',')}`;
  }
  return null;
}

// Per request: the fields of one group of one row have the same basis (rules name groups), so it is
// looked up once.
const basesOfRequest = new WeakMap<PolicyContext, Map<string, Promise<string | null>>>();

export function subjectsBasis(field: CompiledField, context: PolicyContext, subjects: SubjectLookup): Promise<string | null> {
  let bases = basesOfRequest.get(context);
  if (!bases) basesOfRequest.set(context, (bases = new Map()));
  const key = `${fieldGroupId(field)}\u0000${subjects().join(',')}`;
  let basis = bases.get(key);
  if (!basis) bases.set(key, (basis = lookUpSubjectsBasis(field, context, subjects)));
  return basis;
}

const denyUnlisted = rule('deny-unlisted', { cache: 'contextual' })((_parent, _args, context: PolicyContext, info) =>
  forbidden(`${info.parentType.name}.${info.fieldName}`, { reason: 'NOT_GRANTED', policy: 'none', rule: null }, context.principal.requestId),
);

export function shieldFromPolicies(schema: GraphQLSchema, compiled: CompiledPolicies): GraphQLSchema {
  const tree: Record<string, Record<string, unknown>> = { Query: { _entities: allow } };
  for (const [coordinate, field] of compiled.fields) {
    const subject = subjectReader(schema, field);
    tree[field.type] ??= {};
    const personal = isPersonalLevel(field.level);
    const hasSubject = field.subjectFields.length > 0 || field.subjectFromEnclosingRecord;
    // A 'contextual' decision runs once per request: row-dependent rules, and personal fields whose
    // every disclosure is recorded per data subject, are decided row by row.
    const cache = field.dataDependent || (personal && hasSubject) ? 'no_cache' : 'contextual';
    tree[field.type][field.field] = rule(`policy:${coordinate}`, { cache })(
      async (parent, _args, context: PolicyContext, info) => {
        const subjects = subject(parent, context, info);
        const decision = decideAccess(field, context.principal, subjects);
        if (decision.allowed) {
          if (personal) context.disclosures.record(subjects(), coordinate, decision);
          return true;
        }
        if (field.dataDependent) {
          const basis = await subjectsBasis(field, context, subjects);
          if (basis) {
            context.disclosures.record(subjects(), coordinate, { allowed: true, policy: field.policy, rule: null, legalBasis: basis });
            return true;
          }
        }
        if (personal) context.disclosures.record(subjects(), coordinate, decision);
        return forbidden(coordinate, decision, context.principal.requestId);
      },
    );
  }
  const permissions = shield(tree as IRules, { fallbackRule: denyUnlisted, allowExternalErrors: true, debug: false });
  // Inside the shield: lookups, register lists and filters follow what the caller may read of the records.
  return applyMiddleware(schema, permissions, recordVisibility(schema, compiled, { subjectReader, subjectsBasis }));
}
