// Subject requests (Law 91/2025: the data subject's own request as a legal basis). A citizen asks that
// some of their data held by one agency be given to another agency for one dossier. The grant is
// single-use: the first gateway request of the recipient that relies on it, naming that dossier in
// X-Case-Id, claims it (every subgraph call of that one request may use it); after that, or once it
// has expired or been withdrawn, it gives nothing.
import type { Knex } from 'knex';
import type { Principal } from '../../../../shared/auth/Principal.ts';
import { CATALOGUE_CODES } from '../../../../shared/catalogue/platformCatalogue.ts';
import { anyOf } from '../../../../shared/db/anyOf.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import type { CompiledPolicies } from '../../../../shared/policy/compilePolicies.ts';
import { fieldGroupsWhere, type FieldGroup } from '../../../../shared/policy/fieldGroups.ts';
import { caseId, isoInstant } from '../../../../shared/validation/inputs.ts';
import { endRow, rowsOf, type CitizenRows } from '../citizens/citizenRows.ts';
import { subjectsOf } from '../citizens/registryInputs.ts';

export type RequestableGroup = Omit<FieldGroup, 'members'> & { holderAgency: string };

/** Field groups that some rule gives on the data subject's request, with the agency holding each. */
export function requestableGroups(policies: ReadonlyMap<string, CompiledPolicies>): RequestableGroup[] {
  return fieldGroupsWhere(policies, (field) => field.rules.some((rule) => rule.onSubjectRequest)).map(({ members, ...group }) => ({
    ...group,
    holderAgency: members[0].owner,
  }));
}

export interface SubjectRequestRow {
  id: string;
  subjectId: string;
  requestedBy: string;
  holderAgency: string;
  recipientAgency: string;
  caseId: string;
  fieldGroups: string[];
  validUntil: Date;
  createdAt: Date;
  usedAt: Date | null;
  withdrawnAt: Date | null;
}

const REQUEST_COLUMNS = {
  id: 'id',
  subjectId: 'subject_id',
  requestedBy: 'requested_by',
  holderAgency: 'holder_agency',
  recipientAgency: 'recipient_agency',
  caseId: 'case_id',
  fieldGroups: 'field_groups',
  validUntil: 'valid_until',
  createdAt: 'created_at',
  usedAt: 'used_at',
  withdrawnAt: 'withdrawn_at',
};

const REQUESTS: CitizenRows = { table: 'subject_request', columns: REQUEST_COLUMNS, actorColumn: 'requested_by' };

export type SubjectRequestStatus = 'OPEN' | 'USED' | 'EXPIRED' | 'WITHDRAWN';

export function subjectRequestStatus(request: SubjectRequestRow, now = new Date()): SubjectRequestStatus {
  if (request.usedAt) return 'USED';
  if (request.withdrawnAt) return 'WITHDRAWN';
  return new Date(request.validUntil) <= now ? 'EXPIRED' : 'OPEN';
}

export interface DataProvisionInput {
  holderAgency: string;
  recipientAgency: string;
  caseId: string;
  fieldGroups: string[];
  validUntil: string;
}

const MAX_DAYS = 90;

function checkRequest(input: DataProvisionInput, requestable: RequestableGroup[]): { validUntil: Date; fieldGroups: string[] } {
  if (!CATALOGUE_CODES.agencies.includes(input.holderAgency)) throw badUserInput(`Unknown agency "${input.holderAgency}"`, 'holderAgency');
  if (!CATALOGUE_CODES.agencies.includes(input.recipientAgency)) throw badUserInput(`Unknown agency "${input.recipientAgency}"`, 'recipientAgency');
  if (input.recipientAgency === input.holderAgency) throw badUserInput('The recipient must be another agency than the one holding the data', 'recipientAgency');
  caseId(input.caseId, 'caseId');
  const fieldGroups = [...new Set(input.fieldGroups)];
  if (fieldGroups.length === 0) throw badUserInput('Name at least one field group', 'fieldGroups');
  for (const id of fieldGroups) {
    const group = requestable.find((candidate) => candidate.id === id);
    if (!group) throw badUserInput(`"${id}" is not a field group that can be given on your request (see subjectRequestableFieldGroups)`, 'fieldGroups');
    if (group.holderAgency !== input.holderAgency) throw badUserInput(`"${id}" is held by ${group.holderAgency}, not ${input.holderAgency}`, 'fieldGroups');
  }
  const now = new Date();
  const validUntil = isoInstant(input.validUntil, 'validUntil');
  if (validUntil <= now) throw badUserInput('"validUntil" is already past', 'validUntil');
  if (validUntil.getTime() - now.getTime() > MAX_DAYS * 24 * 3600 * 1000) throw badUserInput(`A request stays open at most ${MAX_DAYS} days`, 'validUntil');
  return { validUntil, fieldGroups };
}

