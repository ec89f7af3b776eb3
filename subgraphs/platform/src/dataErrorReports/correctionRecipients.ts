// Who received the field of a corrected record: asked of the owner register's disclosure log through its
// internal route (shared/audit/disclosureRecipientsRoute.ts), with the relay token the gateway minted for
// the correcting officer and that register, as the access log and the impact replay read the logs. The
// register decides by itself whether this caller may ask. The log is searched by the record's data
// subject (a Citizen's id); a register that does not answer refuses the correction, so that no agency
// is silently left without its notice.
import { GraphQLError } from 'graphql';
import { DISCLOSURE_RECIPIENTS_PATH, type RecipientsAnswer } from '../../../../shared/audit/disclosureRecipientsRoute.ts';
import { logError } from '../../../../shared/logging/log.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { callRegisterLog } from '../accessLog/callRegisterLog.ts';
import type { DataErrorReportRow } from './dataErrorReports.ts';

const DAY_MS = 86_400_000;

export function correctionRecipients(ctx: SubgraphContext<unknown>, windowDays: number) {
  return async (row: DataErrorReportRow): Promise<string[]> => {
    let answer: RecipientsAnswer;
    try {
      answer = await callRegisterLog<RecipientsAnswer>(ctx, row.register, DISCLOSURE_RECIPIENTS_PATH, {
        dataSubjects: [row.dataSubject],
        field: `${row.typeName}.${row.field}`,
        from: new Date(Date.now() - windowDays * DAY_MS).toISOString(),
      });
    } catch (error) {
      logError('disclosure log unavailable for a correction', { requestId: ctx.principal.requestId, register: row.register, error });
      throw new GraphQLError(`The ${row.register} register's disclosure log did not answer, so the agencies that received this field cannot be notified: try again. Nothing changed.`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', register: row.register },
      });
    }
    if (answer.outcome !== 'FOUND') {
      throw new GraphQLError(`The ${row.register} register does not let you search its disclosure log for the agencies to notify. Nothing changed.`, {
        extensions: { code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED', requestId: ctx.principal.requestId },
      });
    }
    return answer.agencies;
  };
}
