// SQL of the platform catalogues. Explicit columns, aliased to the shapes the resolvers use.
import type { Knex } from 'knex';
import { anyOf } from '../../../../shared/db/anyOf.ts';
import { limitPerGroup } from '../../../../shared/db/limitPerGroup.ts';
import { MAX_CATALOGUE_SIZE, MAX_RECORD_PARTS } from '../../../../shared/loaders/listBounds.ts';

export interface UnitRow {
  code: string;
  name: string;
  kind: 'province' | 'ward' | 'commune';
  parentCode: string | null;
  effectiveFrom: string;
}

export interface FormerUnitRow {
  code: string;
  name: string;
  district: string;
  provinceCode: string;
  newCode: string;
}

const UNIT_COLUMNS = { code: 'code', name: 'name', kind: 'kind', parentCode: 'parent_code', effectiveFrom: 'effective_from' };
const FORMER_UNIT_COLUMNS = { code: 'code', name: 'name', district: 'district', provinceCode: 'province_code', newCode: 'new_code' };

export function unitsByCodes(knex: Knex, codes: readonly string[]): Promise<UnitRow[]> {
  return knex('administrative_unit').select(UNIT_COLUMNS).where(anyOf(knex, 'code', codes));
}

/** The pre-reform communes of each unit, by code: fixed by the reform, a handful each (at most MAX_RECORD_PARTS read). */
export function formerUnitsByNewCodes(knex: Knex, codes: readonly string[]): Promise<FormerUnitRow[]> {
  return limitPerGroup(knex, knex('former_unit').select(FORMER_UNIT_COLUMNS).where(anyOf(knex, 'new_code', codes)), {
    partitionBy: 'new_code',
    orderBy: 'code',
    columns: Object.keys(FORMER_UNIT_COLUMNS).map((alias) => `ranked.${alias}`),
    limit: MAX_RECORD_PARTS,
  });
}

export function unitList(knex: Knex, kind: string | null): Knex.QueryBuilder {
  const query = knex('administrative_unit').select(UNIT_COLUMNS);
  if (kind) query.where('kind', kind);
  return query;
}

export async function unitByFormerCode(knex: Knex, formerCode: string): Promise<UnitRow | undefined> {
  return knex('administrative_unit')
    .select(Object.fromEntries(Object.entries(UNIT_COLUMNS).map(([alias, column]) => [alias, `administrative_unit.${column}`])))
    .join('former_unit', 'former_unit.new_code', 'administrative_unit.code')
    .where('former_unit.code', formerCode)
    .first();
}

/** An agency of the directory as its row reads (catalogueResolvers' toAgency makes it an Agency). */
export interface AgencyRow {
  code: string;
  name: string;
  focalPointName: string;
  focalPointRole: string;
  focalPointPhone: string;
  focalPointEmail: string;
}

const AGENCY_COLUMNS = {
  code: 'code',
  name: 'name',
  focalPointName: 'focal_point_name',
  focalPointRole: 'focal_point_role',
  focalPointPhone: 'focal_point_phone',
  focalPointEmail: 'focal_point_email',
};

/** Agencies by code, for the per-request loader (a service's owner, the parties of a connection). */
export function agenciesByCodes(knex: Knex, codes: readonly string[]): Promise<AgencyRow[]> {
  return knex('agency').select(AGENCY_COLUMNS).where(anyOf(knex, 'code', codes));
}

export function agencies(knex: Knex, code?: string): Promise<AgencyRow[]> {
  const query = knex('agency')
    .select(AGENCY_COLUMNS)
    .orderBy('code')
    .limit(MAX_CATALOGUE_SIZE);
  if (code !== undefined) query.where('code', code);
  return query;
}

export interface PurposeRow {
  code: string;
  name: string;
  description: string;
  declarableByAgencies: string[] | null;
  declarableByRoles: string[];
  caseIdPattern: string | null;
  caseIdExample: string | null;
}

/** `builderOptions`: OFF_REQUEST_PATH when read for a timer, not a request (purposeListRoute). */
export function purposes(knex: Knex, builderOptions: Readonly<Record<string, unknown>> = {}): Promise<PurposeRow[]> {
  return knex('purpose')
    .options(builderOptions)
    .select('code', 'name', 'description', {
      declarableByAgencies: 'declarable_by_agencies',
      declarableByRoles: 'declarable_by_roles',
      caseIdPattern: 'case_id_pattern',
      caseIdExample: 'case_id_example',
    })
    .orderBy('code')
    .limit(MAX_CATALOGUE_SIZE);
}

export function legalBases(knex: Knex, kind: string | null) {
  const query = knex('legal_basis').select('code', 'kind', 'title', 'document', 'provision').orderBy('code').limit(MAX_CATALOGUE_SIZE);
  if (kind) query.where('kind', kind);
  return query;
}
