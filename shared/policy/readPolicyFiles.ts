// Reads a subgraph's policy files (and the shared agency groups) from disk, checking their structure
// against the JSON schema. Every problem carries the file and line an officer should look at.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { agencyGroupsSchema, policyFileSchema } from './policyFileSchema.ts';
import type { PolicyDocument, PolicyFile, PolicyProblem, PolicyProblemCode } from './PolicyDocument.ts';

const ajv = new Ajv({ allErrors: true });
const validatePolicy = ajv.compile(policyFileSchema);
const validateAgencyGroups = ajv.compile(agencyGroupsSchema);

export const POLICY_SUFFIX = '.policy.yaml';
export const POLICY_TEST_SUFFIX = '.policy_test.yaml';

interface ParsedYaml {
  value: unknown;
  lineOf(path: (string | number)[]): number;
  problems: PolicyProblem[];
}

export function parseYamlFile(path: string, displayName: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const text = readFileSync(path, 'utf8');
  const document: Document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineOf = (at: (string | number)[]): number => {
    for (let depth = at.length; depth >= 0; depth -= 1) {
      const node = depth === 0 ? document.contents : document.getIn(at.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const problems = document.errors.map((error) => {
    const first = error.message.split('\n')[0];
    return { file: displayName, line: error.linePos?.[0].line ?? 1, code: 'YAML_INVALID' as const, params: { error: first }, message: `Not valid YAML: ${first}` };
  });
  return { value: problems.length ? undefined : document.toJS(), lineOf, problems };
}

// Each ajv keyword the policy and agency-group schemas use has its code; any other is SCHEMA_INVALID.
const SCHEMA_CODES: Record<string, PolicyProblemCode> = {
  additionalProperties: 'SCHEMA_ADDITIONAL_PROPERTIES',
  required: 'SCHEMA_REQUIRED',
  type: 'SCHEMA_TYPE',
  enum: 'SCHEMA_ENUM',
  const: 'SCHEMA_CONST',
  pattern: 'SCHEMA_PATTERN',
  minItems: 'SCHEMA_MIN_ITEMS',
  minLength: 'SCHEMA_MIN_LENGTH',
  maxLength: 'SCHEMA_MAX_LENGTH',
  minProperties: 'SCHEMA_MIN_PROPERTIES',
  uniqueItems: 'SCHEMA_UNIQUE_ITEMS',
  propertyNames: 'SCHEMA_PROPERTY_NAMES',
  anyOf: 'SCHEMA_ANY_OF',
};

/** The values of an ajv error a reader needs, as strings (allowed values joined by ", "). */
function schemaParams(error: ErrorObject): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(error.params as Record<string, unknown>)) {
    if (value !== undefined) params[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return params;
}

function schemaProblems(errors: ErrorObject[] | null | undefined, file: string, lineOf: (path: (string | number)[]) => number): PolicyProblem[] {
  return (errors ?? []).map((error) => {
    const path = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const where = error.instancePath ? `"${error.instancePath.slice(1).replace(/\//g, '.')}"` : 'the file';
    const detail =
      error.keyword === 'additionalProperties' ? `has an unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"`
      : error.keyword === 'required' ? `is missing "${(error.params as { missingProperty: string }).missingProperty}"`
      : error.keyword === 'enum' ? `must be one of ${(error.params as { allowedValues: string[] }).allowedValues.join(', ')}`
      : error.keyword === 'pattern' ? 'is not written as a code (lower-case words joined by "-")'
      : error.message ?? 'is not valid';
    // `path` is empty for the file itself; params carry ajv's own (missingProperty, allowedValues, limit, type, ...).
    const params = { path: error.instancePath.slice(1).replace(/\//g, '.'), ...schemaParams(error) };
    const code = SCHEMA_CODES[error.keyword];
    return { file, line: lineOf(path), code: code ?? 'SCHEMA_INVALID', params: code ? params : { ...params, detail }, message: `${where} ${detail}` };
  });
}

export interface PolicySet {
  files: PolicyFile[];
  agencyGroups: Record<string, string[]>;
  problems: PolicyProblem[];
}

/** Policies of one subgraph: `<dir>/<subgraph>/*.policy.yaml` plus `<dir>/agency-groups.yaml`. */
export function readPolicyFiles(policyDir: string, subgraph: string): PolicySet {
  const problems: PolicyProblem[] = [];
  const display = (path: string) => relative(join(policyDir, '..'), path);

  let agencyGroups: Record<string, string[]> = {};
  const groupsPath = join(policyDir, 'agency-groups.yaml');
  if (existsSync(groupsPath)) {
    const parsed = parseYamlFile(groupsPath, display(groupsPath));
    problems.push(...parsed.problems);
    if (parsed.value !== undefined) {
      if (validateAgencyGroups(parsed.value)) agencyGroups = (parsed.value as { groups: Record<string, string[]> }).groups;
      else problems.push(...schemaProblems(validateAgencyGroups.errors, display(groupsPath), parsed.lineOf));
    }
  }

  const folder = join(policyDir, subgraph);
  const files: PolicyFile[] = [];
  const names = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith(POLICY_SUFFIX)).sort() : [];
  if (names.length === 0) problems.push({ file: display(folder), line: 1, code: 'NO_POLICY_FILES', params: { subgraph }, message: `No policy files for subgraph "${subgraph}"` });
  for (const name of names) {
    const path = join(folder, name);
    const parsed = parseYamlFile(path, display(path));
    problems.push(...parsed.problems);
    if (parsed.value === undefined) continue;
    if (!validatePolicy(parsed.value)) {
      problems.push(...schemaProblems(validatePolicy.errors, display(path), parsed.lineOf));
      continue;
    }
    files.push({ file: display(path), document: parsed.value as unknown as PolicyDocument, lineOf: parsed.lineOf });
  }
  return { files, agencyGroups, problems };
}
