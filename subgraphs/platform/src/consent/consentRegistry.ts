// The consent registry (Law 91/2025: consent per purpose, voluntary, provable as to time and scope,
// withdrawable). A citizen grants, lists and revokes only their own consents. What can be consented
// to is read from the policies in force: the field groups some rule shares with consent, per purpose.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import { CONSENT_CACHE_TTL_MS, REVOCATION_MARGIN_MS } from '../../../../shared/consent/consentCache.ts';
import type { Principal } from '../../../../shared/auth/Principal.ts';
import { CATALOGUE_CODES } from '../../../../shared/catalogue/platformCatalogue.ts';
import { anyOf } from '../../../../shared/db/anyOf.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import type { CompiledField, CompiledPolicies } from '../../../../shared/policy/compilePolicies.ts';
import { fieldGroupsWhere, type FieldGroup } from '../../../../shared/policy/fieldGroups.ts';
import { isoInstant } from '../../../../shared/validation/inputs.ts';
import { endRow, rowsOf, type CitizenRows } from '../citizens/citizenRows.ts';
import { subjectsOf } from '../citizens/registryInputs.ts';

export type ConsentableGroup = Omit<FieldGroup, 'members'> & { purposes: string[] };

/** Field groups that some rule shares with the data subject's consent, and for which purposes. */
export function consentableGroups(policies: ReadonlyMap<string, CompiledPolicies>): ConsentableGroup[] {
  const purposesOf = (field: CompiledField) => field.rules.flatMap((rule) => (rule.consentPurposes ? [...rule.consentPurposes] : []));
  return fieldGroupsWhere(policies, (field) => purposesOf(field).length > 0).map(({ members, ...group }) => ({
    ...group,
    purposes: [...new Set(members.flatMap(purposesOf))].sort(),
  }));
}

