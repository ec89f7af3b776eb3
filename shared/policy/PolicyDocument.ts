// The shape of a policy file, as security officers write it (see policies/README.md).

export const CLASSIFICATIONS = ['public', 'internal', 'personal', 'sensitive', 'state-secret'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const ANY_SIGNED_IN = 'any-signed-in';
/**
 * Every caller, signed in or not (open data): allowed only on groups whose level is `public`, and only
 * alone (no agencies, purposes, own record, consent, subject request, case id or connection).
 */
export const ANYONE = 'anyone';

/** Levels whose every disclosure needs a purpose and is recorded per data subject. */
export function isPersonalLevel(level: Classification): boolean {
  return level === 'personal' || level === 'sensitive';
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
  /** Applies only when the caller names a case (X-Case-Id); without one the field is refused with CASE_ID_REQUIRED. */
  requires_case_id?: boolean;
  /**
   * Applies only while the caller's agency holds an approved connection covering the field's group for
   * the declared purpose (the connection agreements). Needs `agencies` and `purposes`; not with `own_record`.
   */
  requires_connection?: boolean;
  /** What the rule discloses is hidden from the data subject (Law 91/2025 exceptions) for a period or until released. */
  restricted?: { legal_basis: string; notify_after: string };
}

/** `notify_after` of a restriction that ends only when an oversight officer releases it. */
export const UNTIL_RELEASED = 'until-released';

/** A restriction as decisions and the disclosure log carry it: the legal basis, and an ISO duration or `until-released`. */
export interface Restriction {
  legalBasis: string;
  notifyAfter: string;
}

/** A sharing service (field group) switched off: the notice its callers read, and the day (YYYY-MM-DD) it went off. */
export interface DisabledService {
  notice: string;
  since: string;
}

export interface PolicyDocument {
  policy: string;
  about: string;
  owner: string;
  type: string;
  /**
   * Field(s) holding the data subject; several when a record concerns several people (a marriage);
   * `enclosing-record` for a value that is part of a person's record (a residence); `none` for a type
   * whose personal-level fields concern no person of their own (see compilePolicies).
   */
  subject?: string | string[];
  /** Group name -> its level, the fields of the type it holds, and whether its sharing service is switched off. */
  field_groups: Record<string, { level: Classification; fields: string[]; disabled?: DisabledService }>;
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
