// SQL of the social-protection register. Explicit columns, aliased to the shapes the resolvers use.
// A benefit row carries its programme (a join), so a list of benefits and their programmes is one statement.
import type { Knex } from 'knex';
import { anyOf } from '../../../shared/db/anyOf.ts';
import { compiledRead } from '../../../shared/db/compiledRead.ts';
import { limitPerGroup } from '../../../shared/db/limitPerGroup.ts';
import { MAX_CATALOGUE_SIZE } from '../../../shared/loaders/listBounds.ts';

export type BenefitStatusValue = 'active' | 'ended';

export interface BenefitProgramRow {
  code: string;
  name: string;
  legalBasis: string;
}

export interface BenefitRow {
  id: string;
  citizenId: string;
  programCode: string;
  programName: string;
  programLegalBasis: string;
  monthlyAmount: number;
  startedOn: string;
  endedOn: string | null;
  status: BenefitStatusValue;
}

const PROGRAM_COLUMNS = {
  code: 'code',
  name: 'name',
  legalBasis: 'legal_basis',
};

const BENEFIT_COLUMNS = {
  id: 'benefit.id',
  citizenId: 'benefit.citizen_id',
  programCode: 'benefit.program_code',
  programName: 'benefit_program.name',
  programLegalBasis: 'benefit_program.legal_basis',
  monthlyAmount: 'benefit.monthly_amount',
  startedOn: 'benefit.started_on',
  endedOn: 'benefit.ended_on',
  status: 'benefit.status',
};

function benefits(knex: Knex): Knex.QueryBuilder {
  return knex('benefit').join('benefit_program', 'benefit_program.code', 'benefit.program_code').select(BENEFIT_COLUMNS);
}

export function allPrograms(knex: Knex): Promise<BenefitProgramRow[]> {
  return knex('benefit_program').select(PROGRAM_COLUMNS).orderBy('code').limit(MAX_CATALOGUE_SIZE);
}

export const benefitsByIds = compiledRead<[ids: readonly string[]], BenefitRow>((knex, ids) => benefits(knex).where(anyOf(knex, 'benefit.id', ids)));

/** Benefits of each citizen, oldest first, at most `limit` each, optionally of one status only. */
export function benefitsByCitizenIds(
  knex: Knex,
  citizenIds: readonly string[],
  filter: { status: BenefitStatusValue | null; limit: number },
): Promise<BenefitRow[]> {
  const inner = benefits(knex).where(anyOf(knex, 'benefit.citizen_id', citizenIds));
  if (filter.status) inner.where('benefit.status', filter.status);
  return limitPerGroup(knex, inner, {
    partitionBy: 'benefit.citizen_id',
    orderBy: 'benefit.started_on, benefit.id',
    columns: Object.keys(BENEFIT_COLUMNS).map((alias) => `ranked.${alias}`),
    limit: filter.limit,
  });
}

/** Base query of the beneficiary list, filtered; the page and the count are taken from it. */
export function benefitList(
  knex: Knex,
  filter: { programCode: string | null; status: BenefitStatusValue | null },
): Knex.QueryBuilder {
  const query = benefits(knex);
  if (filter.programCode) query.where('benefit.program_code', filter.programCode);
  if (filter.status) query.where('benefit.status', filter.status);
  return query;
}
