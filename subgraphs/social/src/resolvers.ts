import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { pageSizeOf } from '../../../shared/loaders/listBounds.ts';
import { fetchPage } from '../../../shared/loaders/pagination.ts';
import { listCursorScope } from '../../../shared/auth/cursorKey.ts';
import type { SubgraphContext } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { recordId } from '../../../shared/validation/inputs.ts';
import { benefitStatus, programCode } from './inputs.ts';
import type { SocialLoaders } from './loaders.ts';
import { allPrograms, benefitList, type BenefitRow } from './queries.ts';

type Context = SubgraphContext<SocialLoaders>;
type BenefitStatusArg = 'ACTIVE' | 'ENDED' | null;

export const resolvers: GraphQLResolverMap<Context> = {
  Query: {
    benefit: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.benefitById.load(recordId(args.id)),
    // A root field asked once per request: a plain query, no batching to gain.
    benefitPrograms: (_: unknown, __: unknown, ctx: Context) => allPrograms(ctx.knex),
    beneficiaries: (
      _: unknown,
      args: { programCode?: string | null; status?: BenefitStatusArg; first?: number; after?: string },
      ctx: Context,
    ) =>
      fetchPage<BenefitRow>(
        benefitList(ctx.knex, { programCode: programCode(args.programCode), status: benefitStatus(args.status) }),
        'benefit.id',
        (row) => row.id,
        args,
        listCursorScope('social', ctx.principal, 'Query.beneficiaries', args),
      ),
  },
  Benefit: {
    __resolveReference: (reference: { id: string }, ctx: Context) => ctx.loaders.benefitById.load(reference.id),
    program: (benefit: BenefitRow) => ({ code: benefit.programCode, name: benefit.programName, legalBasis: benefit.programLegalBasis }),
    status: (benefit: BenefitRow) => benefit.status.toUpperCase(),
    // The population subgraph resolves the rest of the citizen.
    beneficiary: (benefit: BenefitRow) => ({ id: benefit.citizenId }),
  },
  Citizen: {
    // Extending a citizen needs only its id; whether it exists is the population register's business.
    __resolveReference: (reference: { id: string }) => reference,
    benefits: (citizen: { id: string }, args: { first?: number; status?: BenefitStatusArg }, ctx: Context) =>
      ctx.loaders.benefitsByCitizenId(benefitStatus(args.status))(pageSizeOf('Citizen.benefits', args.first)).load(citizen.id),
  },
};
