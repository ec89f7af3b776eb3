// Compiled policies -> a rule on every field of the subgraph schema (the shield). Deny is the fallback;
// `_entities` is allowed explicitly (the entities it returns are checked field by field); `_service`
// stays denied: its SDL names state-secret fields, and composition reads the schema files offline.
// External errors pass (they are masked centrally). Row-dependent rules are never cached.
import { isIntrospectionType, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareFieldMap, type IMiddlewareFunction, type IMiddlewareTypeMap } from 'graphql-middleware';
import { forbidden } from '../errors/forbidden.ts';
import type { CompiledField, CompiledPolicies } from './compilePolicies.ts';
import { consentRulesAwaiting, decideAccess, subjectRequestRulesAwaiting, subjectsAlreadyRead, type Decision, type SubjectLookup } from './decideAccess.ts';
import { isKeyAskedBy, keyLookupsOf, noteKeyAsked } from './askedByKey.ts';
import { fieldGroupId } from './fieldGroups.ts';
import type { PolicyContext, SubjectBasisKind } from './PolicyContext.ts';
import { isPersonalLevel } from './PolicyDocument.ts';
import { recordVisibility } from './recordVisibility.ts';
import { subjectReader } from './rowSubjects.ts';

/**
 * The data subjects' own basis for this field, if any: every subject of the row has an active consent
 * (to the caller's agency, for the caller's purpose) or an open request (to give it to the caller's
 * agency for the caller's case) covering this field's group. Asked only when a rule awaits that kind
 * of basis; any failure denies. Returns the basis the disclosure log records, e.g. `consent:<ids>`.
 */
async function lookUpSubjectsBasis(field: CompiledField, context: PolicyContext, subjects: SubjectLookup, claim: boolean): Promise<string | null> {
  const kinds: Array<{ kind: SubjectBasisKind; awaiting: typeof consentRulesAwaiting }> = [
    { kind: 'consent', awaiting: consentRulesAwaiting },
    { kind: 'subject-request', awaiting: subjectRequestRulesAwaiting },
  ];
  for (const { kind, awaiting } of kinds) {
    if (awaiting(field, context.principal, subjects, context.connections).length === 0) continue;
    const people = subjects();
    if (people.length === 0) return null;
    const grants = await context.subjectBases.covering(kind, people, fieldGroupId(field), { claim });
    if (grants) return `${kind}:${grants.join(',')}`;
  }
  return null;
}

// Per request: the fields of one group of one row have the same basis (rules name groups), so it is
// looked up once.
const basesOfRequest = new WeakMap<PolicyContext, Map<string, Promise<string | null>>>();

/**
 * `claim: false` only asks whether the basis holds: a subject request is used up by the field disclosed
 * on it (claim), never by a check that a record could be read (recordVisibility.ts).
 */
function subjectsBasis(field: CompiledField, context: PolicyContext, subjects: SubjectLookup, claim = true): Promise<string | null> {
  let bases = basesOfRequest.get(context);
  if (!bases) basesOfRequest.set(context, (bases = new Map()));
  // A peek and a claim differ only where a subject request could be used up: elsewhere they share one lookup.
  const claims = claim && subjectRequestRulesAwaiting(field, context.principal, subjects, context.connections).length > 0;
  const key = `${claims ? 'claim' : 'peek'}\u0000${fieldGroupId(field)}\u0000${subjects().join(',')}`;
  let basis = bases.get(key);
  if (!basis) bases.set(key, (basis = lookUpSubjectsBasis(field, context, subjects, claims)));
  return basis;
}

const peekSubjectsBasis = (field: CompiledField, context: PolicyContext, subjects: SubjectLookup) => subjectsBasis(field, context, subjects, false);

/** Fail closed: personal data of a row whose data subjects cannot be determined is never given. */
function subjectUnknown(field: CompiledField): Extract<Decision, { allowed: false }> {
  return { allowed: false, policy: field.policy, rule: null, reason: 'SUBJECT_UNKNOWN' };
}

/**
 * Whether the caller may read a field of the row in one of `others` (the groups besides its key's): by a
 * rule, or by the data subjects' consent (a subject request is never looked at here: looking one up uses it).
 */
