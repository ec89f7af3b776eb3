// The civil-status register's open data (issue 15): the people registered per month, commune and kind
// of event (a birth registers the child, a marriage the two spouses, a death the deceased), under
// disclosure control (shared/openData/disclosureControl.ts), with a total row per month and commune.
import type { Knex } from 'knex';
import type { OpenDataSources } from '../../../shared/openData/openDataSourceRoute.ts';

interface EventCell {
  month: string;
  unitCode: string;
  kind: string;
  people: number;
}

/** One statement: the three registers' events, as (month, commune, kind, people), grouped. */
export async function peopleByMonthCommuneKind(knex: Knex): Promise<EventCell[]> {
  const events = knex
    .select({ registeredOn: 'birth.registered_on', unitCode: 'birth.unit_code' })
    .select(knex.raw("'birth' as kind"), knex.raw('1 as people'))
    .from('birth')
    .unionAll((union) => union.select({ registeredOn: 'marriage.registered_on', unitCode: 'marriage.unit_code' }).select(knex.raw("'marriage' as kind"), knex.raw('2 as people')).from('marriage'), true)
    .unionAll((union) => union.select({ registeredOn: 'death.registered_on', unitCode: 'death.unit_code' }).select(knex.raw("'death' as kind"), knex.raw('1 as people')).from('death'), true);
  return knex
    .from(events.as('event'))
    .select(knex.raw("to_char(event.\"registeredOn\", 'YYYY-MM') as month"), { unitCode: 'event.unitCode', kind: 'event.kind' })
    .select(knex.raw('sum(event.people)::int as people'))
    // By position: the month is an expression.
    .groupByRaw('1, 2, 3');
}

export const civilStatusOpenDataSources: OpenDataSources = {
  'civil-events-by-month-commune': {
    kind: 'aggregate',
    columns: ['month', 'unit_code', 'kind', 'people'],
    table: async (knex) => ({
      dimensions: ['month', 'unit_code', 'kind'],
      cells: (await peopleByMonthCommuneKind(knex)).map((cell) => ({ key: [cell.month, cell.unitCode, cell.kind], people: cell.people })),
      totalsBy: [['month', 'unit_code']],
    }),
  },
};
