// GraphQL face of the disclosure logs: a citizen's own log, and the oversight view of officers (their
// own requests), data-protection officers and security officers; the release of a restricted
// disclosure. What each caller sees is decided by every agency for its own log.
import { hasRole } from '../../../../shared/auth/Principal.ts';
import type { LogFilter } from '../../../../shared/audit/disclosureLogReader.ts';
import { forbidden } from '../../../../shared/errors/forbidden.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { readAccessLog, type AccessEntry } from './accessLog.ts';
import { requireCitizen } from '../citizens/requireCitizen.ts';
import { releaseRestrictedDisclosure } from './releaseRestrictedDisclosure.ts';

type Context = SubgraphContext<unknown>;

interface Page {
  first?: number | null;
  after?: string | null;
}

type FilterInput = Omit<LogFilter, 'decision'> & { decision?: string | null };

export const accessLogResolvers = {
  Query: {
    myDataAccessLog: (_: unknown, args: Page & { from?: string | null; until?: string | null }, ctx: Context) => {
      requireCitizen(ctx, 'Query.myDataAccessLog');
      return readAccessLog(ctx, 'Query.myDataAccessLog', { from: args.from ?? undefined, until: args.until ?? undefined }, args);
    },
    dataAccessLog: (_: unknown, args: Page & { filter?: FilterInput | null }, ctx: Context) => {
      const { principal } = ctx;
      const reviewers = ['security-officer', 'data-protection-officer', 'officer', 'system'] as const;
      if (!reviewers.some((role) => hasRole(principal, role))) {
        throw forbidden('Query.dataAccessLog', { reason: 'ROLE_NOT_ALLOWED', policy: 'platform.query', rule: null }, principal.requestId);
      }
      const { decision, ...rest } = args.filter ?? {};
      const filter = Object.fromEntries(Object.entries(rest).filter(([, value]) => value != null)) as LogFilter;
      if (decision) filter.decision = decision.toLowerCase() as LogFilter['decision'];
      return readAccessLog(ctx, 'Query.dataAccessLog', filter, args);
    },
  },
  Mutation: {
    releaseRestrictedDisclosure: (_: unknown, args: { register: string; requestId: string; reason: string }, ctx: Context) => releaseRestrictedDisclosure(ctx, args),
  },
  DataAccess: {
    decision: (entry: AccessEntry) => entry.decision.toUpperCase(),
    askedByDataSubject: (entry: AccessEntry) => entry.dataSubject !== null && entry.principal === entry.dataSubject && !entry.guardian,
    fields: (entry: AccessEntry) =>
      entry.fields.map((field) => ({ field: field.field, decision: field.decision.toUpperCase(), legalBasis: field.basis ?? null, reason: field.reason ?? null })),
  },
};
