import type { Knex } from 'knex';
import { insertInChunks } from '../../../shared/db/insertInChunks.ts';
import type { Province } from '../../../synthetic/index.ts';

export async function seedBusiness(knex: Knex, province: Province): Promise<void> {
  await insertInChunks(
    knex,
    'enterprise',
    province.enterprises.map((e) => ({
      code: e.code,
      name: e.name,
      kind: e.kind,
      registered_on: e.registeredOn,
      status: e.status,
      unit_code: e.unitCode,
      address: e.address,
      legal_representative_id: e.legalRepresentativeId,
      charter_capital: e.charterCapital,
      sector: e.sector,
    })),
  );
}
