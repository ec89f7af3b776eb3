// Consents, subject requests and the access log answer citizens only, each about themself (or a minor
// child of theirs); anyone else is refused as the platform policies say.
import { hasRole } from '../../../../shared/auth/Principal.ts';
import { forbidden } from '../../../../shared/errors/forbidden.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';

type Context = SubgraphContext<unknown>;

/** The signed-in citizen's personal id, or a FORBIDDEN error naming the field asked for. */
export function requireCitizen(ctx: Context, coordinate: string): string {
  if (!hasRole(ctx.principal, 'citizen') || !ctx.principal.subject) {
    throw forbidden(coordinate, { reason: 'ROLE_NOT_ALLOWED', policy: 'platform.consent', rule: null }, ctx.principal.requestId);
  }
  return ctx.principal.subject;
}
