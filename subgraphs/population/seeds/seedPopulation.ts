import type { Knex } from 'knex';
import { insertInChunks } from '../../../shared/db/insertInChunks.ts';
import type { Province } from '../../../synthetic/index.ts';

// About one citizen in a hundred has an operational dossier with the police. The note is a state secret
// (Mật): it is stored here so the register is realistic, and it never leaves the database through this
// layer (the schema marks it @inaccessible, the policy classifies it state-secret, no query selects it).
const SECURITY_NOTE_EVERY = 100;

function securityNotesOf(index: number): string | null {
  if (index % SECURITY_NOTE_EVERY !== 37) return null;
  const dossier = String(Math.floor(index / SECURITY_NOTE_EVERY) + 1).padStart(4, '0');
  return `Hồ sơ nghiệp vụ số ${dossier}/HSNV-PA05, lưu tại Công an tỉnh; mọi trao đổi theo chế độ bảo mật (Mật)`;
}

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
    province.citizens.map((c, index) => ({
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
      security_notes: securityNotesOf(index),
    })),
  );
}