export interface ConsentRow {
  id: string;
  subjectId: string;
  grantedBy: string;
  granteeAgency: string;
  purpose: string;
  fieldGroups: string[];
  validFrom: Date;
  validUntil: Date;
  channel: string;
  evidenceReference: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

const CONSENT_COLUMNS = {
  id: 'id',
  subjectId: 'subject_id',
  grantedBy: 'granted_by',
  granteeAgency: 'grantee_agency',
  purpose: 'purpose',
  fieldGroups: 'field_groups',
  validFrom: 'valid_from',
  validUntil: 'valid_until',
  channel: 'channel',
  evidenceReference: 'evidence_reference',
  createdAt: 'created_at',
  revokedAt: 'revoked_at',
};

const CONSENTS: CitizenRows = { table: 'consent', columns: CONSENT_COLUMNS, actorColumn: 'granted_by' };

export type ConsentStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED';

export function statusOf(consent: ConsentRow, now = new Date()): ConsentStatus {
  if (consent.revokedAt) return 'REVOKED';
  return new Date(consent.validUntil) <= now ? 'EXPIRED' : 'ACTIVE';
}

export interface GrantInput {
  subjectId?: string | null;
  granteeAgency: string;
  purpose: string;
  fieldGroups: string[];
  validFrom?: string | null;
  validUntil: string;
  channel?: string | null;
  evidenceReference?: string | null;
}

const MAX_YEARS = 5;

/** Every check before anything is written: bad input changes nothing. */
function checkGrant(input: GrantInput, consentable: ConsentableGroup[]): { validFrom: Date; validUntil: Date; fieldGroups: string[] } {
  if (!CATALOGUE_CODES.agencies.includes(input.granteeAgency)) throw badUserInput(`Unknown agency "${input.granteeAgency}"`, 'granteeAgency');
  if (!CATALOGUE_CODES.purposes.includes(input.purpose)) throw badUserInput(`Unknown purpose "${input.purpose}"`, 'purpose');
  const fieldGroups = [...new Set(input.fieldGroups)];
  if (fieldGroups.length === 0) throw badUserInput('Name at least one field group', 'fieldGroups');
  for (const id of fieldGroups) {
    const group = consentable.find((candidate) => candidate.id === id);
    if (!group) throw badUserInput(`"${id}" is not a field group that can be shared with consent (see consentableFieldGroups)`, 'fieldGroups');
    if (!group.purposes.includes(input.purpose)) {
      throw badUserInput(`"${id}" can be shared with consent only for ${group.purposes.join(', ')}`, 'fieldGroups');
    }
  }
  const now = new Date();
  const validFrom = input.validFrom ? isoInstant(input.validFrom, 'validFrom') : now;
  const validUntil = isoInstant(input.validUntil, 'validUntil');
  if (validUntil <= validFrom) throw badUserInput('"validUntil" must be after "validFrom"', 'validUntil');
  if (validUntil <= now) throw badUserInput('"validUntil" is already past', 'validUntil');
  const limit = new Date(validFrom);
  limit.setFullYear(limit.getFullYear() + MAX_YEARS);
  if (validUntil > limit) throw badUserInput(`A consent lasts at most ${MAX_YEARS} years`, 'validUntil');
  if (input.evidenceReference && input.evidenceReference.length > 200) throw badUserInput('"evidenceReference" is longer than 200 characters', 'evidenceReference');
  return { validFrom, validUntil, fieldGroups };
}

export async function grantConsent(knex: Knex, who: { subject: string; actor: string }, input: GrantInput, consentable: ConsentableGroup[]): Promise<ConsentRow> {
  const checked = checkGrant(input, consentable);
  const [{ id }] = await knex('consent')
    .insert({
      subject_id: who.subject,
      granted_by: who.actor,
      grantee_agency: input.granteeAgency,
      purpose: input.purpose,
      field_groups: JSON.stringify(checked.fieldGroups),
      valid_from: checked.validFrom,
      valid_until: checked.validUntil,
      channel: (input.channel ?? 'CITIZEN_PORTAL').toLowerCase().replace(/_/g, '-'),
      evidence_reference: input.evidenceReference ?? null,
    })
    .returning('id');
  return knex('consent').select(CONSENT_COLUMNS).where('id', id).first();
}

export function consentsOf(knex: Knex, citizen: string): Promise<ConsentRow[]> {
  return rowsOf<ConsentRow>(knex, CONSENTS, citizen);
}

/**
 * Only one's own consent; whether another person's consent exists is never revealed. Returns once
 * no subgraph can still hold a copy of the consent read before the withdrawal (consentCache.ts), so
 * the very next request is refused.
 */
export async function revokeConsent(knex: Knex, citizen: string, id: string): Promise<ConsentRow> {
  const revoked = await endRow<ConsentRow>(knex, CONSENTS, citizen, id, {
    stampColumn: 'revoked_at',
    notYours: 'You have no consent with this id',
    refusal: (consent) => (consent.revokedAt ? 'This consent was already withdrawn' : null),
  });
  await sleep(CONSENT_CACHE_TTL_MS + REVOCATION_MARGIN_MS);
  return revoked;
}

/**
 * The consent lookup subgraphs call with the gateway's narrow token: the active consents of these
 * data subjects to the caller's own agency for the caller's declared purpose — nothing else.
 */
export async function activeConsentsFor(principal: Principal, body: unknown, knex: Knex): Promise<{ grants: Array<{ id: string; subjectId: string; fieldGroups: string[]; validUntil: Date }> }> {
  const subjects = subjectsOf(body);
  if (!principal.agency || !principal.purpose || subjects.length === 0) return { grants: [] };
  const grants = await knex('consent')
    .select({ id: 'id', subjectId: 'subject_id', fieldGroups: 'field_groups', validUntil: 'valid_until' })
    .where(anyOf(knex, 'subject_id', subjects))
    .where({ grantee_agency: principal.agency, purpose: principal.purpose })
    .whereNull('revoked_at')
    .where('valid_from', '<=', knex.fn.now())
    .where('valid_until', '>', knex.fn.now());
  return { grants };
}
