// GraphQL face of the policy console. Only security officers reach these fields (platform policies);
// the checks here repeat that for the mutations, which change what every agency may read. A change that
// widens access needs a second security officer (policyProposals.ts).
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import { hasRole, KNOWN_ROLES, type Principal, type Role } from '../../../../shared/auth/Principal.ts';
import { CATALOGUE_CODES } from '../../../../shared/catalogue/platformCatalogue.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { forbidden } from '../../../../shared/errors/forbidden.ts';
import { pageSizeOf } from '../../../../shared/loaders/listBounds.ts';
import { explainAccess } from '../../../../shared/policy/explainAccess.ts';
import { connectionsHeldNow } from '../connections/connectionLookup.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { checkPolicyChange } from './checkPolicyChange.ts';
import { policiesOnDisk } from './policiesOnDisk.ts';
import { policySummaries } from './policySummaries.ts';
import { impactDaysOf } from './impactReplay.ts';
import { listPolicyVersions, policiesInForce, type PolicyVersionRow } from './policyConsole.ts';
import {
  approvePolicyProposal,
  findPolicyProposal,
  listPolicyProposals,
  proposePolicyChange,
  rejectPolicyProposal,
  rollbackPolicies,
  type PolicyProposalRow,
  type ProposalStatus,
} from './policyProposals.ts';

type Context = SubgraphContext<unknown>;

let apiSchema: GraphQLSchema | undefined;
/** The public schema clients query, from the committed supergraph: what explainAccess parses against. */
function publicSchema(): GraphQLSchema {
  apiSchema ??= Supergraph.build(readFileSync(new URL('../../../../gateway/supergraph.graphql', import.meta.url), 'utf8')).apiSchema().toGraphQLJSSchema();
  return apiSchema;
}

function requireSecurityOfficer(ctx: Context, coordinate: string): string {
  if (!hasRole(ctx.principal, 'security-officer') || !ctx.principal.subject) {
    throw forbidden(coordinate, { reason: 'ROLE_NOT_ALLOWED', policy: 'platform.policy-console', rule: null }, ctx.principal.requestId);
  }
  return ctx.principal.subject;
}

const versionView = (row: PolicyVersionRow) => ({
  ...row,
  action: row.action.toUpperCase().replace('-', '_'),
  createdAt: new Date(row.createdAt).toISOString(),
});

const proposalView = (row: PolicyProposalRow) => ({
  ...row,
  status: row.status.toUpperCase(),
  action: row.action.toUpperCase().replace('-', '_'),
  decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
  createdAt: new Date(row.createdAt).toISOString(),
});

const PROPOSAL_STATUSES: Record<string, ProposalStatus> = { PENDING: 'pending', APPLIED: 'applied', APPROVED: 'approved', REJECTED: 'rejected' };

interface PolicyChangeInput {
  baseVersion: number;
  reason: string;
  impactDays?: number | null;
  files: Array<{ path: string; content?: string | null }>;
}

interface PrincipalInput {
  roles: string[];
  agency?: string | null;
  subject?: string | null;
}

function explainedPrincipal(input: PrincipalInput, purpose: string | null | undefined, requestId: string): Principal {
  const unknownRole = input.roles.find((role) => !(KNOWN_ROLES as readonly string[]).includes(role));
  if (input.roles.length === 0 || unknownRole) throw badUserInput(`"roles" must be among ${KNOWN_ROLES.join(', ')}`, 'principal.roles');
  if (input.agency && !CATALOGUE_CODES.agencies.includes(input.agency)) throw badUserInput(`Unknown agency "${input.agency}"`, 'principal.agency');
  if (purpose && !CATALOGUE_CODES.purposes.includes(purpose)) throw badUserInput(`Unknown purpose "${purpose}"`, 'purpose');
  return { subject: input.subject ?? null, agency: input.agency ?? null, roles: input.roles as Role[], purpose: purpose ?? null, caseId: null, requestId };
}

