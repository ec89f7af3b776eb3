// GET /sharing-services.json: the whole catalogue of sharing services as one JSON document, for agencies
// that keep a copy. Built from the platform's GraphQL answer, page after page, as the caller: the same
// bearer token, the same policies, the same refusals (a citizen gets 403, no token 401).
import type { Request, Response } from 'express';
import type { ApolloServer } from '@apollo/server';
import { isAnonymous } from '../../shared/auth/Principal.ts';
import { errorBody } from '../../shared/errors/clientErrors.ts';
import type { GatewayContext } from './GatewayContext.ts';
import { askAsCaller, statusOfErrors, type AnswerError } from './askAsCaller.ts';
import { startDeadline } from './requestDeadline.ts';

export const SHARING_SERVICES_EXPORT_PATH = '/sharing-services.json';

/** What the export holds of each service: everything the SharingService type offers. */
export const SHARING_SERVICE_SELECTION = `id policy group register ownerAgency
  owner { code name focalPoint { name role phone email } }
  description type fields { name type description } classification legalBases purposes
  access { rule roles agencies purposes legalBasis ownRecordOnly consentRequired consentPurposes subjectRequestRequired caseIdRequired connectionRequired }
  exampleQuery { operation variables path }
  howToConnect { endpoint headers { name value required } token }
  status disabledNotice disabledSince removedAt firstSeenAt`;

const PAGE = 200;
/** Far more than the province's policies make (hundreds of services): a bound, not a limit met in practice. */
const MAX_PAGES = 50;
/** Whether the caller may read the catalogue at all, at a cost any role's budget allows: a refusal is told as such (403). */
const PROBE = 'query SharingServicesExportAccess { sharingServices(first: 1) { totalCount } }';
const QUERY = `query SharingServicesExport($after: String) {
  sharingServices(first: ${PAGE}, after: $after) { nodes { ${SHARING_SERVICE_SELECTION} } pageInfo { hasNextPage endCursor } }
}`;

interface Page {
  nodes?: unknown[];
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
}

export function sharingServicesExport(server: ApolloServer<GatewayContext>, requestMs: number) {
  return async (req: Request, res: Response): Promise<void> => {
    const principal = req.principal!;
    if (isAnonymous(principal)) {
      res.setHeader('www-authenticate', 'Bearer');
      res.status(401).type('application/json').send(errorBody('Sign in: the catalogue export needs a bearer token (npm run token in development)', 'UNAUTHENTICATED'));
      return;
    }
    // One deadline for the whole export: it answers within one request's time.
    const deadline = startDeadline(requestMs);
    const ask = askAsCaller(server, principal, () => deadline);
    const run = async (query: string, variables: Record<string, unknown>) => {
      const answer = await ask<{ sharingServices?: Page | null }>(query, variables);
      return { list: answer.data?.sharingServices, errors: answer.errors };
    };
    // Refused or failed as a whole: the GraphQL errors as they are, with the status they stand for.
    const refuse = (refusal: AnswerError[]) => {
      res.status(statusOfErrors(refusal)).json({ errors: refusal });
    };
    const probe = await run(PROBE, {});
    if (!probe.list) return refuse(probe.errors);
    const services: unknown[] = [];
    const errors: AnswerError[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const { list, errors: pageErrors } = await run(QUERY, { after });
      if (!list) {
        refuse(pageErrors);
        return;
      }
      services.push(...(list.nodes ?? []));
      errors.push(...pageErrors);
      if (!list.pageInfo?.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    res.json({ generatedAt: new Date().toISOString(), count: services.length, services, ...(errors.length ? { errors } : {}) });
  };
}
