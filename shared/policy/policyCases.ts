// Policy test cases as data (`<type>.policy_test.yaml` beside the policy), run against the compiled
// policies with no database: the decision function is the one the shield rules call.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { Principal, Role } from '../auth/Principal.ts';
import type { CompiledPolicies } from './compilePolicies.ts';
import { decideAccess, type Decision } from './decideAccess.ts';
import { NO_CONNECTIONS, type HeldConnections } from './HeldConnections.ts';
import { REFUSAL_REASON_CODES } from '../errors/refusalReasons.ts';
import { parseYamlFile, POLICY_TEST_SUFFIX } from './readPolicyFiles.ts';

export interface PolicyCase {
  name: string;
  who: { role: string; agency?: string; sub?: string };
  purpose?: string;
  /** X-Case-Id: the dossier the caller works on (subject requests are for one case). */
  case_id?: string;
  row?: { subject?: string };
  /** The caller agency's connection to the services read, for its purpose (default: none). */
  connection?: 'approved' | 'suspended' | 'none';
  reads: string[];
  expect: 'allow' | { deny: string };
}

export interface PolicyCaseFile {
  file: string;
  policy: string;
  cases: PolicyCase[];
}

const caseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['policy', 'cases'],
  properties: {
    policy: { type: 'string' },
    cases: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'who', 'reads', 'expect'],
        properties: {
          name: { type: 'string', minLength: 1 },
          who: {
            type: 'object',
            additionalProperties: false,
            required: ['role'],
            properties: { role: { type: 'string' }, agency: { type: 'string' }, sub: { type: 'string' } },
          },
          purpose: { type: 'string' },
          case_id: { type: 'string' },
          row: { type: 'object', additionalProperties: false, properties: { subject: { type: 'string' } } },
          connection: { enum: ['approved', 'suspended', 'none'] },
          reads: { type: 'array', items: { type: 'string' }, minItems: 1 },
          expect: {
            oneOf: [
              { const: 'allow' },
              { type: 'object', additionalProperties: false, required: ['deny'], properties: { deny: { enum: [...REFUSAL_REASON_CODES] } } },
            ],
          },
        },
      },
    },
  },
};
const validateCases = new Ajv({ allErrors: true }).compile(caseSchema);

export function readPolicyCaseFiles(policyDir: string, subgraph: string): PolicyCaseFile[] {
  const folder = join(policyDir, subgraph);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(POLICY_TEST_SUFFIX))
    .sort()
    .map((name) => {
      const file = `policies/${subgraph}/${name}`;
      const parsed = parseYamlFile(join(folder, name), file);
      if (parsed.value === undefined) throw new Error(`${file}: ${parsed.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
      if (!validateCases(parsed.value)) throw new Error(`${file}: ${JSON.stringify(validateCases.errors)}`);
      return { file, ...(parsed.value as { policy: string; cases: PolicyCase[] }) };
    });
}

/** `who: {role: anonymous}`: a caller without a token (no subject, agency or role). */
export const ANONYMOUS_CASE_ROLE = 'anonymous';

export function principalOf(testCase: PolicyCase): Principal {
  if (testCase.who.role === ANONYMOUS_CASE_ROLE) {
    return { subject: null, agency: null, roles: [], purpose: testCase.purpose ?? null, caseId: testCase.case_id ?? null, requestId: 'policy-test' };
  }
  return {
    subject: testCase.who.sub ?? `test-${testCase.who.role}`,
    agency: testCase.who.agency ?? null,
    roles: [testCase.who.role as Role],
    purpose: testCase.purpose ?? null,
    caseId: testCase.case_id ?? null,
    requestId: 'policy-test',
  };
}

/** Each field the case reads, with the decision the compiled policy makes for it. */
export function runPolicyCase(policies: CompiledPolicies, policyName: string, testCase: PolicyCase): Array<{ field: string; decision: Decision | null }> {
  const principal = principalOf(testCase);
  const byField = new Map([...policies.fields.values()].filter((field) => field.policy === policyName).map((field) => [field.field, field]));
  return testCase.reads.map((fieldName) => {
    const field = byField.get(fieldName);
    return { field: fieldName, decision: field ? decideAccess(field, principal, () => (testCase.row?.subject ? [testCase.row.subject] : []), connectionsOf(testCase)) : null };
  });
}

/** A case's connection, held for every service the case reads. */
function connectionsOf(testCase: PolicyCase): HeldConnections {
  if (testCase.connection === 'approved') return { covering: () => ({ id: 'policy-test', state: 'approved' }) };
  if (testCase.connection === 'suspended') return { covering: () => ({ id: 'policy-test', state: 'suspended', reason: 'policy test' }) };
  return NO_CONNECTIONS;
}

export function outcomeOf(decision: Decision | null): string {
  if (!decision) return 'unknown field';
  return decision.allowed ? 'allow' : `deny ${decision.reason}`;
}

/** What a case expects of each field it reads, as outcomeOf says a decision. */
export function expectedOutcome(testCase: PolicyCase): string {
  return testCase.expect === 'allow' ? 'allow' : `deny ${testCase.expect.deny}`;
}

