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

/**
 * Every kind of policy problem, as a stable code: a console words it in its reader's language from the
 * code and its params, while policy:check and the API keep the English message.
 */
export const POLICY_PROBLEM_CODES = [
  // The files as text and against the JSON schema (readPolicyFiles.ts): one code per ajv keyword met.
  'YAML_INVALID',
  'NO_POLICY_FILES',
  'SCHEMA_ADDITIONAL_PROPERTIES',
  'SCHEMA_REQUIRED',
  'SCHEMA_TYPE',
  'SCHEMA_ENUM',
  'SCHEMA_CONST',
  'SCHEMA_PATTERN',
  'SCHEMA_MIN_ITEMS',
  'SCHEMA_MIN_LENGTH',
  'SCHEMA_MAX_LENGTH',
  'SCHEMA_MIN_PROPERTIES',
  'SCHEMA_UNIQUE_ITEMS',
  'SCHEMA_PROPERTY_NAMES',
  'SCHEMA_ANY_OF',
  'SCHEMA_INVALID',
  // The documents against the schema and the catalogues (compilePolicies.ts).
  'UNKNOWN_AGENCY_IN_GROUP',
  'POLICY_NAME_PREFIX',
  'UNKNOWN_AGENCY',
  'UNKNOWN_TYPE',
  'TYPE_ALREADY_COVERED',
  'UNKNOWN_FIELD',
  'SUBJECT_FIELD_KIND',
  'SUBJECT_REQUIRED',
  'DISABLED_SINCE_NOT_DATE',
  'FIELD_IN_TWO_GROUPS',
  'FIELD_IN_NO_GROUP',
  'RULE_ID_TWICE',
  'UNKNOWN_GROUP',
  'STATE_SECRET_SHARED',
  'UNKNOWN_ROLE',
  'ANYONE_NOT_PUBLIC',
  'ANYONE_NARROWED',
  'UNKNOWN_AGENCY_GROUP',
  'UNKNOWN_PURPOSE',
  'UNKNOWN_LEGAL_BASIS',
  'UNKNOWN_RESTRICTION_LEGAL_BASIS',
  'CONNECTION_NEEDS_AGENCIES_AND_PURPOSES',
  'CONNECTION_WITH_OWN_RECORD',
  'CONNECTION_NOT_LOOKED_UP',
  'CONSENT_WITH_SUBJECT_REQUEST',
  'SUBJECT_BASES_NOT_LOOKED_UP',
  'RULE_NEEDS_SUBJECT',
  'TYPE_WITHOUT_POLICY',
  // State secrets against the schema's @inaccessible fields (stateSecretAgreement.ts).
  'STATE_SECRET_NOT_INACCESSIBLE',
  'INACCESSIBLE_NOT_STATE_SECRET',
] as const;
export type PolicyProblemCode = (typeof POLICY_PROBLEM_CODES)[number];

/** What is wrong: its code, the values its message names (rule id, group, agency, ...), and the English message. */
export interface PolicyProblemText {
  code: PolicyProblemCode;
  params: Record<string, string>;
  message: string;
}

export function policyProblem(code: PolicyProblemCode, params: Record<string, string>, message: string): PolicyProblemText {
  return { code, params, message };
}

/** A problem of a file, at its line. */
export interface PolicyProblem extends PolicyProblemText {
  file: string;
  line: number;
}

/** The platform catalogues a policy may name. */
export interface Catalogue {
  agencies: readonly string[];
  purposes: readonly string[];
  legalBases: readonly string[];
  agencyGroups: Record<string, readonly string[]>;
}
