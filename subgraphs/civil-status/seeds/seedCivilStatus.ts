import type { Knex } from 'knex';
import { insertInChunks } from '../../../shared/db/insertInChunks.ts';
import type { Province } from '../../../synthetic/index.ts';

export async function seedCivilStatus(knex: Knex, province: Province): Promise<void> {
  await insertInChunks(
    knex,
    'birth',
    province.births.map((b) => ({
      id: b.id,
      registration_number: b.registrationNumber,
      child_id: b.childId,
      father_id: b.fatherId,
      mother_id: b.motherId,
      place_of_birth: b.placeOfBirth,
      unit_code: b.unitCode,
      registered_on: b.registeredOn,
    })),
  );
  await insertInChunks(
    knex,
    'marriage',
    province.marriages.map((m) => ({
      id: m.id,
      registration_number: m.registrationNumber,
      husband_id: m.husbandId,
      wife_id: m.wifeId,
      unit_code: m.unitCode,
      registered_on: m.registeredOn,
    })),
  );
  await insertInChunks(
    knex,
    'death',
    province.deaths.map((d) => ({
      id: d.id,
      registration_number: d.registrationNumber,
      deceased_id: d.deceasedId,
      date_of_death: d.dateOfDeath,
      unit_code: d.unitCode,
      registered_on: d.registeredOn,
    })),
  );
}
