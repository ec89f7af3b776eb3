import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { hasRole } from '../../../shared/auth/Principal.ts';
import { partOfRecord } from '../../../shared/policy/enclosingRecord.ts';
import { pageSizeOf } from '../../../shared/loaders/listBounds.ts';
import { fetchPage } from '../../../shared/loaders/pagination.ts';
import { listCursorScope } from '../../../shared/auth/cursorKey.ts';
import type { SubgraphContext } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { personalId, recordId, unitCode } from '../../../shared/validation/inputs.ts';
import { myMinorChildren } from './guardianship.ts';
import type { PopulationLoaders } from './loaders.ts';
import { citizenList, type CitizenRow, type HouseholdRow } from './queries.ts';

type Context = SubgraphContext<PopulationLoaders>;

export const resolvers: GraphQLResolverMap<Context> = {
  Query: {
    citizen: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.citizenById.load(personalId(args.id)),
    citizens: (_: unknown, args: { unitCode?: string; first?: number; after?: string }, ctx: Context) =>
      fetchPage<CitizenRow>(citizenList(ctx.knex, { unitCode: unitCode(args.unitCode) }), 'citizen.id', (row) => row.id, args, listCursorScope('population', ctx.principal, 'Query.citizens', args)),
    household: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.householdById.load(recordId(args.id)),
    me: (_: unknown, __: unknown, ctx: Context) =>
      hasRole(ctx.principal, 'citizen') && ctx.principal.subject ? ctx.loaders.citizenById.load(ctx.principal.subject) : null,
    myMinorChildren: (_: unknown, __: unknown, ctx: Context) => myMinorChildren(ctx.principal, ctx.knex),
  },
  Citizen: {
    __resolveReference: (reference: { id: string }, ctx: Context) => ctx.loaders.citizenById.load(reference.id),
    gender: (citizen: CitizenRow) => citizen.gender.toUpperCase(),
    ethnicity: (citizen: CitizenRow) => ({ code: citizen.ethnicGroupCode, name: citizen.ethnicGroupName }),
    residence: (citizen: CitizenRow) => partOfRecord({ unit: { code: citizen.unitCode }, address: citizen.address }, citizen.id),
    household: (citizen: CitizenRow, _: unknown, ctx: Context) => ctx.loaders.householdById.load(citizen.householdId),
    father: (citizen: CitizenRow, _: unknown, ctx: Context) => (citizen.fatherId ? ctx.loaders.citizenById.load(citizen.fatherId) : null),
    mother: (citizen: CitizenRow, _: unknown, ctx: Context) => (citizen.motherId ? ctx.loaders.citizenById.load(citizen.motherId) : null),
  },
  Household: {
    __resolveReference: (reference: { id: string }, ctx: Context) => ctx.loaders.householdById.load(reference.id),
    head: (household: HouseholdRow, _: unknown, ctx: Context) => ctx.loaders.citizenById.load(household.headId),
    unit: (household: HouseholdRow) => ({ code: household.unitCode }),
    members: (household: HouseholdRow, args: { first?: number }, ctx: Context) =>
      ctx.loaders.membersByHouseholdId(pageSizeOf('Household.members', args.first)).load(household.id),
  },
};
