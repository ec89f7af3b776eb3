import { describe, expect, it } from 'vitest';
import { PURPOSES } from './platformCatalogue.ts';
import { compilePurposeList, refuseDeclaration, type DeclaringCaller } from './purposeDeclarations.ts';

const list = compilePurposeList(PURPOSES.map(({ code, declarableBy, caseId }) => ({ code, declarableBy, caseIdFormat: caseId })));
const caller = (changes: Partial<DeclaringCaller>): DeclaringCaller => ({ agency: null, roles: ['officer'], purpose: null, caseId: null, ...changes });

describe('who may declare a purpose, by the starting purpose list', () => {
  it('lets every agency whose seed policies name a purpose declare it', () => {
    const declared: Array<[string, string]> = [
      ['so-tu-phap', 'civil-status-procedure'], ['cong-an-tinh', 'residence-management'], ['so-tai-chinh', 'business-registration'],
      ['so-nong-nghiep-moi-truong', 'land-administration'], ['so-y-te', 'social-assistance'], ['thue-tinh', 'tax-administration'],
      ['bhxh-tinh', 'social-insurance'], ['cong-an-tinh', 'criminal-investigation'], ['so-noi-vu', 'public-service-delivery'], ['so-noi-vu', 'statistics'],
    ];
    for (const [agency, purpose] of declared) expect(refuseDeclaration(list, caller({ agency, purpose })), `${agency} ${purpose}`).toBeNull();
  });

  it('refuses a system of another agency, an officer declaring oversight, and an officer declaring a citizen’s purpose', () => {
    expect(refuseDeclaration(list, caller({ agency: 'so-y-te', roles: ['system'], purpose: 'criminal-investigation' }))).toEqual({
      status: 403, code: 'PURPOSE_NOT_PERMITTED', message: 'You may not declare the purpose "criminal-investigation": only officer or system callers of cong-an-tinh may',
    });
    expect(refuseDeclaration(list, caller({ agency: 'cong-an-tinh', purpose: 'data-protection-oversight' }))?.code).toBe('PURPOSE_NOT_PERMITTED');
    expect(refuseDeclaration(list, caller({ agency: 'cong-an-tinh', roles: ['data-protection-officer'], purpose: 'data-protection-oversight' }))).toBeNull();
    expect(refuseDeclaration(list, caller({ agency: 'so-tu-phap', purpose: 'citizen-self-service' }))?.code).toBe('PURPOSE_NOT_PERMITTED');
  });

  it('accepts the README’s case ids under their purposes and refuses another format', () => {
    expect(refuseDeclaration(list, caller({ agency: 'cong-an-tinh', purpose: 'criminal-investigation', caseId: 'HS-2026/0042' }))).toBeNull();
    expect(refuseDeclaration(list, caller({ agency: 'so-tai-chinh', purpose: 'public-service-delivery', caseId: 'DKKD-2026/004217' }))).toBeNull();
    expect(refuseDeclaration(list, caller({ agency: 'cong-an-tinh', purpose: 'criminal-investigation', caseId: 'HS-2026/42x' }))).toEqual({
      status: 400, code: 'BAD_USER_INPUT', message: 'X-Case-Id under the purpose "criminal-investigation" must look like HS-2026/0042 (pattern ^(HS|VKS)-[0-9]{4}/[0-9]{4,8}$)',
    });
  });

  it('refuses to compile a case-id pattern that is not a regular expression', () => {
    expect(() => compilePurposeList([{ code: 'x', declarableBy: { agencies: null, roles: ['officer'] }, caseIdFormat: { pattern: '(', example: 'x' } }])).toThrow();
  });
});
