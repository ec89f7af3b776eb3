// Checks of what a consumer officer asks for, before anything is written: bad input changes nothing.
// The field groups and their owners are read from the policies in force (as consentableFieldGroups
// does), the purpose and legal basis from the platform's catalogues.
import type { Knex } from 'knex';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import type { CompiledPolicies } from '../../../../shared/policy/compilePolicies.ts';
import { fieldGroupsWhere } from '../../../../shared/policy/fieldGroups.ts';
import type { Classification } from '../../../../shared/policy/PolicyDocument.ts';
import { provinceDay } from '../../../../shared/calendar/provinceDay.ts';

export interface ConnectionRequestInput {
  purpose: string;
  legalBasis: string;
  fieldGroups: string[];
  systemName: string;
  contact: string;
  periodStart: string;
  periodEnd: string;
}

/** What a request holds once checked: its input, cleaned, and the owner of its field groups. */
export interface CheckedRequest extends ConnectionRequestInput {
  ownerAgency: string;
}

export interface ShareableGroup {
  id: string;
  level: Classification;
  owner: string;
}

/** Every field group of the policies in force, with its classification and owner agency, by id. */
export function shareableGroups(policies: ReadonlyMap<string, CompiledPolicies>): Map<string, ShareableGroup> {
  return new Map(fieldGroupsWhere(policies, () => true).map((group) => [group.id, { id: group.id, level: group.level, owner: group.members[0].owner }]));
}

const MAX_TEXT = 500;
export const MAX_REASON = 2000;
const MAX_FIELD_GROUPS = 100;

/** A calendar date as 'YYYY-MM-DD'. */
export function isoDate(value: unknown, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text) {
    throw badUserInput(`"${field}" must be a date written as YYYY-MM-DD`, field);
  }
  return text;
}

function filledText(value: unknown, field: string, max = MAX_TEXT): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw badUserInput(`"${field}" must not be empty`, field);
  if (text.length > max) throw badUserInput(`"${field}" is longer than ${max} characters`, field);
  return text;
}

/** A reason an action requires (or may take): trimmed, bounded; null when optional and absent. */
export function reasonOf(value: string | null | undefined, required: boolean, what: string): string | null {
  const text = (value ?? '').trim();
  if (text === '') {
    if (required) throw badUserInput(`A reason is required to ${what} a connection request; nothing changed`, 'reason');
    return null;
  }
  if (text.length > MAX_REASON) throw badUserInput(`"reason" is longer than ${MAX_REASON} characters`, 'reason');
  return text;
}

export function conditionsOf(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  if (text.length > MAX_REASON) throw badUserInput(`"conditions" is longer than ${MAX_REASON} characters`, 'conditions');
  return text;
}

/** Every check of a request as a whole (a new draft, or a draft with its changes), for `consumer`. */
export async function checkRequest(knex: Knex, consumer: string, input: ConnectionRequestInput, groups: ReadonlyMap<string, ShareableGroup>, now: Date): Promise<CheckedRequest> {
  const fieldGroups = [...new Set(input.fieldGroups.map((id) => id.trim()))];
  if (fieldGroups.length === 0) throw badUserInput('Name at least one field group', 'fieldGroups');
  if (fieldGroups.length > MAX_FIELD_GROUPS) throw badUserInput(`Name at most ${MAX_FIELD_GROUPS} field groups`, 'fieldGroups');
  for (const id of fieldGroups) {
    const group = groups.get(id);
    if (!group) throw badUserInput(`"${id}" is not a field group of the policies in force (name it as <policy>:<group>, e.g. population.citizen:identity)`, 'fieldGroups');
    if (group.level === 'state-secret') throw badUserInput(`"${id}" is classified as a state secret: it is never shared, so no connection can be asked for it`, 'fieldGroups');
  }
  const owners = [...new Set(fieldGroups.map((id) => groups.get(id)!.owner))].sort();
  if (owners.length > 1) {
    throw badUserInput(`The field groups belong to several owner agencies (${owners.join(', ')}): ask each owner in a request of its own`, 'fieldGroups');
  }
  const [ownerAgency] = owners;
  if (ownerAgency === consumer) {
    throw badUserInput(`${consumer} owns these field groups: an agency reads its own data under its own policies, without a connection request`, 'fieldGroups');
  }
  const purpose = await knex('purpose')
    .select({ code: 'code', agencies: 'declarable_by_agencies', roles: 'declarable_by_roles' })
    .where('code', input.purpose)
    .first();
  if (!purpose) throw badUserInput(`Unknown purpose "${input.purpose}" (see purposes)`, 'purpose');
  const agencies = purpose.agencies as string[] | null;
  const roles = purpose.roles as string[];
  if ((agencies !== null && !agencies.includes(consumer)) || !roles.some((role) => role === 'officer' || role === 'system')) {
    throw badUserInput(`${consumer} may not declare the purpose "${input.purpose}" (see purposes { declarableBy }), so it cannot connect for it`, 'purpose');
  }
  const basis = await knex('legal_basis').select('code').where('code', input.legalBasis).first();
  if (!basis) throw badUserInput(`Unknown legal basis "${input.legalBasis}" (see legalBases)`, 'legalBasis');
  const periodStart = isoDate(input.periodStart, 'periodStart');
  const periodEnd = isoDate(input.periodEnd, 'periodEnd');
  if (periodEnd < periodStart) throw badUserInput('"periodEnd" must not be before "periodStart"', 'periodEnd');
  if (periodEnd < provinceDay(now)) throw badUserInput('"periodEnd" is already past', 'periodEnd');
  return {
    purpose: input.purpose,
    legalBasis: input.legalBasis,
    fieldGroups,
    systemName: filledText(input.systemName, 'systemName'),
    contact: filledText(input.contact, 'contact'),
    periodStart,
    periodEnd,
    ownerAgency,
  };
}
