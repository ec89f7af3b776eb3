// The business register's open data (issue 15): one row per enterprise, of the fields its policy
// classifies public (the published registration): never the legal representative, never the capital.
import type { Knex } from 'knex';
import type { OpenDataSources } from '../../../shared/openData/openDataSourceRoute.ts';

export const businessOpenDataSources: OpenDataSources = {
  enterprises: {
    kind: 'register',
    columns: ['enterprise_code', 'name', 'address', 'status', 'sector', 'registered_on'],
    rows: async (knex: Knex) => {
      const rows: { code: string; name: string; address: string; status: string; sector: string | null; registeredOn: string }[] = await knex('enterprise')
        .select({ code: 'enterprise.code', name: 'enterprise.name', address: 'enterprise.address', status: 'enterprise.status', sector: 'enterprise.sector', registeredOn: 'enterprise.registered_on' })
        .orderBy('enterprise.code');
      // Status as the schema spells it (ACTIVE, SUSPENDED, DISSOLVED).
      return rows.map((row) => [row.code, row.name, row.address, row.status.toUpperCase(), row.sector, row.registeredOn]);
    },
  },
};
