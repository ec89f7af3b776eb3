// GraphQL face of the connection agreements. The platform policies let officers, security officers and
// data-protection officers reach these fields; which requests each may see, and what each may do to
// them, is decided here from the caller's agency and CONNECTION_RULES (connectionRequests.ts).
import { config } from '../../../../shared/config/config.ts';
import { listCursorScope } from '../../../../shared/auth/cursorKey.ts';
import { openCursor, toPage } from '../../../../shared/loaders/pagination.ts';
import { pageSizeOf } from '../../../../shared/loaders/listBounds.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import type { PlatformLoaders } from '../catalogues/loaders.ts';
import { policiesOnDisk } from '../policyConsole/policiesOnDisk.ts';
import { shareableGroups, type ConnectionRequestInput } from './connectionInput.ts';
import {
  actorsOf,
  draftConnectionRequest,
  findConnectionRequest,
  isUuid,
  listConnectionRequests,
  readState,
  transitionConnectionRequest,
  updateConnectionRequest,
  type ConnectionEventRow,
  type ConnectionRequestRow,
  type ListFilter,
  type TransitionInput,
} from './connectionRequests.ts';
import { allowedActions, CONNECTION_RULES, publishedRule, type ConnectionState } from './connectionRules.ts';
import { ageInWorkingDays } from './workingDays.ts';

import { asEnumValue, isoOrNull } from '../workflow/graphqlValues.ts';
import { requireViewer as requireViewerOf } from '../workflow/workflowViewer.ts';
import { agencyOrNull } from '../catalogues/catalogueResolvers.ts';

type Context = SubgraphContext<PlatformLoaders>;


const requireViewer = (ctx: Context, coordinate: string) => requireViewerOf(ctx.principal, coordinate, 'platform.connection-request');

function groupsInForce(ctx: Context) {
  return shareableGroups(policiesOnDisk(ctx.policyDir));
}

interface GraphQLFilter {
  side?: 'CONSUMER' | 'OWNER' | null;
  state?: string | null;
  overdue?: boolean | null;
}

const CURSOR_SEPARATOR = '|';

/** Agency codes are foreign keys of the directory: a row is always there. */

