import type { Knex } from 'knex';
import { insertInChunks } from '../../../shared/db/insertInChunks.ts';
import type { Province } from '../../../shared/synthetic/index.ts';

export async function seedPopulation(knex: Knex, province: Province): Promise<void> {
  await insertInChunks(knex, 'ethnic_group', province.ethnicGroups.map(({ code, name }) => ({ code, name })));
  await insertInChunks(
    knex,
    'household',
    province.households.map((h) => ({
      id: h.id,
      head_id: h.headId,
      unit_code: h.unitCode,
      address: h.address,
      registered_on: h.registeredOn,
    })),
  );
  await insertInChunks(
    knex,
    'citizen',
    province.citizens.map((c) => ({
      id: c.id,
      full_name: c.fullName,
      gender: c.gender,
      date_of_birth: c.dateOfBirth,
      ethnic_group_code: c.ethnicGroupCode,
      religion: c.religion,
      household_id: c.householdId,
      unit_code: c.unitCode,
      address: c.address,
      father_id: c.fatherId,
      mother_id: c.motherId,
      date_of_death: c.dateOfDeath,
    })),
  );
}
