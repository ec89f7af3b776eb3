// GraphQL face of the consent registry: citizens only (platform policies), each on their own consents.
import { hasRole } from '../../../shared/auth/Principal.ts';
import { forbidden } from '../../../shared/errors/forbidden.ts';
import type { SubgraphContext } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { consentableGroups, consentsOf, grantConsent, revokeConsent, statusOf, type ConsentRow, type GrantInput } from './consentRegistry.ts';
import { actingFor } from './guardianship.ts';
import { policiesOnDisk } from './policiesOnDisk.ts';

type Context = SubgraphContext<unknown>;

export function requireCitizen(ctx: Context, coordinate: string): string {
  if (!hasRole(ctx.principal, 'citizen') || !ctx.principal.subject) {
    throw forbidden(coordinate, { reason: 'ROLE_NOT_ALLOWED', policy: 'platform.consent', rule: null }, ctx.principal.requestId);
  }
  return ctx.principal.subject;
}

export const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function consentView(consent: ConsentRow) {
  return {
    ...consent,
    validFrom: iso(consent.validFrom),
    validUntil: iso(consent.validUntil),
    createdAt: iso(consent.createdAt),
    revokedAt: iso(consent.revokedAt),
    status: statusOf(consent),
    channel: consent.channel.toUpperCase().replace(/-/g, '_'),
  };
}

export const consentResolvers = {
  Query: {
    myConsents: async (_: unknown, args: { status?: string | null }, ctx: Context) => {
      const citizen = requireCitizen(ctx, 'Query.myConsents');
      const consents = (await consentsOf(ctx.knex, citizen)).map(consentView);
      return args.status ? consents.filter((consent) => consent.status === args.status) : consents;
    },
    consentableFieldGroups: (_: unknown, __: unknown, ctx: Context) => consentableGroups(policiesOnDisk(ctx.policyDir)),
  },
  Mutation: {
    grantConsent: async (_: unknown, args: { input: GrantInput }, ctx: Context) => {
      const citizen = requireCitizen(ctx, 'Mutation.grantConsent');
      const consentable = consentableGroups(policiesOnDisk(ctx.policyDir));
      return consentView(await grantConsent(ctx.knex, await actingFor(ctx, citizen, args.input.subjectId), args.input, consentable));
    },
    revokeConsent: async (_: unknown, args: { id: string }, ctx: Context) =>
      consentView(await revokeConsent(ctx.knex, requireCitizen(ctx, 'Mutation.revokeConsent'), args.id)),
  },
};
