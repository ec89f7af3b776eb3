import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { pageSizeOf } from '../../../shared/loaders/listBounds.ts';
import { fetchPage } from '../../../shared/loaders/pagination.ts';
import { listCursorScope } from '../../../shared/auth/cursorKey.ts';
import type { SubgraphContext } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { recordId, unitCode } from '../../../shared/validation/inputs.ts';
import { dateRange } from './dateRange.ts';
import type { CivilStatusLoaders } from './loaders.ts';
import {
  REGISTER_SORT_KEY,
  registerList,
  type BirthRow,
  type CivilEventKind,
  type CivilEventRow,
  type DeathRow,
  type MarriageRow,
} from './queries.ts';

type Context = SubgraphContext<CivilStatusLoaders>;

interface RegisterArgs {
  kind?: CivilEventKind | null;
  unitCode?: string | null;
  registeredFrom?: string | null;
  registeredTo?: string | null;
  first?: number | null;
  after?: string | null;
}

const TYPE_OF_KIND: Record<CivilEventKind, string> = { BIRTH: 'Birth', MARRIAGE: 'Marriage', DEATH: 'Death' };

/** Citizens are owned by the population subgraph: a reference is enough. */
const citizenRef = (id: string | null) => (id ? { id } : null);

// Fields every event type shares; the rest of each type's fields are read straight off the row.
const civilEventFields = {
  registeredAt: (event: CivilEventRow) => ({ code: event.unitCode }),
};

export const resolvers: GraphQLResolverMap<Context> = {
  Query: {
    birth: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.birthById.load(recordId(args.id)),
    marriage: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.marriageById.load(recordId(args.id)),
    death: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.deathById.load(recordId(args.id)),
    civilEvents: (_: unknown, args: RegisterArgs, ctx: Context) => {
      const { from, to } = dateRange(args.registeredFrom, args.registeredTo);
      const base = registerList(ctx.knex, {
        kind: args.kind ?? null,
        unitCode: unitCode(args.unitCode),
        registeredFrom: from,
        registeredTo: to,
      });
      return fetchPage<CivilEventRow & { sortKey: string }>(base, REGISTER_SORT_KEY, (row) => row.sortKey, args, listCursorScope('civil-status', ctx.principal, 'Query.civilEvents', args));
    },
  },
  CivilEvent: {
    __resolveType: (event: CivilEventRow) => TYPE_OF_KIND[event.kind],
  },
  Birth: {
    ...civilEventFields,
    child: (birth: BirthRow) => citizenRef(birth.childId),
    father: (birth: BirthRow) => citizenRef(birth.fatherId),
    mother: (birth: BirthRow) => citizenRef(birth.motherId),
  },
  Marriage: {
    ...civilEventFields,
    husband: (marriage: MarriageRow) => citizenRef(marriage.husbandId),
    wife: (marriage: MarriageRow) => citizenRef(marriage.wifeId),
  },
  Death: {
    ...civilEventFields,
    deceased: (death: DeathRow) => citizenRef(death.deceasedId),
  },
  Citizen: {
    __resolveReference: (reference: { id: string }) => reference,
    civilEvents: (citizen: { id: string }, args: { first?: number | null }, ctx: Context) =>
      ctx.loaders.civilEventsByCitizenId(pageSizeOf('Citizen.civilEvents', args.first)).load(citizen.id),
  },
};
