// The population register's open data (issue 15): residents per commune, gender and five-year age band,
// under disclosure control (shared/openData/disclosureControl.ts), with a total row per commune.
import type { Knex } from 'knex';
import { provinceDay } from '../../../shared/calendar/provinceDay.ts';
import { ageBandOf, TOP_BAND_FROM } from '../../../shared/openData/ageBands.ts';
import type { OpenDataSources } from '../../../shared/openData/openDataSourceRoute.ts';

interface PopulationCell {
  unitCode: string;
  gender: string;
  bandFrom: number;
  people: number;
}

/** Living residents by commune of permanent residence, gender and age band, the age on `day`. */
export async function residentsByCommuneGenderAge(knex: Knex, day: string): Promise<PopulationCell[]> {
  const age = knex.raw('date_part(\'year\', age(?::date, citizen.date_of_birth))', [day]);
  const bandFrom = knex.raw('least(floor(? / 5) * 5, ?)::int', [age, TOP_BAND_FROM]);
  return knex('citizen')
    .select({ unitCode: 'citizen.unit_code', gender: 'citizen.gender' })
    .select(knex.raw('? as "bandFrom"', [bandFrom]))
    .select(knex.raw('count(*)::int as people'))
    .whereNull('citizen.date_of_death')
    // By position: the band is an expression.
    .groupByRaw('1, 2, 3');
}

export const populationOpenDataSources: OpenDataSources = {
  'population-by-commune-gender-age': {
    kind: 'aggregate',
    columns: ['unit_code', 'gender', 'age_band', 'people'],
    table: async (knex) => ({
      dimensions: ['unit_code', 'gender', 'age_band'],
      cells: (await residentsByCommuneGenderAge(knex, provinceDay(new Date()))).map((cell) => ({
        key: [cell.unitCode, cell.gender, ageBandOf(cell.bandFrom)],
        people: cell.people,
      })),
      totalsBy: [['unit_code']],
    }),
  },
};
