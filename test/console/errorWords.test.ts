// Every error code and refusal reason the platform can send a page has words in Vietnamese and in
// English (console/src/text/*/common.ts `reasons`), so no page has only the server's English to show.
// The codes are the shared lists plus every literal code or reason the services' sources hand out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { common as en } from '../../console/src/text/en/common.ts';
import { common as vi } from '../../console/src/text/vi/common.ts';
import { CLIENT_ERROR_CODES } from '../../shared/errors/clientErrors.ts';
import { REFUSAL_REASON_CODES } from '../../shared/errors/refusalReasons.ts';
import { POLICY_PROBLEM_CODES } from '../../shared/policy/PolicyDocument.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const SOURCES = ['gateway/src', 'shared', 'subgraphs'];
// Said elsewhere, or never seen by a page.
const NOT_FOR_PAGES = new Map([
  // The development sign-in's refusals: the sign-in page words each (console/src/text/*/signIn.ts).
  ['ROLE_REQUIRED', 'sign-in'], ['UNKNOWN_ROLE', 'sign-in'], ['AGENCY_REQUIRED', 'sign-in'], ['CITIZEN_ID_REQUIRED', 'sign-in'], ['BAD_LIFETIME', 'sign-in'],
  // Answered instead of the pages themselves when they are not built.
  ['CONSOLE_NOT_BUILT', 'no page'],
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

function codesInSources(): Set<string> {
  const codes = new Set<string>();
  const patterns = [/\b(?:code|reason): '([A-Z][A-Z_]{3,})'/g, /errorBody\([^;]*?'([A-Z][A-Z_]{3,})'\)/g, /refuse\(\d{3}, [^;]*?'([A-Z][A-Z_]{3,})'\)/g];
  for (const file of SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) codes.add(match[1]);
  }
  return codes;
}

describe('words for every error a page can meet', () => {
  // A policy edit's problems are worded by the policy pages (console/src/pages/policies/problemText.test.ts).
  const problems = new Set<string>(POLICY_PROBLEM_CODES);
  const codes = [...new Set([...REFUSAL_REASON_CODES, ...CLIENT_ERROR_CODES, ...codesInSources()])].filter((code) => !NOT_FOR_PAGES.has(code) && !problems.has(code)).sort();

  it('finds the codes the services hand out', () => {
    expect(codes).toEqual(expect.arrayContaining(['NOT_A_PARENT', 'PURPOSE_NOT_PERMITTED', 'SECOND_OFFICER_REQUIRED', 'ROW_OUT_OF_SCOPE', 'QUERY_TOO_DEEP']));
  });

  it('has them in Vietnamese and in English', () => {
    expect(codes.filter((code) => !vi.reasons[code])).toEqual([]);
    expect(codes.filter((code) => !(en.reasons as Record<string, string>)[code])).toEqual([]);
  });
});
