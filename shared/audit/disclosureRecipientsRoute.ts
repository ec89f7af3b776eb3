// Which agencies received one field of one person's record: what a correction of that record needs to
// notify them (issue 14, item 5). A route of every agency's disclosure log, answering the same relay
// tokens (`<subgraph>-disclosure-log`), so no agency holds another key. Only the register's owner agency
// (its officers and DPO, who correct the register), security officers and the province's DPO may ask; the
// answer is agency codes, never a value, and the look is itself appended to the log for each person it
// concerned, so the data subjects see that their entries were searched for a correction.
import type { Knex } from 'knex';
import { hasRole, type Principal } from '../auth/Principal.ts';
import { disclosureLogAudience } from '../auth/relayTokens.ts';
import { findService } from '../config/services.ts';
import { badUserInput } from '../errors/clientErrors.ts';
import type { InternalRoute } from '../internalRoutes/InternalRoute.ts';
import { isoInstant, PERSONAL_ID_PATTERN } from '../validation/inputs.ts';
import { loggedRequest, type DisclosureRecord } from './disclosureChain.ts';
import { LOG_ENTRY_FIELD, positionOf, PROVINCE_DPO_AGENCY, readDisclosureLog, type LogPosition } from './disclosureLogReader.ts';
import { MAX_ACCESS_LOG_PAGE_SIZE } from '../loaders/listBounds.ts';

export const DISCLOSURE_RECIPIENTS_PATH = '/internal/disclosure-recipients';
/** People searched in one call at most. */
export const MAX_RECIPIENT_SUBJECTS = 20;
/** Entries read per person at most; the answer says when it stopped there. */
export const MAX_RECIPIENT_ENTRIES = 5000;
/** The rule a search for recipients is logged under. */
export const RECIPIENT_SEARCH_RULE = 'finds-recipients-of-a-correction';

export interface RecipientsQuery {
  dataSubjects: string[];
  /** Type.field, as the log names fields. */
  field: string;
  /** ISO instant: entries from then on. */
  from: string;
}

/** NOT_ALLOWED: the caller may not search this register's log. */
export type RecipientsAnswer = { outcome: 'FOUND'; agencies: string[]; entriesRead: number; capped: boolean } | { outcome: 'NOT_ALLOWED' };

export function maySearchRecipients(principal: Principal, ownerAgency: string): boolean {
  if (hasRole(principal, 'security-officer')) return true;
  if (hasRole(principal, 'data-protection-officer') && principal.agency === PROVINCE_DPO_AGENCY) return true;
  return (hasRole(principal, 'officer') || hasRole(principal, 'data-protection-officer')) && principal.agency === ownerAgency;
}

export function parseRecipientsQuery(body: unknown): RecipientsQuery {
  const { dataSubjects, field, from } = (body ?? {}) as { dataSubjects?: unknown; field?: unknown; from?: unknown };
  if (!Array.isArray(dataSubjects) || dataSubjects.length === 0 || dataSubjects.length > MAX_RECIPIENT_SUBJECTS) {
    throw badUserInput(`"dataSubjects" must name 1 to ${MAX_RECIPIENT_SUBJECTS} people`, 'dataSubjects');
  }
  for (const subject of dataSubjects) if (typeof subject !== 'string' || !PERSONAL_ID_PATTERN.test(subject)) throw badUserInput('"dataSubjects" must be 12-digit personal ids', 'dataSubjects');
  if (typeof field !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,63}\.[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(field)) throw badUserInput('"field" must be Type.field', 'field');
  return { dataSubjects: [...new Set(dataSubjects as string[])], field, from: isoInstant(from, 'from').toISOString() };
}

/**
 * The distinct agencies whose entries disclosed `field` about one of the people since `from`: the
 * register's own agency and callers of no agency (citizens) are not recipients.
 */
export async function findRecipients(knex: Knex, ownerAgency: string, query: RecipientsQuery): Promise<{ agencies: string[]; entriesRead: number; capped: boolean }> {
  const agencies = new Set<string>();
  let entriesRead = 0;
  let capped = false;
  for (const subject of query.dataSubjects) {
    let before: LogPosition | undefined;
    let read = 0;
    for (;;) {
      const limit = Math.min(MAX_ACCESS_LOG_PAGE_SIZE + 1, MAX_RECIPIENT_ENTRIES - read);
      if (limit <= 0) {
        capped = true;
        break;
      }
      const entries = await readDisclosureLog(knex, { all: true }, { filter: { dataSubject: subject, from: query.from }, before, limit });
      read += entries.length;
      for (const entry of entries) {
        if (!entry.agency || entry.agency === ownerAgency) continue;
        if (entry.fields.some((outcome) => outcome.field === query.field && outcome.decision === 'disclosed')) agencies.add(entry.agency);
      }
      if (entries.length < limit) break;
      before = positionOf(entries[entries.length - 1]);
    }
    entriesRead += read;
  }
  return { agencies: [...agencies].sort(), entriesRead, capped };
}

/** The record of the search: per person searched, that their log entries were looked at for a correction. */
export function recipientSearchRecord(principal: Principal, query: RecipientsQuery): DisclosureRecord {
  return {
    ...loggedRequest(principal, new Date().toISOString()),
    dataSubjects: query.dataSubjects,
    outcomes: query.dataSubjects.map(() => ({
      decision: 'disclosed' as const,
      fields: [{ fields: [LOG_ENTRY_FIELD], decision: 'disclosed' as const, basis: 'pdpl-2025-state-duties', rule: RECIPIENT_SEARCH_RULE }],
    })),
    decision: 'disclosed',
  };
}

export function disclosureRecipientsRoute(subgraph: string): InternalRoute {
  const ownerAgency = findService(subgraph)?.ownerAgency ?? '';
  return {
    audience: disclosureLogAudience(subgraph),
    handle: async (principal, body, knex, log): Promise<RecipientsAnswer> => {
      const query = parseRecipientsQuery(body);
      if (!maySearchRecipients(principal, ownerAgency)) return { outcome: 'NOT_ALLOWED' };
      // Recorded before the answer leaves, as every read of someone else's entries is.
      await log?.write(recipientSearchRecord(principal, query));
      return { outcome: 'FOUND', ...(await findRecipients(knex, ownerAgency, query)) };
    },
  };
}