export const policyConsoleResolvers = {
  PolicyChangeDetail: {
    kind: (detail: { kind: string }) => detail.kind.toUpperCase().replace(/-/g, '_'),
  },
  Query: {
    policiesInForce: async (_: unknown, __: unknown, ctx: Context) => {
      requireSecurityOfficer(ctx, 'Query.policiesInForce');
      const current = await policiesInForce(ctx.knex, ctx.policyDir);
      return { ...versionView(current), files: Object.entries(current.files).map(([path, content]) => ({ path, content })) };
    },
    policyVersions: async (_: unknown, args: { first?: number }, ctx: Context) => {
      requireSecurityOfficer(ctx, 'Query.policyVersions');
      await policiesInForce(ctx.knex, ctx.policyDir);
      return (await listPolicyVersions(ctx.knex, pageSizeOf('Query.policyVersions', args.first))).map(versionView);
    },
    explainAccess: async (_: unknown, args: { principal: PrincipalInput; purpose?: string | null; query: string }, ctx: Context) => {
      requireSecurityOfficer(ctx, 'Query.explainAccess');
      if (args.query.length > 20_000) throw badUserInput('The query is longer than 20,000 characters', 'query');
      const principal = explainedPrincipal(args.principal, args.purpose, ctx.principal.requestId);
      const policies = policiesOnDisk(ctx.policyDir);
      // As the registers would decide today: with the connection agreements the agency holds now.
      return explainAccess(publicSchema(), policies, principal, args.query, await connectionsHeldNow(ctx.knex, principal, policies));
    },
    policySummaries: (_: unknown, args: { subgraph: string }, ctx: Context) => {
      requireSecurityOfficer(ctx, 'Query.policySummaries');
      return policySummaries(ctx.policyDir, args.subgraph);
    },
    checkPolicyChange: async (_: unknown, args: { baseVersion: number; files: PolicyChangeInput['files'] }, ctx: Context) => {
      requireSecurityOfficer(ctx, 'Query.checkPolicyChange');
      return checkPolicyChange(ctx.knex, ctx.policyDir, args);
    },
    policyProposals: async (_: unknown, args: { status?: string | null; first?: number }, ctx: Context) => {
      requireSecurityOfficer(ctx, 'Query.policyProposals');
      const status = args.status ? PROPOSAL_STATUSES[args.status] : null;
      return (await listPolicyProposals(ctx.knex, status, pageSizeOf('Query.policyProposals', args.first))).map(proposalView);
    },
    policyProposal: async (_: unknown, args: { id: number }, ctx: Context) => {
      requireSecurityOfficer(ctx, 'Query.policyProposal');
      const row = await findPolicyProposal(ctx.knex, args.id);
      return row ? proposalView(row) : null;
    },
  },
  Mutation: {
    proposePolicyChange: async (_: unknown, args: { input: PolicyChangeInput }, ctx: Context) => {
      const author = requireSecurityOfficer(ctx, 'Mutation.proposePolicyChange');
      return proposalView(await proposePolicyChange(ctx, author, { ...args.input, impactDays: impactDaysOf(args.input.impactDays) }));
    },
    rollbackPolicies: async (_: unknown, args: { version: number; reason: string; impactDays?: number | null }, ctx: Context) => {
      const author = requireSecurityOfficer(ctx, 'Mutation.rollbackPolicies');
      return proposalView(await rollbackPolicies(ctx, author, args.version, args.reason, impactDaysOf(args.impactDays)));
    },
    approvePolicyProposal: async (_: unknown, args: { id: number; reason: string }, ctx: Context) =>
      proposalView(await approvePolicyProposal(ctx, requireSecurityOfficer(ctx, 'Mutation.approvePolicyProposal'), args.id, args.reason)),
    rejectPolicyProposal: async (_: unknown, args: { id: number; reason: string }, ctx: Context) =>
      proposalView(await rejectPolicyProposal(ctx, requireSecurityOfficer(ctx, 'Mutation.rejectPolicyProposal'), args.id, args.reason)),
  },
};
