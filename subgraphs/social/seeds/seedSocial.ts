import type { Knex } from 'knex';
import { insertInChunks } from '../../../shared/db/insertInChunks.ts';
import type { Province } from '../../../synthetic/index.ts';

export async function seedSocial(knex: Knex, province: Province): Promise<void> {
  // A benefit is paid by the commune where the beneficiary lives.
  const unitOf = new Map(province.citizens.map((citizen) => [citizen.id, citizen.unitCode]));
  await insertInChunks(
    knex,
    'benefit_program',
    province.benefitPrograms.map((p) => ({ code: p.code, name: p.name, legal_basis: p.legalBasis })),
  );
  await insertInChunks(
    knex,
    'benefit',
    province.benefits.map((b) => ({
      id: b.id,
      citizen_id: b.citizenId,
      program_code: b.programCode,
      monthly_amount: b.monthlyAmount,
      started_on: b.startedOn,
      ended_on: b.endedOn,
      status: b.status,
      unit_code: unitOf.get(b.citizenId) ?? null,
    })),
  );
}
