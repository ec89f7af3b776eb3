// Whom a signed-in citizen acts for: themself, or a minor child of theirs as the population register
// records the parents (Law 91/2025: a parent consents for a child). The register is asked with the
// token the gateway minted for this citizen's request; without an answer, nobody acts for a child.
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { CHILDREN_PATH, GUARDIANSHIP_AUDIENCE } from '../../../../shared/auth/relayTokens.ts';
import { logError } from '../../../../shared/logging/log.ts';
import { callInternalRoute } from '../../../../shared/internalRoutes/callInternalRoute.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { personalId } from '../../../../shared/validation/inputs.ts';

export interface Acting {
  /** The data subject. */
  subject: string;
  /** Who acts: the subject, or their parent. */
  actor: string;
}

export async function minorChildren(ctx: SubgraphContext<unknown>): Promise<string[]> {
  const url = ctx.subgraphUrl('population');
  const token = ctx.relayTokens[GUARDIANSHIP_AUDIENCE];
  if (!url || !token) throw new Error('no population register or guardianship token for this request');
  return (await callInternalRoute<{ children: string[] }>(url, CHILDREN_PATH, token, ctx.principal.requestId, {})).children;
}

/**
 * `citizen` is the request's subject: the signed-in citizen, or the minor child a parent acts for with
 * X-Child-Id (the gateway checked it; the parent is then the actor). `subjectId` names a child in the
 * mutation itself instead, checked here.
 */
export async function actingFor(ctx: SubgraphContext<unknown>, citizen: string, subjectId: string | null | undefined): Promise<Acting> {
  if (!subjectId || subjectId === citizen) return { subject: citizen, actor: ctx.principal.guardian ?? citizen };
  personalId(subjectId, 'subjectId');
  let children: string[];
  try {
    children = await minorChildren(ctx);
  } catch (error) {
    logError('guardianship lookup failed', { requestId: ctx.principal.requestId, error });
    throw badUserInput('Whether you may act for this person cannot be checked now; nothing was changed. Try again later', 'subjectId');
  }
  // The same answer whether the person does not exist, is of age, or is someone else's child.
  if (!children.includes(subjectId)) throw badUserInput('The population register does not record you as a parent of a minor with this personal id', 'subjectId');
  return { subject: subjectId, actor: citizen };
}
