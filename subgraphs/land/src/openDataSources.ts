// The land register's open data (issue 15): parcels, their area and the distinct people holding them,
// per commune and land-use purpose, under disclosure control on the people (a cell of fewer than k land
// users is suppressed with its parcels and area), with a total row per commune. Enterprises holding land
// are not people: a cell of only enterprise land counts 0 people and is published.
import type { Knex } from 'knex';
import type { OpenDataSources } from '../../../shared/openData/openDataSourceRoute.ts';

interface LandCell {
  unitCode: string;
  purpose: string;
  parcels: number;
  area: number;
  people: number;
}

/** One statement: parcels and area per cell, and the distinct persons holding a parcel of the cell. */
export async function landByCommunePurpose(knex: Knex): Promise<LandCell[]> {
  const parcels = knex('land_parcel')
    .select({ unitCode: 'land_parcel.unit_code', purpose: 'land_parcel.land_use_purpose' })
    .select(knex.raw('count(*)::int as parcels'), knex.raw('sum(land_parcel.area)::float8 as area'))
    .groupBy('land_parcel.unit_code', 'land_parcel.land_use_purpose');
  const users = knex('parcel_holder')
    .join('land_parcel', 'land_parcel.id', 'parcel_holder.parcel_id')
    .whereNotNull('parcel_holder.citizen_id')
    .select({ unitCode: 'land_parcel.unit_code', purpose: 'land_parcel.land_use_purpose' })
    .select(knex.raw('count(distinct parcel_holder.citizen_id)::int as people'))
    .groupBy('land_parcel.unit_code', 'land_parcel.land_use_purpose');
  return knex
    .with('parcels', parcels)
    .with('users', users)
    .from('parcels')
    .leftJoin('users', function joinCell() {
      this.on('users.unitCode', 'parcels.unitCode').andOn('users.purpose', 'parcels.purpose');
    })
    .select({ unitCode: 'parcels.unitCode', purpose: 'parcels.purpose', parcels: 'parcels.parcels', area: 'parcels.area' })
    .select(knex.raw('coalesce(users.people, 0)::int as people'));
}

export const landOpenDataSources: OpenDataSources = {
  'land-area-by-purpose-commune': {
    kind: 'aggregate',
    columns: ['unit_code', 'land_use_purpose', 'parcels', 'area_m2', 'people'],
    table: async (knex) => ({
      dimensions: ['unit_code', 'land_use_purpose'],
      measures: ['parcels', 'area_m2'],
      cells: (await landByCommunePurpose(knex)).map((cell) => ({
        key: [cell.unitCode, cell.purpose],
        people: cell.people,
        // Square metres to one decimal, as the register keeps them.
        measures: [cell.parcels, Math.round(cell.area * 10) / 10],
      })),
      totalsBy: [['unit_code']],
    }),
  },
};
