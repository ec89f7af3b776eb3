// The decision for one field, one caller and (when it matters) one row. The shield rules, explain and
// the policy tests all call this one function, so what they say is what is enforced.
import type { Principal } from '../auth/Principal.ts';
import type { CompiledField, CompiledRule } from './compilePolicies.ts';
import type { RefusalReason } from '../errors/refusalReasons.ts';
import { fieldGroupId } from './fieldGroups.ts';
import type { HeldConnections } from './HeldConnections.ts';
import { isPersonalLevel, type Restriction } from './PolicyDocument.ts';

/**
 * One decision on one field: allowed on a legal basis (a rule's, or `consent:<ids>` when no rule alone
 * allowed it), or refused for a reason, with the owner's notice where there is one (why a connection is
 * suspended, why a service is disabled).
 */
export type Decision =
  | { allowed: true; policy: string; rule: string | null; legalBasis: string; restricted?: Restriction }
  | { allowed: false; policy: string; rule: string | null; reason: RefusalReason; notice?: string };

/** The data subjects of the row (personal ids), read only when a rule needs them. */
export type SubjectLookup = () => readonly string[];

/**
 * A lookup of subjects already read. Made here, outside any binding, because tsx keeps function names:
 * a closure assigned to a variable is named by a defineProperty call each time it is made, per field and row.
 */
export function subjectsAlreadyRead(people: readonly string[]): SubjectLookup {
  return () => people;
}

// When no rule applies, the closest rule explains why: the one that failed latest in this order.
const CLOSENESS: Record<RefusalReason, number> = {
  // Decided before any rule (shieldFromPolicies), never by this function.
  SUBJECT_UNKNOWN: 9,
  STATE_SECRET: 8,
  // Only with X-Case-Id (see failureOf): a caller working on a case is closest to the request made for it.
  SUBJECT_REQUEST_REQUIRED: 7,
  // Everything about the caller held, but the owner has switched the service off.
  SERVICE_DISABLED: 6.5,
  CONSENT_REQUIRED: 6,
  // The agency's connection is checked before the data subjects' consent, after the case id.
  CONNECTION_SUSPENDED: 5.8,
  CONNECTION_REQUIRED: 5.7,
  // Everything else of the rule held: closer than a row out of scope, not as close as a missing consent.
  CASE_ID_REQUIRED: 5.5,
  ROW_OUT_OF_SCOPE: 5,
  PURPOSE_REQUIRED: 4,
  AGENCY_NOT_ALLOWED: 3,
  ROLE_NOT_ALLOWED: 2,
  NOT_GRANTED: 1,
};

/** A disabled service is shared with nobody; the owner still reads its own register. */
function disabledFor(field: CompiledField, principal: Principal): boolean {
  return Boolean(field.disabled) && principal.agency !== field.owner;
}

function failureOf(rule: CompiledRule, field: CompiledField, principal: Principal, subject: SubjectLookup, connections: HeldConnections): RefusalReason | null {
  // A caller without a token (no roles) passes only a rule open to `anyone` (public groups only, checked when compiled).
  if (rule.anyone) return disabledFor(field, principal) ? 'SERVICE_DISABLED' : null;
  if (principal.roles.length === 0) return 'ROLE_NOT_ALLOWED';
  // A subject request is always for one case: a caller naming none is not acting on one, and such a
  // rule must not be what explains their refusal.
  if (rule.onSubjectRequest && !principal.caseId) return 'NOT_GRANTED';
  if (rule.roles && !principal.roles.some((role) => rule.roles!.has(role))) return 'ROLE_NOT_ALLOWED';
  if (rule.agencies && !(principal.agency && rule.agencies.has(principal.agency))) return 'AGENCY_NOT_ALLOWED';
  // Personal data needs a declared purpose, except a person reading their own record.
  if (rule.purposes ? !(principal.purpose && rule.purposes.has(principal.purpose)) : isPersonalLevel(field.level) && !rule.ownRecord && !principal.purpose) {
    return 'PURPOSE_REQUIRED';
  }
  if (rule.ownRecord) {
    if (!principal.subject || !subject().includes(principal.subject)) return 'ROW_OUT_OF_SCOPE';
  }
  if (rule.requiresCaseId && !principal.caseId) return 'CASE_ID_REQUIRED';
  if (disabledFor(field, principal)) return 'SERVICE_DISABLED';
  if (rule.requiresConnection) {
    const connection = connections.covering(fieldGroupId(field));
    if (!connection) return 'CONNECTION_REQUIRED';
    if (connection.state === 'suspended') return 'CONNECTION_SUSPENDED';
  }
  // Everything but the subject's consent or request holds: the caller then looks it up (rulesAwaiting).
  if (rule.consentPurposes) return 'CONSENT_REQUIRED';
  if (rule.onSubjectRequest) return 'SUBJECT_REQUEST_REQUIRED';
  return null;
}

