import type { Knex } from 'knex';
import { insertInChunks } from '../../../shared/db/insertInChunks.ts';
import type { Province } from '../../../synthetic/index.ts';
import { AGENCIES, LEGAL_BASES, PURPOSES } from '../../../shared/catalogue/platformCatalogue.ts';
import { purposeColumns } from './purposeColumns.ts';

export async function seedPlatform(knex: Knex, province: Province): Promise<void> {
  await insertInChunks(
    knex,
    'administrative_unit',
    [province.province, ...province.units].map((unit) => ({
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parent_code: unit.parentCode,
      effective_from: unit.effectiveFrom,
    })),
  );
  await insertInChunks(
    knex,
    'former_unit',
    province.formerUnits.map((unit) => ({
      code: unit.oldCode,
      name: unit.oldName,
      district: unit.oldDistrict,
      province_code: unit.oldProvinceCode,
      new_code: unit.newCode,
    })),
  );
  await insertInChunks(
    knex,
    'agency',
    AGENCIES.map(({ code, name, focalPoint: [fpName, role, phone, email] }) => ({
      code,
      name,
      focal_point_name: fpName,
      focal_point_role: role,
      focal_point_phone: phone,
      focal_point_email: email,
    })),
  );
  await insertInChunks(knex, 'purpose', PURPOSES.map(purposeColumns));
  await insertInChunks(knex, 'legal_basis', LEGAL_BASES.map((basis) => ({ ...basis })));
}
