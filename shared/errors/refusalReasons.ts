// Why a field was refused: the one list of reasons (`extensions.reason` of a FORBIDDEN error, the
// disclosure log's refusals, the expectations of policy test cases), each with what a person is told.
export const REFUSAL_REASONS = {
  NOT_GRANTED: 'no policy rule grants it to this caller',
  ROLE_NOT_ALLOWED: "the caller's role is not among those the policy allows",
  AGENCY_NOT_ALLOWED: "the caller's agency is not among those the policy allows",
  PURPOSE_REQUIRED: 'a purpose the policy accepts must be declared in X-Purpose',
  ROW_OUT_OF_SCOPE: 'this record is outside what the caller may read',
  CONSENT_REQUIRED: "the data subject's consent for this agency and purpose is required",
  SUBJECT_REQUEST_REQUIRED: "only the data subject's own request, for this agency and case (X-Case-Id), allows it; none is open",
  CASE_ID_REQUIRED: 'the rule applies only to work on a case: name it in X-Case-Id',
  CONNECTION_REQUIRED: "the caller's agency holds no approved connection to this sharing service for the declared purpose",
  CONNECTION_SUSPENDED: "the owner has suspended the caller's agency's connection to this sharing service",
  SERVICE_DISABLED: 'the owner has disabled this sharing service',
  STATE_SECRET: 'it is classified as a state secret and never shared',
  SUBJECT_UNKNOWN: 'the people this record is about cannot be determined, so its personal data is not given',
} as const;

export type RefusalReason = keyof typeof REFUSAL_REASONS;

export const REFUSAL_REASON_CODES = Object.keys(REFUSAL_REASONS) as RefusalReason[];
