// The problems of files an officer broke, as codes and params a console words in its reader's language.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { POLICY_PROBLEM_CODES } from './PolicyDocument.ts';
import { readPolicyFiles } from './readPolicyFiles.ts';

let dir: string | null = null;

function policiesWith(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'policy-problems-'));
  const policyDir = join(dir, 'policies');
  mkdirSync(join(policyDir, 'land'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(policyDir, name), text);
  return policyDir;
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const BROKEN = `policy: land.parcel
about: Parcels
owner: So Nong Nghiep
type: Parcel
colour: blue
field_groups:
  cadastre:
    level: secret
    fields: []
rules:
  - id: officers-read
    may_read: [cadastre]
    own_record: "yes"
`;

describe('policy files an officer broke', () => {
  it('gives each schema error its keyword’s code, with the values its message names', () => {
    const { problems } = readPolicyFiles(policiesWith({ 'land/parcel.policy.yaml': BROKEN }), 'land');
    const file = 'policies/land/parcel.policy.yaml';
    expect(problems).toEqual(expect.arrayContaining([
      { file, line: 1, code: 'SCHEMA_ADDITIONAL_PROPERTIES', params: { path: '', additionalProperty: 'colour' }, message: 'the file has an unknown key "colour"' },
      { file, line: 3, code: 'SCHEMA_PATTERN', params: { path: 'owner', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }, message: '"owner" is not written as a code (lower-case words joined by "-")' },
      { file, line: 8, code: 'SCHEMA_ENUM', params: { path: 'field_groups.cadastre.level', allowedValues: 'public, internal, personal, sensitive, state-secret' }, message: '"field_groups.cadastre.level" must be one of public, internal, personal, sensitive, state-secret' },
      { file, line: 9, code: 'SCHEMA_MIN_ITEMS', params: { path: 'field_groups.cadastre.fields', limit: '1' }, message: '"field_groups.cadastre.fields" must NOT have fewer than 1 items' },
      { file, line: 11, code: 'SCHEMA_REQUIRED', params: { path: 'rules.0', missingProperty: 'legal_basis' }, message: '"rules.0" is missing "legal_basis"' },
      { file, line: 13, code: 'SCHEMA_TYPE', params: { path: 'rules.0.own_record', type: 'boolean' }, message: '"rules.0.own_record" must be boolean' },
    ]));
    expect(problems.every((problem) => POLICY_PROBLEM_CODES.includes(problem.code))).toBe(true);
  });

  it('says where the text is not YAML, and that a folder has no policy', () => {
    const { problems } = readPolicyFiles(policiesWith({ 'land/parcel.policy.yaml': 'policy: land.parcel\n  about: [unclosed\n' }), 'land');
    expect(problems.map((problem) => problem.code)).toEqual(problems.map(() => 'YAML_INVALID'));
    expect(problems[0]).toMatchObject({ file: 'policies/land/parcel.policy.yaml', code: 'YAML_INVALID', params: { error: expect.any(String) } });
    expect(problems[0].message).toBe(`Not valid YAML: ${problems[0].params.error}`);
    expect(readPolicyFiles(policiesWith({}), 'social').problems).toEqual([
      { file: 'policies/social', line: 1, code: 'NO_POLICY_FILES', params: { subgraph: 'social' }, message: 'No policy files for subgraph "social"' },
    ]);
  });

  it('lists each code once', () => {
    expect(new Set(POLICY_PROBLEM_CODES).size).toBe(POLICY_PROBLEM_CODES.length);
    expect(POLICY_PROBLEM_CODES.every((code) => /^[A-Z]+(_[A-Z]+)*$/.test(code))).toBe(true);
  });
});
