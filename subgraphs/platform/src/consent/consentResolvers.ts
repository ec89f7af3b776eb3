// GraphQL face of the consent registry: citizens only (platform policies), each on their own consents.
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { consentableGroups, consentsOf, grantConsent, revokeConsent, statusOf, type ConsentRow, type GrantInput } from './consentRegistry.ts';
import { actingFor } from '../citizens/guardianship.ts';
import { isoOrNull } from '../citizens/citizenRows.ts';
import { requireCitizen } from '../citizens/requireCitizen.ts';
import { policiesOnDisk } from '../policyConsole/policiesOnDisk.ts';

type Context = SubgraphContext<unknown>;

function consentView(consent: ConsentRow) {
  return {
    ...consent,
    validFrom: isoOrNull(consent.validFrom),
    validUntil: isoOrNull(consent.validUntil),
    createdAt: isoOrNull(consent.createdAt),
    revokedAt: isoOrNull(consent.revokedAt),
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