export const connectionResolvers = {
  Query: {
    connectionRequests: async (_: unknown, args: { filter?: GraphQLFilter | null; first?: number | null; after?: string | null }, ctx: Context) => {
      const viewer = requireViewer(ctx, 'Query.connectionRequests');
      const size = pageSizeOf('Query.connectionRequests', args.first);
      const scope = listCursorScope('platform', ctx.principal, 'Query.connectionRequests', args);
      const position = openCursor(scope, args.after);
      const [at, id] = position ? position.split(CURSOR_SEPARATOR) : [];
      const filter: ListFilter = { side: args.filter?.side, state: args.filter?.state ? (args.filter.state.toLowerCase() as ConnectionState) : null, overdue: args.filter?.overdue };
      const rows = await listConnectionRequests(ctx.knex, viewer, filter, {
        size,
        after: position ? { createdAt: new Date(at), id } : null,
        decisionWorkingDays: config.connections.decisionWorkingDays,
        now: new Date(),
      });
      return toPage(rows, size, (row) => `${new Date(row.createdAt).toISOString()}${CURSOR_SEPARATOR}${row.id}`, scope);
    },
    connectionRequest: (_: unknown, args: { id: string }, ctx: Context) => {
      if (!isUuid(args.id)) throw badUserInput('"id" must be a connection request id (a UUID)', 'id');
      return findConnectionRequest(ctx.knex, requireViewer(ctx, 'Query.connectionRequest'), args.id);
    },
    connectionRules: () => CONNECTION_RULES.map(publishedRule),
  },
  Mutation: {
    draftConnectionRequest: (_: unknown, args: { input: ConnectionRequestInput }, ctx: Context) =>
      draftConnectionRequest(ctx.knex, { principal: ctx.principal }, args.input, groupsInForce(ctx)),
    updateConnectionRequest: (_: unknown, args: { id: string; input: Partial<ConnectionRequestInput> }, ctx: Context) =>
      updateConnectionRequest(ctx.knex, { principal: ctx.principal }, args.id, args.input, groupsInForce(ctx)),
    submitConnectionRequest: (_: unknown, args: { id: string }, ctx: Context) => transitionConnectionRequest(ctx.knex, { principal: ctx.principal }, args.id, 'submit', {}),
    withdrawConnectionRequest: (_: unknown, args: { id: string } & TransitionInput, ctx: Context) =>
      transitionConnectionRequest(ctx.knex, { principal: ctx.principal }, args.id, 'withdraw', args),
    returnConnectionRequest: (_: unknown, args: { id: string } & TransitionInput, ctx: Context) =>
      transitionConnectionRequest(ctx.knex, { principal: ctx.principal }, args.id, 'return', args),
    approveConnectionRequest: (_: unknown, args: { id: string } & TransitionInput, ctx: Context) =>
      transitionConnectionRequest(ctx.knex, { principal: ctx.principal }, args.id, 'approve', args),
    refuseConnectionRequest: (_: unknown, args: { id: string } & TransitionInput, ctx: Context) =>
      transitionConnectionRequest(ctx.knex, { principal: ctx.principal }, args.id, 'refuse', args),
    suspendConnection: (_: unknown, args: { id: string } & TransitionInput, ctx: Context) =>
      transitionConnectionRequest(ctx.knex, { principal: ctx.principal }, args.id, 'suspend', args),
    resumeConnection: (_: unknown, args: { id: string } & TransitionInput, ctx: Context) =>
      transitionConnectionRequest(ctx.knex, { principal: ctx.principal }, args.id, 'resume', args),
    endConnection: (_: unknown, args: { id: string } & TransitionInput, ctx: Context) =>
      transitionConnectionRequest(ctx.knex, { principal: ctx.principal }, args.id, 'end', args),
  },
  ConnectionRequest: {
    consumerAgency: async (row: ConnectionRequestRow, _: unknown, ctx: Context) => agencyOrNull(await ctx.loaders.agencyByCode.load(row.consumerAgency)),
    ownerAgency: async (row: ConnectionRequestRow, _: unknown, ctx: Context) => agencyOrNull(await ctx.loaders.agencyByCode.load(row.ownerAgency)),
    state: (row: ConnectionRequestRow) => asEnumValue(readState(row)),
    createdAt: (row: ConnectionRequestRow) => isoOrNull(row.createdAt),
    submittedAt: (row: ConnectionRequestRow) => isoOrNull(row.submittedAt),
    updatedAt: (row: ConnectionRequestRow) => isoOrNull(row.updatedAt),
    ageWorkingDays: (row: ConnectionRequestRow) => (row.state === 'submitted' && row.lastSubmittedAt ? ageInWorkingDays(new Date(row.lastSubmittedAt), new Date()) : null),
    overdue: (row: ConnectionRequestRow) =>
      row.state === 'submitted' && row.lastSubmittedAt !== null && ageInWorkingDays(new Date(row.lastSubmittedAt), new Date()) > config.connections.decisionWorkingDays,
    history: (row: ConnectionRequestRow, _: unknown, ctx: Context) => ctx.loaders.connectionHistoryByRequestId.load(row.id),
    allowedActions: (row: ConnectionRequestRow, _: unknown, ctx: Context) => allowedActions(actorsOf(ctx.principal, row), readState(row)).map(asEnumValue),
  },
  ConnectionEvent: {
    at: (event: ConnectionEventRow) => isoOrNull(event.at),
    action: (event: ConnectionEventRow) => asEnumValue(event.action),
    fromState: (event: ConnectionEventRow) => (event.fromState ? asEnumValue(event.fromState) : null),
    toState: (event: ConnectionEventRow) => asEnumValue(event.toState),
    changed: (event: ConnectionEventRow) => (event.details?.changed as string[] | undefined) ?? null,
    approvedUntil: (event: ConnectionEventRow) => (event.details?.approvedUntil as string | undefined) ?? null,
    conditions: (event: ConnectionEventRow) => (event.details?.conditions as string | undefined) ?? null,
  },
};
