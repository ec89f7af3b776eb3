// SQL of the population register. Explicit columns, aliased to the shapes the resolvers use.
import type { Knex } from 'knex';
import { anyOf } from '../../../shared/db/anyOf.ts';
import { compiledRead } from '../../../shared/db/compiledRead.ts';
import { limitPerGroup } from '../../../shared/db/limitPerGroup.ts';

export interface CitizenRow {
  id: string;
  fullName: string;
  gender: 'male' | 'female';
  dateOfBirth: string;
  ethnicGroupCode: string;
  ethnicGroupName: string;
  religion: string | null;
  nationality: string;
  householdId: string;
  unitCode: string;
  address: string;
  fatherId: string | null;
  motherId: string | null;
  dateOfDeath: string | null;
}

export interface HouseholdRow {
  id: string;
  headId: string;
  unitCode: string;
  address: string;
  registeredOn: string;
  /** Everyone registered in the household: its data subjects (policy `subject: members`), read with the row. */
  membersIds: string[];
}

const CITIZEN_COLUMNS = {
  id: 'citizen.id',
  fullName: 'citizen.full_name',
  gender: 'citizen.gender',
  dateOfBirth: 'citizen.date_of_birth',
  ethnicGroupCode: 'citizen.ethnic_group_code',
  ethnicGroupName: 'ethnic_group.name',
  religion: 'citizen.religion',
  nationality: 'citizen.nationality',
  householdId: 'citizen.household_id',
  unitCode: 'citizen.unit_code',
  address: 'citizen.address',
  fatherId: 'citizen.father_id',
  motherId: 'citizen.mother_id',
  dateOfDeath: 'citizen.date_of_death',
};

const HOUSEHOLD_COLUMNS = {
  id: 'household.id',
  headId: 'household.head_id',
  unitCode: 'household.unit_code',
  address: 'household.address',
  registeredOn: 'household.registered_on',
};

function citizens(knex: Knex): Knex.QueryBuilder {
  return knex('citizen').join('ethnic_group', 'ethnic_group.code', 'citizen.ethnic_group_code').select(CITIZEN_COLUMNS);
}

export const citizensByIds = compiledRead<[ids: readonly string[]], CitizenRow>((knex, ids) =>
  citizens(knex).where(anyOf(knex, 'citizen.id', ids)),
);

/** Members of each household, oldest first, at most `limit` each. */
export const citizensByHouseholdIds = compiledRead<[householdIds: readonly string[], limit: number], CitizenRow>((knex, householdIds, limit) =>
  limitPerGroup(knex, citizens(knex).where(anyOf(knex, 'citizen.household_id', householdIds)), {
    partitionBy: 'citizen.household_id',
    orderBy: 'citizen.date_of_birth, citizen.id',
    columns: Object.keys(CITIZEN_COLUMNS).map((alias) => `ranked.${alias}`),
    limit,
  }),
);

/** Base query of the citizen list, filtered; the page and the count are taken from it. */
export function citizenList(knex: Knex, filter: { unitCode: string | null }): Knex.QueryBuilder {
  const query = citizens(knex);
  if (filter.unitCode && filter.unitCode.length === 5) query.where('citizen.unit_code', filter.unitCode);
  return query;
}

export const householdsByIds = compiledRead<[ids: readonly string[]], HouseholdRow>((knex, ids) =>
  knex('household')
    .select(HOUSEHOLD_COLUMNS)
    .select({ membersIds: knex.raw('array(select member.id from citizen as member where member.household_id = household.id order by member.id)') })
    .where(anyOf(knex, 'household.id', ids)),
);
