import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { badUserInput } from '../../../shared/errors/clientErrors.ts';
import { pageSizeOf } from '../../../shared/loaders/listBounds.ts';
import { fetchPage } from '../../../shared/loaders/pagination.ts';
import { listCursorScope } from '../../../shared/auth/cursorKey.ts';
import type { SubgraphContext } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { enterpriseCode, unitCode } from '../../../shared/validation/inputs.ts';
import type { BusinessLoaders } from './loaders.ts';
import { enterpriseList, type EnterpriseRow } from './queries.ts';

type Context = SubgraphContext<BusinessLoaders>;
type EnterpriseStatus = 'ACTIVE' | 'SUSPENDED' | 'DISSOLVED';

const MAX_NAME_FILTER_LENGTH = 100;

/** Registered names are NFC, so a decomposed search text (as some keyboards send) is normalised before matching. */
function nameFilter(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value.length > MAX_NAME_FILTER_LENGTH) {
    throw badUserInput(`"nameContains" must be at most ${MAX_NAME_FILTER_LENGTH} characters`, 'nameContains');
  }
  return value === '' ? null : value.normalize('NFC');
}

export const resolvers: GraphQLResolverMap<Context> = {
  Query: {
    enterprise: (_: unknown, args: { enterpriseCode: string }, ctx: Context) =>
      ctx.loaders.enterpriseByCode.load(enterpriseCode(args.enterpriseCode)),
    enterprises: (
      _: unknown,
      args: { unitCode?: string; status?: EnterpriseStatus; nameContains?: string; first?: number; after?: string },
      ctx: Context,
    ) =>
      fetchPage<EnterpriseRow>(
        enterpriseList(ctx.knex, {
          unitCode: unitCode(args.unitCode),
          status: args.status ? (args.status.toLowerCase() as EnterpriseRow['status']) : null,
          nameContains: nameFilter(args.nameContains),
        }),
        'enterprise.code',
        (row) => row.enterpriseCode,
        args,
        listCursorScope('business', ctx.principal, 'Query.enterprises', args),
      ),
  },
  Enterprise: {
    // The land subgraph extends Enterprise, so a page of parcels asks for many enterprises at once.
    __resolveReference: (reference: { enterpriseCode: string }, ctx: Context) =>
      ctx.loaders.enterpriseByCode.load(reference.enterpriseCode),
    status: (enterprise: EnterpriseRow) => enterprise.status.toUpperCase(),
    registeredAt: (enterprise: EnterpriseRow) => ({ code: enterprise.unitCode }),
    legalRepresentative: (enterprise: EnterpriseRow) => ({ id: enterprise.legalRepresentativeId }),
    charterCapital: (enterprise: EnterpriseRow) => Number(enterprise.charterCapital),
  },
  Citizen: {
    // Population owns the citizen; this register only needs the id to list their enterprises.
    __resolveReference: (reference: { id: string }) => reference,
    businesses: (citizen: { id: string }, args: { first?: number }, ctx: Context) =>
      ctx.loaders.enterprisesByRepresentativeId(pageSizeOf('Citizen.businesses', args.first)).load(citizen.id),
  },
};
