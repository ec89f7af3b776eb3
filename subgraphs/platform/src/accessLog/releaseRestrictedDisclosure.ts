// Releasing a restricted disclosure, for the owner agency's data-protection officer, the province's DPO
// or a security officer: the platform passes it to the register holding it (its release route, with the
// token the gateway minted for this caller and that agency), which decides by itself whether this caller
// may and records the release in its own database.
import { GraphQLError } from 'graphql';
import { hasRole } from '../../../../shared/auth/Principal.ts';
import { DISCLOSURE_RELEASE_PATH } from '../../../../shared/auth/relayTokens.ts';
import { parseRelease, recordRelease, type ReleaseAnswer } from '../../../../shared/audit/disclosureReleaseRoute.ts';
import { SUBGRAPH_SERVICES } from '../../../../shared/config/services.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { forbidden } from '../../../../shared/errors/forbidden.ts';
import { logError } from '../../../../shared/logging/log.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { callRegisterLog } from './callRegisterLog.ts';

const FIELD = 'Mutation.releaseRestrictedDisclosure';

export async function releaseRestrictedDisclosure(ctx: SubgraphContext<unknown>, args: { register: string; requestId: string; reason: string }) {
  const { principal } = ctx;
  if (!hasRole(principal, 'security-officer') && !hasRole(principal, 'data-protection-officer')) {
    throw forbidden(FIELD, { reason: 'ROLE_NOT_ALLOWED', policy: 'platform.mutation', rule: 'oversight-officers-release-restricted-disclosures' }, principal.requestId);
  }
  const service = SUBGRAPH_SERVICES.find((candidate) => candidate.name === args.register);
  if (!service) throw badUserInput(`"register" must be one of ${SUBGRAPH_SERVICES.map((candidate) => candidate.name).join(', ')}`, 'register');
  const release = parseRelease(args);
  let answer: ReleaseAnswer;
  try {
    answer = await callRegisterLog<ReleaseAnswer>(ctx, service.name, DISCLOSURE_RELEASE_PATH, release);
  } catch (error) {
    logError('disclosure release unavailable', { requestId: principal.requestId, register: service.name, error });
    throw new GraphQLError(`The ${service.name} register could not be reached: nothing was released`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
  }
  if (answer.outcome === 'NOT_ALLOWED') {
    // Only the owner agency's DPO, the province's DPO and security officers may release.
    throw forbidden(FIELD, { reason: 'AGENCY_NOT_ALLOWED', policy: 'platform.mutation', rule: 'oversight-officers-release-restricted-disclosures' }, principal.requestId);
  }
  if (answer.outcome !== 'RELEASED') throw badUserInput(`The ${service.name} register holds no restricted disclosure of request "${release.requestId}"`, 'requestId');
  // The platform's own records of oversight reads of these entries were hidden with them: released with them.
  if (service.name !== 'platform') await recordRelease(ctx.knex, principal, release.requestId, release.reason);
  return { register: service.name, ...answer.release };
}
