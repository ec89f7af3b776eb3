import { describe, expect, it } from 'vitest';
import { POLICY_PROBLEM_CODES } from '../../../../shared/policy/PolicyDocument.ts';
import { policies as en } from '../../text/en/policies.ts';
import { policies as vi } from '../../text/vi/policies.ts';
import { problemText } from './problemText.ts';

const unknownAgency = {
  file: 'population/citizen.policy.yaml',
  line: 33,
  code: 'UNKNOWN_AGENCY',
  params: [{ name: 'rule', value: 'police-investigate' }, { name: 'agency', value: 'cong-an-tnh' }],
  message: 'Unknown agency "cong-an-tnh"',
};

describe("a policy problem in the reader's language", () => {
  it('words each code the server makes, in Vietnamese and in English', () => {
    expect(Object.keys(vi.problems).sort()).toEqual([...POLICY_PROBLEM_CODES].sort());
    expect(Object.keys(en.problems).sort()).toEqual([...POLICY_PROBLEM_CODES].sort());
    expect(problemText(unknownAgency, vi)).toBe('Cơ quan “cong-an-tnh” không có trong danh mục cơ quan');
    expect(problemText(unknownAgency, en)).toBe('Agency “cong-an-tnh” is not in the agency directory');
  });

  it('says where a schema problem is: the key, or the file itself', () => {
    const missing = (path: string) => ({ ...unknownAgency, code: 'SCHEMA_REQUIRED', params: [{ name: 'path', value: path }, { name: 'missingProperty', value: 'legal_basis' }] });
    expect(problemText(missing('rules.0'), vi)).toBe('“rules.0” thiếu khóa “legal_basis”');
    expect(problemText(missing(''), vi)).toBe('Tệp thiếu khóa “legal_basis”');
    expect(problemText(missing(''), en)).toBe('The file is missing “legal_basis”');
  });

  it("shows the server's message for a code it does not know", () => {
    expect(problemText({ ...unknownAgency, code: 'SOMETHING_NEW' }, vi)).toBe('Unknown agency "cong-an-tnh"');
    expect(problemText({ ...unknownAgency, code: 'toString' }, vi)).toBe('Unknown agency "cong-an-tnh"');
  });
});
