// The social-protection register's open data (issue 15): the distinct people receiving a benefit now,
// per programme and paying commune, under disclosure control (shared/openData/disclosureControl.ts),
// with a total row per programme over the province's communes: a commune's beneficiaries of one
// programme are few, the province's many, so the programme totals are what stays published.
import type { Knex } from 'knex';
import type { OpenDataSources } from '../../../shared/openData/openDataSourceRoute.ts';

interface BeneficiaryCell {
  programme: string;
  unitCode: string;
  people: number;
}

/** Active benefits' distinct beneficiaries per programme and commune; a benefit of no recorded commune is left out. */
export async function beneficiariesByProgrammeCommune(knex: Knex): Promise<BeneficiaryCell[]> {
  return knex('benefit')
    .select({ programme: 'benefit.program_code', unitCode: 'benefit.unit_code' })
    .select(knex.raw('count(distinct benefit.citizen_id)::int as people'))
    .where('benefit.status', 'active')
    .whereNotNull('benefit.unit_code')
    .groupBy('benefit.program_code', 'benefit.unit_code');
}

export const socialOpenDataSources: OpenDataSources = {
  'social-beneficiaries-by-programme-commune': {
    kind: 'aggregate',
    columns: ['programme', 'unit_code', 'people'],
    table: async (knex) => ({
      dimensions: ['programme', 'unit_code'],
      cells: (await beneficiariesByProgrammeCommune(knex)).map((cell) => ({ key: [cell.programme, cell.unitCode], people: cell.people })),
      totalsBy: [['programme']],
    }),
  },
};