/**
 * Rules that would apply if the data subjects had consented: all their other conditions hold, and
 * the caller's declared purpose is one the rule accepts consent for.
 */
export function consentRulesAwaiting(field: CompiledField, principal: Principal, subject: SubjectLookup, connections: HeldConnections): CompiledRule[] {
  return field.rules.filter(
    (rule) =>
      rule.consentPurposes !== null &&
      principal.purpose !== null &&
      rule.consentPurposes.has(principal.purpose) &&
      failureOf(rule, field, principal, subject, connections) === 'CONSENT_REQUIRED',
  );
}

/**
 * Rules that would apply if the data subjects had asked for this data to be given to the caller's
 * agency: all their other conditions hold, and the caller names the case (X-Case-Id) it is for.
 */
export function subjectRequestRulesAwaiting(field: CompiledField, principal: Principal, subject: SubjectLookup, connections: HeldConnections): CompiledRule[] {
  if (!principal.caseId) return [];
  return field.rules.filter((rule) => rule.onSubjectRequest && failureOf(rule, field, principal, subject, connections) === 'SUBJECT_REQUEST_REQUIRED');
}

/** What the owner said that explains a refusal: the reason it gave for suspending the connection, or the service's notice. */
function noticeOf(reason: RefusalReason, field: CompiledField, connections: HeldConnections): string | undefined {
  if (reason === 'SERVICE_DISABLED') return field.disabled?.notice;
  if (reason === 'CONNECTION_SUSPENDED') {
    const connection = connections.covering(fieldGroupId(field));
    return connection?.state === 'suspended' ? connection.reason : undefined;
  }
  return undefined;
}

/**
 * `connections`: the caller agency's connections for its purpose (NO_CONNECTIONS where none was looked
 * up, e.g. to explain a hypothetical caller: a rule needing one is then refused with CONNECTION_REQUIRED).
 */
export function decideAccess(field: CompiledField, principal: Principal, subject: SubjectLookup, connections: HeldConnections): Decision {
  if (field.level === 'state-secret') return { allowed: false, policy: field.policy, rule: null, reason: 'STATE_SECRET' };
  let closest: { rule: string; reason: RefusalReason } | null = null;
  for (const rule of field.rules) {
    const reason = failureOf(rule, field, principal, subject, connections);
    if (reason === null) {
      // A restricted rule's disclosure carries its restriction to the log (hidden from the data subject).
      return rule.restricted ?
          { allowed: true, policy: field.policy, rule: rule.id, legalBasis: rule.legalBasis, restricted: rule.restricted }
        : { allowed: true, policy: field.policy, rule: rule.id, legalBasis: rule.legalBasis };
    }
    if (!closest || CLOSENESS[reason] > CLOSENESS[closest.reason]) closest = { rule: rule.id, reason };
  }
  if (!closest) return { allowed: false, policy: field.policy, rule: null, reason: 'NOT_GRANTED' };
  const notice = noticeOf(closest.reason, field, connections);
  return notice === undefined ?
      { allowed: false, policy: field.policy, rule: closest.rule, reason: closest.reason }
    : { allowed: false, policy: field.policy, rule: closest.rule, reason: closest.reason, notice };
}
