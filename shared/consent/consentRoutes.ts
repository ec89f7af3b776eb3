// How a subgraph reaches the platform's registry of the data subjects' own bases: the routes, the
// audience of the narrow token the gateway mints for them, and the header that token travels in.
export const CONSENT_TOKEN_HEADER = 'x-consent-token';
export const CONSENT_REGISTRY_AUDIENCE = 'consent-registry';
export const CONSENT_LOOKUP_PATH = '/internal/consents';
export const SUBJECT_REQUEST_CLAIM_PATH = '/internal/subject-requests';
