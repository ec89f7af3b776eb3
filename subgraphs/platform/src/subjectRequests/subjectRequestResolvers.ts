// GraphQL face of subject requests: citizens only, each on their own requests or their minor child's.
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { isoOrNull } from '../citizens/citizenRows.ts';
import { requireCitizen } from '../citizens/requireCitizen.ts';
import { actingFor } from '../citizens/guardianship.ts';
import { policiesOnDisk } from '../policyConsole/policiesOnDisk.ts';
import {
  createSubjectRequest,
  requestableGroups,
  subjectRequestsOf,
  subjectRequestStatus,
  withdrawSubjectRequest,
  type DataProvisionInput,
  type SubjectRequestRow,
} from './subjectRequests.ts';

type Context = SubgraphContext<unknown>;

function requestView(request: SubjectRequestRow) {
  return {
    ...request,
    validUntil: isoOrNull(request.validUntil),
    createdAt: isoOrNull(request.createdAt),
    usedAt: isoOrNull(request.usedAt),
    withdrawnAt: isoOrNull(request.withdrawnAt),
    status: subjectRequestStatus(request),
  };
}

export const subjectRequestResolvers = {
  Query: {
    mySubjectRequests: async (_: unknown, args: { status?: string | null }, ctx: Context) => {
      const requests = (await subjectRequestsOf(ctx.knex, requireCitizen(ctx, 'Query.mySubjectRequests'))).map(requestView);
      return args.status ? requests.filter((request) => request.status === args.status) : requests;
    },
    subjectRequestableFieldGroups: (_: unknown, __: unknown, ctx: Context) => requestableGroups(policiesOnDisk(ctx.policyDir)),
  },
  Mutation: {
    requestDataProvision: async (_: unknown, args: { input: DataProvisionInput & { subjectId?: string | null } }, ctx: Context) => {
      const citizen = requireCitizen(ctx, 'Mutation.requestDataProvision');
      const requestable = requestableGroups(policiesOnDisk(ctx.policyDir));
      return requestView(await createSubjectRequest(ctx.knex, await actingFor(ctx, citizen, args.input.subjectId), args.input, requestable));
    },
    withdrawSubjectRequest: async (_: unknown, args: { id: string }, ctx: Context) =>
      requestView(await withdrawSubjectRequest(ctx.knex, requireCitizen(ctx, 'Mutation.withdrawSubjectRequest'), args.id)),
  },
};
