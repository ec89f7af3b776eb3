// Releasing a restricted disclosure: from now on the data subjects see the entries of one request in
// this agency's log (and the reads of them), which a restricted rule had hidden from them. Only the
// owner agency's data-protection officer, the province's DPO or a security officer may release; the
// release is a row of its own (disclosure_release, append-only), the chain's rows stay as written.
import type { Knex } from 'knex';
import { hasRole, type Principal } from '../auth/Principal.ts';
import { disclosureLogAudience } from '../auth/relayTokens.ts';
import { findService } from '../config/services.ts';
import { isUniqueViolation } from '../db/uniqueViolation.ts';
import { badUserInput } from '../errors/clientErrors.ts';
import type { InternalRoute } from '../internalRoutes/InternalRoute.ts';
import { PROVINCE_DPO_AGENCY } from './disclosureLogReader.ts';

export interface Release {
  requestId: string;
  releasedAt: string;
  releasedBy: string | null;
  reason: string;
}

/** NOT_ALLOWED: the caller may not release in this register; NOT_FOUND: no restricted entry of that request here. */
export type ReleaseAnswer = { outcome: 'RELEASED'; release: Release } | { outcome: 'NOT_ALLOWED' | 'NOT_FOUND' };

export const MAX_RELEASE_REASON = 500;

export function mayRelease(principal: Principal, ownerAgency: string): boolean {
  if (hasRole(principal, 'security-officer')) return true;
  return hasRole(principal, 'data-protection-officer') && (principal.agency === ownerAgency || principal.agency === PROVINCE_DPO_AGENCY);
}

/** Checks a release as it arrives: a malformed one changes nothing and says why. */
export function parseRelease(body: unknown): { requestId: string; reason: string } {
  const { requestId, reason } = (body ?? {}) as { requestId?: unknown; reason?: unknown };
  if (typeof requestId !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(requestId)) throw badUserInput('"requestId" must be a request id from the log', 'requestId');
  if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > MAX_RELEASE_REASON) {
    throw badUserInput(`"reason" must say why, in 1 to ${MAX_RELEASE_REASON} characters`, 'reason');
  }
  return { requestId, reason: reason.trim() };
}

/** A row of this request whose outcomes hold a restriction (only rows written since Nov 2026 can). */
const HAS_RESTRICTED_ROW = `exists (select 1 from disclosure_log as log
  cross join lateral json_array_elements(coalesce(log.outcome_sets, log.outcomes)) as subject(outcome)
  cross join lateral json_array_elements(subject.outcome -> 'fields') as field(outcome)
  where log.request_id = ? and field.outcome -> 'restricted' is not null)`;

export async function releaseRestrictedDisclosure(knex: Knex, principal: Principal, ownerAgency: string, body: unknown): Promise<ReleaseAnswer> {
  const { requestId, reason } = parseRelease(body);
  if (!mayRelease(principal, ownerAgency)) return { outcome: 'NOT_ALLOWED' };
  const found = await knex.raw(`select ${HAS_RESTRICTED_ROW} as found`, [requestId]);
  if (!found.rows[0]?.found) return { outcome: 'NOT_FOUND' };
  return { outcome: 'RELEASED', release: await recordRelease(knex, principal, requestId, reason) };
}

/**
 * Appends the release of a request to this database's releases and answers with the release in force:
 * released once, a second release leaves the first as it was. The platform records it too, for its own
 * records of oversight reads of the request's entries (hidden with them).
 */
export async function recordRelease(knex: Knex, principal: Principal, requestId: string, reason: string): Promise<Release> {
  const exists = await knex('disclosure_release').select('id').where('request_id', requestId).first();
  if (!exists) {
    try {
      await knex('disclosure_release').insert({
        request_id: requestId,
        released_at: new Date().toISOString(),
        principal: principal.subject,
        agency: principal.agency,
        roles: JSON.stringify(principal.roles),
        release_request_id: principal.requestId,
        reason,
      });
    } catch (error) {
      // Another release of the same request got there first: it stands.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  const row = await knex('disclosure_release').select('request_id', 'released_at', 'principal', 'reason').where('request_id', requestId).first();
  return { requestId: row.request_id, releasedAt: new Date(row.released_at).toISOString(), releasedBy: row.principal, reason: row.reason };
}

export function disclosureReleaseRoute(subgraph: string): InternalRoute {
  const ownerAgency = findService(subgraph)?.ownerAgency ?? '';
  return {
    audience: disclosureLogAudience(subgraph),
    handle: (principal, body, knex) => releaseRestrictedDisclosure(knex, principal, ownerAgency, body),
  };
}
