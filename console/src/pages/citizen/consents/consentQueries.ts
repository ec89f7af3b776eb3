// What the consents page asks and does: the citizen's consents (theirs and their children's), what can be
// consented to, granting and withdrawing.
export const MY_CONSENTS_QUERY = `query MyConsents($status: ConsentStatus) {
  myConsents(status: $status) { id subjectId grantedBy granteeAgency purpose fieldGroups validFrom validUntil status channel createdAt revokedAt }
}`;

export const CONSENTABLE_QUERY = `query Consentable { consentableFieldGroups { id level fields purposes } }`;

export const GRANT_CONSENT = `mutation GrantConsent($input: GrantConsentInput!) { grantConsent(input: $input) { id status } }`;

export const REVOKE_CONSENT = `mutation RevokeConsent($id: ID!) { revokeConsent(id: $id) { id status } }`;

export interface Consent {
  id: string;
  subjectId: string;
  grantedBy: string;
  granteeAgency: string;
  purpose: string;
  fieldGroups: string[];
  validFrom: string;
  validUntil: string;
  status: 'ACTIVE' | 'REVOKED' | 'EXPIRED';
  channel: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface ConsentableGroup {
  id: string;
  level: string;
  fields: string[];
  purposes: string[];
}
