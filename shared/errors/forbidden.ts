// A refused field: null in data, and this error saying why and under which rule. Never a value.
import { GraphQLError } from 'graphql';

const EXPLANATION: Record<string, string> = {
  NOT_GRANTED: 'no policy rule grants it to this caller',
  ROLE_NOT_ALLOWED: "the caller's role is not among those the policy allows",
  AGENCY_NOT_ALLOWED: "the caller's agency is not among those the policy allows",
  PURPOSE_REQUIRED: 'a purpose the policy accepts must be declared in X-Purpose',
  ROW_OUT_OF_SCOPE: 'this record is outside what the caller may read',
  CONSENT_REQUIRED: "the data subject's consent for this agency and purpose is required",
  SUBJECT_REQUEST_REQUIRED: "only the data subject's own request, for this agency and case (X-Case-Id), allows it; none is open",
  STATE_SECRET: 'it is classified as a state secret and never shared',
};

export function forbidden(
  coordinate: string,
  denial: { reason: string; policy: string; rule: string | null },
  requestId: string,
): GraphQLError {
  return new GraphQLError(`Not allowed to read ${coordinate}: ${EXPLANATION[denial.reason] ?? 'denied'}`, {
    extensions: { code: 'FORBIDDEN', reason: denial.reason, policy: denial.policy, rule: denial.rule, requestId },
  });
}
