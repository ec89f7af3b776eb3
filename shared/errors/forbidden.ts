// A refused field: null in data, and this error saying why and under which rule. Never a value.
import { GraphQLError } from 'graphql';
import { REFUSAL_REASONS, type RefusalReason } from './refusalReasons.ts';

export function forbidden(coordinate: string, refusal: { reason: RefusalReason; policy: string; rule: string | null }, requestId: string): GraphQLError {
  return new GraphQLError(`Not allowed to read ${coordinate}: ${REFUSAL_REASONS[refusal.reason]}`, {
    extensions: { code: 'FORBIDDEN', reason: refusal.reason, policy: refusal.policy, rule: refusal.rule, requestId },
  });
}