async function mayReadAnotherField(others: readonly CompiledField[], context: PolicyContext, subjects: SubjectLookup): Promise<boolean> {
  for (const other of others) {
    if (decideAccess(other, context.principal, subjects, context.connections).allowed) return true;
  }
  for (const other of others) {
    if (consentRulesAwaiting(other, context.principal, subjects, context.connections).length === 0 || subjects().length === 0) continue;
    if (await context.subjectBases.covering('consent', subjects(), fieldGroupId(other))) return true;
  }
  return false;
}

/** One field of each group of the key's type other than the key's own and the state secrets: what a caller could read besides the key. */
function otherGroupsOf(compiled: CompiledPolicies, key: CompiledField): CompiledField[] {
  const byGroup = new Map<string, CompiledField>();
  for (const field of compiled.fields.values()) {
    if (field.type === key.type && field.group !== key.group && field.level !== 'state-secret' && !byGroup.has(field.group)) byGroup.set(field.group, field);
  }
  return [...byGroup.values()];
}

/** A field's verdict: true to read it, or the error that refuses it (null in data, and this error). */
type Verdict = true | Error;
/**
 * A field's rule. It answers at once unless it must wait for the data subjects' basis (consent, subject
 * request): graphql-js then resolves the field without a promise. (graphql-shield wrapped every field in
 * three async functions, and its result in a promise, whatever the rule: docs/request-path-costs.md.)
 */
type FieldRule = (parent: unknown, args: Record<string, unknown>, context: PolicyContext, info: GraphQLResolveInfo) => Verdict | Promise<Verdict>;

const denyUnlisted: FieldRule = (_parent, _args, context, info) =>
  forbidden(`${info.parentType.name}.${info.fieldName}`, { reason: 'NOT_GRANTED', policy: 'none', rule: null }, context.principal.requestId);

const allow: FieldRule = () => true;

// A rule that does not depend on the row is decided once per request.
const verdictsOfRequest = new WeakMap<PolicyContext, Map<FieldRule, Verdict | Promise<Verdict>>>();

function oncePerRequest(rule: FieldRule): FieldRule {
  return (parent, args, context, info) => {
    let verdicts = verdictsOfRequest.get(context);
    if (!verdicts) verdictsOfRequest.set(context, (verdicts = new Map()));
    let verdict = verdicts.get(rule);
    if (verdict === undefined) verdicts.set(rule, (verdict = rule(parent, args, context, info)));
    return verdict;
  };
}

/**
 * The field's resolver runs only on `true`. A rule that throws or rejects gives no value either: the
 * error is the field's, masked as INTERNAL on the way out (maskUnexpectedErrors).
 */
function guardedBy(rule: FieldRule): IMiddlewareFunction {
  // graphql-middleware types a middleware as returning a promise; it hands on whatever it returns.
  type Resolve = (...resolverArgs: Parameters<FieldRule>) => unknown;
  const guard = (resolve: Resolve, parent: unknown, args: Record<string, unknown>, context: PolicyContext, info: GraphQLResolveInfo): unknown => {
    const verdict = rule(parent, args, context, info);
    if (verdict === true) return resolve(parent, args, context, info);
    if (verdict instanceof Error) return verdict;
    return verdict.then((settled) => (settled === true ? resolve(parent, args, context, info) : settled));
  };
  return guard as IMiddlewareFunction;
}

/** Every field of every object type gets its rule, or the deny fallback. */
function guardEveryField(schema: GraphQLSchema, rules: ReadonlyMap<string, FieldRule>): IMiddlewareTypeMap {
  const middleware: IMiddlewareTypeMap = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const fields: IMiddlewareFieldMap = {};
    for (const name of Object.keys(type.getFields())) fields[name] = guardedBy(rules.get(`${type.name}.${name}`) ?? denyUnlisted);
    middleware[type.name] = fields;
  }
  return middleware;
}

/** A field of a row refused by its rules, and what deciding its refusal needs. */
interface Refusal {
  field: CompiledField;
  coordinate: string;
  personal: boolean;
  othersThanKey: CompiledField[] | null;
  decision: Extract<Decision, { allowed: false }>;
  subjects: SubjectLookup;
  context: PolicyContext;
  info: GraphQLResolveInfo;
  parent: unknown;
}

