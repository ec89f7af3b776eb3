// A refused field: null in data, and this error saying why and under which rule. Never a value.
import { GraphQLError } from 'graphql';
import { REFUSAL_REASONS, type RefusalReason } from './refusalReasons.ts';

// `notice`: what the data's owner said about it (why a connection is suspended, why and until when a
// service is disabled), passed on as written.
export function forbidden(coordinate: string, refusal: { reason: RefusalReason; policy: string; rule: string | null; notice?: string }, requestId: string): GraphQLError {
  const extensions = { code: 'FORBIDDEN', reason: refusal.reason, policy: refusal.policy, rule: refusal.rule, requestId };
  return new GraphQLError(`Not allowed to read ${coordinate}: ${REFUSAL_REASONS[refusal.reason]}`, {
    extensions: refusal.notice === undefined ? extensions : { ...extensions, notice: refusal.notice },
  });
}
