// GraphQL face of the catalogue of sharing services: signed-in officers of every kind (platform policies,
// sharing-service.policy.yaml). Each request first brings the catalogue in step with the policies, which
// costs nothing unless they changed.
import { listCursorScope } from '../../../../shared/auth/cursorKey.ts';
import { CATALOGUE_CODES } from '../../../../shared/catalogue/platformCatalogue.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { fetchPage } from '../../../../shared/loaders/pagination.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { agencyOrNull } from '../catalogues/catalogueResolvers.ts';
import { isoOrNull } from '../workflow/graphqlValues.ts';
import type { PlatformLoaders } from '../catalogues/loaders.ts';
import { catalogueInStep, sharingServiceList, type SharingServiceRow, type SharingServiceStatus } from './sharingCatalogue.ts';

type Context = SubgraphContext<PlatformLoaders>;

const MAX_TEXT = 200;
const MAX_ID = 200;

interface FilterInput {
  text?: string | null;
  ownerAgency?: string | null;
  classification?: string | null;
  purpose?: string | null;
  status?: string | null;
}

function checkedFilter(filter: FilterInput | null | undefined) {
  const text = filter?.text?.trim() || null;
  if (text && text.length > MAX_TEXT) throw badUserInput(`"text" must be at most ${MAX_TEXT} characters`, 'filter.text');
  if (filter?.ownerAgency && !CATALOGUE_CODES.agencies.includes(filter.ownerAgency)) {
    throw badUserInput(`"ownerAgency" must be an agency of the directory (agencies), like "cong-an-tinh"`, 'filter.ownerAgency');
  }
  if (filter?.purpose && !CATALOGUE_CODES.purposes.includes(filter.purpose)) {
    throw badUserInput(`"purpose" must be a purpose of the purpose list (purposes), like "civil-status-procedure"`, 'filter.purpose');
  }
  return {
    text,
    ownerAgency: filter?.ownerAgency ?? null,
    level: filter?.classification ? filter.classification.toLowerCase() : null,
    purpose: filter?.purpose ?? null,
    status: filter?.status ? (filter.status.toLowerCase() as SharingServiceStatus) : null,
  };
}


/** A row as the SharingService type answers it. */
export function sharingServiceView(row: SharingServiceRow) {
  const { entry } = row;
  return {
    ...entry,
    classification: entry.classification.toUpperCase(),
    status: row.status.toUpperCase(),
    disabledNotice: row.status === 'disabled' ? (entry.disabled?.notice ?? null) : null,
    disabledSince: row.status === 'disabled' ? (entry.disabled?.since ?? null) : null,
    removedAt: isoOrNull(row.removedAt),
    firstSeenAt: isoOrNull(row.firstSeenAt),
  };
}

export const sharingCatalogueResolvers = {
  Query: {
    sharingServices: async (_: unknown, args: { filter?: FilterInput | null; first?: number | null; after?: string | null }, ctx: Context) => {
      const filter = checkedFilter(args.filter);
      await catalogueInStep(ctx.knex, ctx.policyDir);
      const page = await fetchPage<SharingServiceRow>(
        sharingServiceList(ctx.knex, filter),
        'id',
        (row) => row.id,
        args,
        listCursorScope('platform', ctx.principal, 'Query.sharingServices', { filter }),
      );
      return { ...page, nodes: page.nodes.map(sharingServiceView) };
    },
    sharingService: async (_: unknown, args: { id: string }, ctx: Context) => {
      if (args.id.length > MAX_ID) throw badUserInput(`"id" must be a service id like "population.citizen:identity" (at most ${MAX_ID} characters)`, 'id');
      await catalogueInStep(ctx.knex, ctx.policyDir);
      const row = await ctx.loaders.sharingServiceById.load(args.id);
      return row ? sharingServiceView(row) : null;
    },
  },
  SharingService: {
    owner: async (service: { ownerAgency: string }, _: unknown, ctx: Context) => agencyOrNull(await ctx.loaders.agencyByCode.load(service.ownerAgency)),
  },
};
