// The rows of the platform's own datasets (source kind `catalogue`, subgraph `platform`), computed from
// the platform's tables in the columns' order of their files: administrative units with the former
// units merged into each (one row per former unit; a unit that replaced none has one row with empty
// former columns), and the catalogue of sharing services as the policies in force make it.
import type { Knex } from 'knex';
import type { OpenDataCell } from '../../../../shared/openData/openDataSource.ts';
import { catalogueInStep } from '../sharingCatalogue/sharingCatalogue.ts';

export type CatalogueRows = (knex: Knex, policyDir: string) => Promise<{ columns: string[]; rows: OpenDataCell[][] }>;

const administrativeUnits: CatalogueRows = async (knex) => {
  const units: Array<Record<string, string | null>> = await knex('administrative_unit as u')
    .leftJoin('former_unit as f', 'f.new_code', 'u.code')
    .select({
      unitCode: 'u.code',
      unitName: 'u.name',
      unitKind: 'u.kind',
      effectiveFrom: knex.raw("to_char(u.effective_from, 'YYYY-MM-DD')"),
      formerCode: 'f.code',
      formerName: 'f.name',
      formerDistrict: 'f.district',
      formerProvinceCode: 'f.province_code',
    })
    .orderBy([{ column: 'u.code' }, { column: 'f.code' }]);
  return {
    columns: ['unit_code', 'unit_name', 'unit_kind', 'effective_from', 'former_code', 'former_name', 'former_district', 'former_province_code'],
    rows: units.map((unit) => [unit.unitCode, unit.unitName, unit.unitKind, unit.effectiveFrom, unit.formerCode, unit.formerName, unit.formerDistrict, unit.formerProvinceCode]),
  };
};

const sharingServices: CatalogueRows = async (knex, policyDir) => {
  await catalogueInStep(knex, policyDir);
  const services: Array<{ id: string; status: string; entry: { ownerAgency: string; register: string; type: string; group: string; classification: string } }> = await knex('sharing_service')
    .select('id', 'status', 'entry')
    .orderBy('id');
  return {
    columns: ['service_id', 'owner_agency', 'register', 'type', 'group', 'classification', 'status'],
    rows: services.map(({ id, status, entry }) => [id, entry.ownerAgency, entry.register, entry.type, entry.group, entry.classification, status]),
  };
};

/** By the source's `name` in the dataset file. */
export const PLATFORM_OPEN_DATA_SOURCES: Readonly<Record<string, CatalogueRows>> = {
  'administrative-units': administrativeUnits,
  'sharing-services': sharingServices,
};
