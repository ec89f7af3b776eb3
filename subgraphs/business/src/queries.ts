// SQL of the enterprise register. Explicit columns, aliased to the shapes the resolvers use.
import type { Knex } from 'knex';
import { anyOf } from '../../../shared/db/anyOf.ts';
import { compiledRead } from '../../../shared/db/compiledRead.ts';
import { limitPerGroup } from '../../../shared/db/limitPerGroup.ts';

export interface EnterpriseRow {
  enterpriseCode: string;
  name: string;
  kind: string;
  registeredOn: string;
  status: 'active' | 'suspended' | 'dissolved';
  unitCode: string;
  address: string;
  legalRepresentativeId: string;
  /** pg returns bigint as a string. */
  charterCapital: string;
  /** VSIC 2018 section; null for an entry registered before it was recorded. */
  sector: string | null;
}

const ENTERPRISE_COLUMNS = {
  enterpriseCode: 'enterprise.code',
  name: 'enterprise.name',
  kind: 'enterprise.kind',
  registeredOn: 'enterprise.registered_on',
  status: 'enterprise.status',
  unitCode: 'enterprise.unit_code',
  address: 'enterprise.address',
  legalRepresentativeId: 'enterprise.legal_representative_id',
  charterCapital: 'enterprise.charter_capital',
  sector: 'enterprise.sector',
};

function enterprises(knex: Knex): Knex.QueryBuilder {
  return knex('enterprise').select(ENTERPRISE_COLUMNS);
}

export const enterprisesByCodes = compiledRead<[codes: readonly string[]], EnterpriseRow>((knex, codes) =>
  enterprises(knex).where(anyOf(knex, 'enterprise.code', codes)),
);

/** Enterprises each citizen legally represents, oldest registration first, at most `limit` each. */
export const enterprisesByRepresentativeIds = compiledRead<[citizenIds: readonly string[], limit: number], EnterpriseRow>((knex, citizenIds, limit) =>
  limitPerGroup(knex, enterprises(knex).where(anyOf(knex, 'enterprise.legal_representative_id', citizenIds)), {
    partitionBy: 'enterprise.legal_representative_id',
    orderBy: 'enterprise.registered_on, enterprise.code',
    columns: Object.keys(ENTERPRISE_COLUMNS).map((alias) => `ranked.${alias}`),
    limit,
  }),
);

export interface EnterpriseFilter {
  unitCode: string | null;
  status: EnterpriseRow['status'] | null;
  nameContains: string | null;
}

/** `%` and `_` are LIKE wildcards and `\` its escape character: a client's text must match literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Base query of the enterprise list, filtered; the page and the count are taken from it. */
export function enterpriseList(knex: Knex, filter: EnterpriseFilter): Knex.QueryBuilder {
  const query = enterprises(knex);
  // A 2-digit code is the province itself: every enterprise here is in it.
  if (filter.unitCode && filter.unitCode.length === 5) query.where('enterprise.unit_code', filter.unitCode);
  if (filter.status) query.where('enterprise.status', filter.status);
  if (filter.nameContains) query.where('enterprise.name', 'ilike', `%${likeLiteral(filter.nameContains)}%`);
  return query;
}
