// The shape of a policy file, as security officers write it (see policies/README.md).

export const CLASSIFICATIONS = ['public', 'internal', 'personal', 'sensitive', 'state-secret'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const ANY_SIGNED_IN = 'any-signed-in';

export interface FieldGroup {
  level: Classification;
  fields: string[];
}

export interface PolicyRule {
  id: string;
  may_read: string[];
  roles?: string[];
  agencies?: string[];
  purposes?: string[];
  legal_basis: string;
  own_record?: boolean;
  consent_purposes?: string[];
  /** Applies only on the data subject's own request: a single-use grant to the caller's agency for its case. */
  on_subject_request?: boolean;
}

export interface PolicyDocument {
  policy: string;
  about: string;
  owner: string;
  type: string;
  /**
   * Field(s) holding the data subject; several when a record concerns several people (a marriage);
   * `enclosing-record` for a value that is part of a person's record (a residence).
   */
  subject?: string | string[];
  field_groups: Record<string, FieldGroup>;
  rules: PolicyRule[];
}

/** A loaded file: its document, and where each part came from, for messages with line numbers. */
export interface PolicyFile {
  file: string;
  document: PolicyDocument;
  lineOf(path: (string | number)[]): number;
}

export interface PolicyProblem {
  file: string;
  line: number;
  message: string;
}

/** The platform catalogues a policy may name. */
export interface Catalogue {
  agencies: readonly string[];
  purposes: readonly string[];
  legalBases: readonly string[];
  agencyGroups: Record<string, readonly string[]>;
}

export const DENIAL_REASONS = [
  'NOT_GRANTED',
  'ROLE_NOT_ALLOWED',
  'AGENCY_NOT_ALLOWED',
  'PURPOSE_REQUIRED',
  'ROW_OUT_OF_SCOPE',
  'CONSENT_REQUIRED',
  'SUBJECT_REQUEST_REQUIRED',
  'STATE_SECRET',
] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];