// Functions of the module, not closures made per field and row: tsx keeps function names, so a closure
// assigned to a name is followed by a defineProperty call each time it is made.
function refuse({ coordinate, personal, decision, subjects, context, info }: Refusal): Verdict {
  if (personal) context.disclosures.record(subjects(), coordinate, decision, info.path);
  return forbidden(coordinate, decision, context.principal.requestId);
}

/** Refused, unless the caller named this key and may read more of the row than the key: then not a new disclosure. */
function refuseUnlessKeyAskedBy(refusal: Refusal): Verdict | Promise<Verdict> {
  const { othersThanKey, context, info, parent, field, subjects } = refusal;
  if (!othersThanKey || !isKeyAskedBy(context, info.path, (parent as Record<string, unknown>)[field.field])) return refuse(refusal);
  return mayReadAnotherField(othersThanKey, context, subjects).then((may) => may || refuse(refusal));
}

function policyRule(schema: GraphQLSchema, compiled: CompiledPolicies, coordinate: string, field: CompiledField, lookups: ReturnType<typeof keyLookupsOf>, lookupKeys: ReadonlySet<string>): FieldRule {
  const readSubjects = subjectReader(schema, field);
  const personal = isPersonalLevel(field.level);
  const hasSubject = field.subjectFields.length > 0 || field.subjectFromEnclosingRecord;
  const lookup = lookups.get(coordinate);
  // The personal key of a record a root lookup returns: given back to a caller who asked by it
  // (askedByKey.ts). A key that is not personal data is decided like any other field.
  const othersThanKey = personal && lookupKeys.has(coordinate) ? otherGroupsOf(compiled, field) : null;
  const rule: FieldRule = (parent, args, context, info) => {
    if (lookup) noteKeyAsked(context, info.path, args[lookup.argument]);
    let subjects: SubjectLookup;
    if (personal) {
      const people = readSubjects(parent, context, info);
      if (people === null) {
        const refusal = subjectUnknown(field);
        context.disclosures.record([], coordinate, refusal, info.path);
        return forbidden(coordinate, refusal, context.principal.requestId);
      }
      subjects = subjectsAlreadyRead(people);
    } else {
      subjects = () => readSubjects(parent, context, info) ?? [];
    }
    const decision = decideAccess(field, context.principal, subjects, context.connections);
    if (decision.allowed) {
      if (personal) context.disclosures.record(subjects(), coordinate, decision, info.path);
      return true;
    }
    const refusal: Refusal = { field, coordinate, personal, othersThanKey, decision, subjects, context, info, parent };
    if (!field.dataDependent) return refuseUnlessKeyAskedBy(refusal);
    return subjectsBasis(field, context, subjects).then((basis) => {
      if (!basis) return refuseUnlessKeyAskedBy(refusal);
      context.disclosures.record(subjects(), coordinate, { allowed: true, policy: field.policy, rule: null, legalBasis: basis }, info.path);
      return true;
    });
  };
  // Decided row by row: row-dependent rules, personal fields whose every disclosure is recorded per data
  // subject, and a root lookup (once per alias, to note each key asked by). Any other, once per request.
  return field.dataDependent || (personal && hasSubject) || othersThanKey || lookup ? rule : oncePerRequest(rule);
}

export function shieldFromPolicies(schema: GraphQLSchema, compiled: CompiledPolicies): GraphQLSchema {
  const rules = new Map<string, FieldRule>([['Query._entities', allow]]);
  const lookups = keyLookupsOf(schema);
  const lookupKeys = new Set([...lookups.values()].map((lookup) => lookup.key));
  for (const [coordinate, field] of compiled.fields) rules.set(coordinate, policyRule(schema, compiled, coordinate, field, lookups, lookupKeys));
  // Inside the rules: lookups, register lists and filters follow what the caller may read of the records.
  return applyMiddleware(schema, guardEveryField(schema, rules), recordVisibility(schema, compiled, { subjectsBasis: peekSubjectsBasis }));
}
