// The policy console's GraphQL documents and the shapes of their answers (gateway/supergraph.graphql).

export const REGISTERS = ['population', 'civil-status', 'business', 'land', 'social', 'platform'] as const;

const RULE_FIELDS = 'id mayRead roles anyone agencies purposes legalBasis ownRecord consentPurposes onSubjectRequest requiresCaseId requiresConnection restricted { legalBasis notifyAfter }';

export interface PolicyRuleSummary {
  id: string;
  mayRead: string[];
  roles: string[] | null;
  anyone: boolean;
  agencies: string[] | null;
  purposes: string[] | null;
  legalBasis: string;
  ownRecord: boolean;
  consentPurposes: string[] | null;
  onSubjectRequest: boolean;
  requiresCaseId: boolean;
  requiresConnection: boolean;
  restricted: { legalBasis: string; notifyAfter: string } | null;
}

export interface PolicyFieldGroup {
  name: string;
  level: string;
  fields: string[];
  disabledSince: string | null;
  disabledNotice: string | null;
}

export interface PolicySummary {
  path: string;
  testPath: string | null;
  policy: string;
  about: string;
  owner: string;
  type: string;
  fieldGroups: PolicyFieldGroup[];
  rules: PolicyRuleSummary[];
}

export interface PolicyFile {
  path: string;
  content: string;
}

export interface PolicySnapshot {
  version: number;
  author: string;
  createdAt: string;
  files: PolicyFile[];
}

export const IN_FORCE = `query PoliciesInForce($subgraph: String!) {
  policiesInForce { version author createdAt files { path content } }
  policySummaries(subgraph: $subgraph) {
    path testPath policy about owner type
    fieldGroups { name level fields disabledSince disabledNotice }
    rules { ${RULE_FIELDS} }
  }
}`;

export const FILES_IN_FORCE = `query PolicyFilesInForce { policiesInForce { version author createdAt files { path content } } }`;

export interface PolicyChangeDetail {
  kind: string;
  policy: string | null;
  fields: string[];
  rule: PolicyRuleSummary | null;
  level: string | null;
  was: string | null;
  group: string | null;
  since: string | null;
  notice: string | null;
  testCase: string | null;
  file: string | null;
  count: number | null;
}

export interface PolicyChangeSentence {
  widening: boolean;
  text: string;
  detail: PolicyChangeDetail | null;
}

const CHANGE_FIELDS = `widening text detail { kind policy fields rule { ${RULE_FIELDS} } level was group since notice testCase file count }`;

export interface PolicyProblem {
  file: string | null;
  line: number | null;
  /** The server's English text, shown when the console does not know the code. */
  message: string;
  code: string;
  params: Array<{ name: string; value: string }>;
}

export interface PolicyCheck {
  versionInForce: number;
  valid: boolean;
  problems: PolicyProblem[];
  changedFiles: string[];
  widening: boolean;
  changes: PolicyChangeSentence[];
}

export const CHECK_CHANGE = `query CheckPolicyChange($baseVersion: Int!, $files: [PolicyFileInput!]!) {
  checkPolicyChange(baseVersion: $baseVersion, files: $files) { versionInForce valid problems { file line message code params { name value } } changedFiles widening changes { ${CHANGE_FIELDS} } }
}`;

export interface PolicyImpact {
  days: number;
  entriesReplayed: number;
  capped: boolean;
  unavailableRegisters: string[];
  rows: Array<{ agency: string; field: string; refusedToDisclosed: number; disclosedToRefused: number; notReDecided: number }>;
}

export interface PolicyProposal {
  id: number;
  status: string;
  action: string;
  baseVersion: number;
  restoresVersion: number | null;
  author: string;
  reason: string;
  changedFiles: string[];
  widening: boolean;
  changes: PolicyChangeSentence[];
  impact: PolicyImpact;
  decidedBy: string | null;
  decisionReason: string | null;
  version: number | null;
  createdAt: string;
}

const PROPOSAL_FIELDS = `id status action baseVersion restoresVersion author reason changedFiles widening changes { ${CHANGE_FIELDS} }
  impact { days entriesReplayed capped unavailableRegisters rows { agency field refusedToDisclosed disclosedToRefused notReDecided } }
  decidedBy decisionReason version createdAt`;

export const PROPOSALS = `query PolicyProposals { policyProposals(first: 20) { ${PROPOSAL_FIELDS} } }`;

export const PROPOSE = `mutation ProposePolicyChange($input: PolicyChangeInput!) { proposePolicyChange(input: $input) { ${PROPOSAL_FIELDS} } }`;

export const APPROVE = `mutation ApprovePolicyProposal($id: Int!, $reason: String!) { approvePolicyProposal(id: $id, reason: $reason) { ${PROPOSAL_FIELDS} } }`;

export const REJECT = `mutation RejectPolicyProposal($id: Int!, $reason: String!) { rejectPolicyProposal(id: $id, reason: $reason) { ${PROPOSAL_FIELDS} } }`;

export const ROLLBACK = `mutation RollbackPolicies($version: Int!, $reason: String!) { rollbackPolicies(version: $version, reason: $reason) { ${PROPOSAL_FIELDS} } }`;

export interface PolicyVersion {
  version: number;
  action: string;
  author: string;
  reason: string;
  restoresVersion: number | null;
  changedFiles: string[];
  approvedBy: string | null;
  createdAt: string;
}

export const VERSIONS = `query PolicyVersions { policyVersions(first: 30) { version action author reason restoresVersion changedFiles approvedBy createdAt } }`;

export interface FieldAccess {
  path: string;
  coordinate: string;
  allowed: boolean;
  onlyOwnRecord: boolean;
  reason: string | null;
  policy: string | null;
  rule: string | null;
  legalBasis: string | null;
}

export const EXPLAIN = `query ExplainAccess($principal: PrincipalInput!, $purpose: String, $query: String!) {
  explainAccess(principal: $principal, purpose: $purpose, query: $query) { path coordinate allowed onlyOwnRecord reason policy rule legalBasis }
}`;