export async function createSubjectRequest(
  knex: Knex,
  who: { subject: string; actor: string },
  input: DataProvisionInput,
  requestable: RequestableGroup[],
): Promise<SubjectRequestRow> {
  const checked = checkRequest(input, requestable);
  const [{ id }] = await knex('subject_request')
    .insert({
      subject_id: who.subject,
      requested_by: who.actor,
      holder_agency: input.holderAgency,
      recipient_agency: input.recipientAgency,
      case_id: input.caseId,
      field_groups: JSON.stringify(checked.fieldGroups),
      valid_until: checked.validUntil,
    })
    .returning('id');
  return knex('subject_request').select(REQUEST_COLUMNS).where('id', id).first();
}

export function subjectRequestsOf(knex: Knex, citizen: string): Promise<SubjectRequestRow[]> {
  return rowsOf<SubjectRequestRow>(knex, REQUESTS, citizen);
}

/** Only one's own open request; whether another person's request exists is never revealed. */
export function withdrawSubjectRequest(knex: Knex, citizen: string, id: string): Promise<SubjectRequestRow> {
  return endRow<SubjectRequestRow>(knex, REQUESTS, citizen, id, {
    stampColumn: 'withdrawn_at',
    notYours: 'You have no request with this id',
    refusal: (request) => {
      const status = subjectRequestStatus(request);
      return status === 'OPEN' ? null : `This request is ${status.toLowerCase()}: only an open request can be withdrawn`;
    },
  });
}

/** One field group a subgraph would disclose on the subject request of every one of `subjects`. */
export interface SubjectRequestClaim {
  subjects: string[];
  fieldGroup: string;
}

const FIELD_GROUP_ID = /^[a-z0-9.-]{1,100}:[a-z0-9-]{1,64}$/;
const MAX_CLAIMED_SUBJECTS = 1000;

function claimsOf(body: unknown): SubjectRequestClaim[] {
  const claims = (body as { claims?: unknown }).claims;
  const wrong = () => badUserInput('"claims" must be at most 1000 {subjects, fieldGroup}, 1000 personal ids in all', 'claims');
  if (!Array.isArray(claims) || claims.length > MAX_CLAIMED_SUBJECTS) throw wrong();
  let subjects = 0;
  return claims.map((claim: unknown) => {
    const { fieldGroup } = (claim ?? {}) as { fieldGroup?: unknown };
    if (typeof fieldGroup !== 'string' || !FIELD_GROUP_ID.test(fieldGroup)) throw wrong();
    const people = subjectsOf(claim ?? {});
    subjects += people.length;
    if (subjects > MAX_CLAIMED_SUBJECTS) throw wrong();
    return { subjects: people, fieldGroup };
  });
}

/**
 * The claim subgraphs make with the gateway's narrow token, at the moment they would disclose a field on
 * a subject request: for each claim, the open requests of every one of its data subjects to give that
 * field's group to the caller's agency for the caller's case. A request is marked used by this request
 * only when a claim it serves is answered in full (every subject covered), so a guessed case id, a field
 * the request does not cover, or another agency leaves it open. The other subgraph calls of the same
 * request (same request id) still find what it claimed. One select and one update per batch.
 */
export async function claimSubjectRequests(principal: Principal, body: unknown, knex: Knex): Promise<{ answers: Array<string[] | null> }> {
  const claims = claimsOf(body);
  const subjects = [...new Set(claims.flatMap((claim) => claim.subjects))];
  if (!principal.agency || !principal.caseId || subjects.length === 0) return { answers: claims.map(() => null) };
  const open: Array<{ id: string; subjectId: string; fieldGroups: string[] }> = await knex('subject_request')
    .select({ id: 'id', subjectId: 'subject_id', fieldGroups: 'field_groups' })
    .where(anyOf(knex, 'subject_id', subjects))
    .where({ recipient_agency: principal.agency, case_id: principal.caseId })
    .whereNull('withdrawn_at')
    .where('valid_until', '>', knex.fn.now())
    .where((query) => query.whereNull('used_by_request').orWhere('used_by_request', principal.requestId))
    .orderBy('created_at');
  // Per claim, the oldest covering request of each subject; a claim some subject cannot meet claims nothing.
  const chosen = claims.map(({ subjects: people, fieldGroup }) => {
    const ids = people.map((subject) => open.find((request) => request.subjectId === subject && request.fieldGroups.includes(fieldGroup))?.id);
    return ids.every((id) => id !== undefined) ? (ids as string[]) : null;
  });
  // A peek (is this record one the caller could read on a request?) answers without using anything up.
  if ((body as { peek?: unknown }).peek === true) return { answers: chosen };
  const wanted = [...new Set(chosen.flatMap((ids) => ids ?? []))];
  if (wanted.length === 0) return { answers: chosen };
  const claimed: Array<{ id: string }> = await knex('subject_request')
    .where(knex.raw('id = any(?::uuid[])', [wanted]))
    // Another request may have claimed one since the select: single use holds in this one statement.
    .where((query) => query.whereNull('used_by_request').orWhere('used_by_request', principal.requestId))
    .update({ used_at: knex.raw('coalesce(used_at, now())'), used_by_request: principal.requestId })
    .returning('id');
  const ours = new Set(claimed.map((row) => row.id));
  return { answers: chosen.map((ids) => (ids && ids.every((id) => ours.has(id)) ? ids : null)) };
}
