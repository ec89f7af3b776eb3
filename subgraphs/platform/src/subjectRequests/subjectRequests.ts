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

/**
 * The claim subgraphs make with the gateway's narrow token: the open requests of these data subjects
 * to give data to the caller's agency for the caller's case. One statement marks them used by this
 * request, so a second request finds nothing, while the other subgraph calls of the same request
 * (same request id) still find them.
 */
export async function claimSubjectRequests(principal: Principal, body: unknown, knex: Knex): Promise<{ grants: Array<{ id: string; subjectId: string; fieldGroups: string[] }> }> {
  const subjects = subjectsOf(body);
  if (!principal.agency || !principal.caseId || subjects.length === 0) return { grants: [] };
  const grants = await knex('subject_request')
    .where(anyOf(knex, 'subject_id', subjects))
    .where({ recipient_agency: principal.agency, case_id: principal.caseId })
    .whereNull('withdrawn_at')
    .where('valid_until', '>', knex.fn.now())
    .where((query) => query.whereNull('used_by_request').orWhere('used_by_request', principal.requestId))
    .update({ used_at: knex.raw('coalesce(used_at, now())'), used_by_request: principal.requestId })
    .returning([{ id: 'id' }, { subjectId: 'subject_id' }, { fieldGroups: 'field_groups' }, { validUntil: 'valid_until' }] as never);
  return { grants: grants as unknown as Array<{ id: string; subjectId: string; fieldGroups: string[] }> };
}
