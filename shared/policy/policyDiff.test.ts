// What a security officer reads about a proposed change, and whether it needs a second officer: a
// change is narrowing only when every rule after it is covered by one rule before it.
import { describe, expect, it } from 'vitest';
import type { CompiledField, CompiledPolicies, CompiledRule } from './compilePolicies.ts';
import { diffPolicies as diffWithDetails, type PolicyChange } from './policyDiff.ts';

/** The sentences (the structured detail of each is tested on its own below). */
const said = (changes: PolicyChange[]) => changes.map(({ widening, text }) => ({ widening, text }));
const diffPolicies = (...args: Parameters<typeof diffWithDetails>) => said(diffWithDetails(...args));

const rule = (overrides: Partial<CompiledRule> = {}): CompiledRule => ({
  id: 'finance-verifies-legal-representatives',
  roles: new Set(['officer']),
  agencies: new Set(['so-tai-chinh']),
  purposes: new Set(['business-registration']),
  legalBasis: 'enterprise-law-2020',
  ownRecord: false,
  consentPurposes: null,
  onSubjectRequest: false,
  requiresConnection: false,
  ...overrides,
});

const field = (name: string, level: CompiledField['level'], rules: CompiledRule[]): CompiledField => ({
  policy: 'population.citizen',
  owner: 'cong-an-tinh',
  type: 'Citizen',
  field: name,
  group: 'beliefs',
  level,
  rules,
  dataDependent: false,
  subjectFields: ['id'],
  subjectFromEnclosingRecord: false,
  disabled: null,
});

const policies = (...fields: CompiledField[]): Map<string, CompiledPolicies> =>
  new Map([['population', { subgraph: 'population', fields: new Map(fields.map((f) => [`Citizen.${f.field}`, f])), stateSecrets: new Set<string>() }]]);

describe('the plain-language diff of a policy change', () => {
  it('tells that an agency may now read a field for a purpose, as a widening change', () => {
    const before = policies(field('religion', 'sensitive', []));
    const after = policies(field('religion', 'sensitive', [rule()]));
    expect(diffPolicies(before, after)).toEqual([
      { widening: true, text: 'so-tai-chinh officers may now read Citizen.religion for business-registration (rule finance-verifies-legal-representatives of population.citizen)' },
    ]);
    expect(diffPolicies(after, before)).toEqual([
      { widening: false, text: 'so-tai-chinh officers may no longer read Citizen.religion for business-registration (rule finance-verifies-legal-representatives of population.citizen)' },
    ]);
  });

  it('groups the fields one rule reaches into one sentence, and reports a lower classification', () => {
    const before = policies(field('religion', 'sensitive', []), field('ethnicity', 'sensitive', []));
    const after = policies(field('religion', 'personal', [rule()]), field('ethnicity', 'personal', [rule()]));
    expect(diffPolicies(before, after).map((change) => change.text)).toEqual([
      'Citizen.ethnicity and Citizen.religion are now classified personal (was sensitive)',
      'so-tai-chinh officers may now read Citizen.ethnicity and Citizen.religion for business-registration (rule finance-verifies-legal-representatives of population.citizen)',
    ]);
  });

  it('counts a dropped condition or a new purpose as widening, and a narrower rule as narrowing only', () => {
    const withConsent = policies(field('religion', 'sensitive', [rule({ consentPurposes: new Set(['business-registration']) })]));
    const withoutConsent = policies(field('religion', 'sensitive', [rule()]));
    expect(diffPolicies(withConsent, withoutConsent).some((change) => change.widening)).toBe(true);
    expect(diffPolicies(withoutConsent, withConsent).some((change) => change.widening)).toBe(false);
    const morePurposes = policies(field('religion', 'sensitive', [rule({ purposes: new Set(['business-registration', 'tax-administration']) })]));
    expect(diffPolicies(withoutConsent, morePurposes).some((change) => change.widening)).toBe(true);
    expect(diffPolicies(morePurposes, withoutConsent).some((change) => change.widening)).toBe(false);
  });

  it('counts dropping a case requirement as widening and adding one as narrowing', () => {
    const withCase = policies(field('religion', 'sensitive', [rule({ requiresCaseId: true })]));
    const plain = policies(field('religion', 'sensitive', [rule()]));
    expect(diffPolicies(withCase, plain).filter((change) => change.widening).map((change) => change.text)).toEqual([
      'so-tai-chinh officers may now read Citizen.religion for business-registration (rule finance-verifies-legal-representatives of population.citizen)',
    ]);
    expect(diffPolicies(plain, withCase).some((change) => change.widening)).toBe(false);
  });

  it('counts hiding disclosures from the data subject as widening (it takes a right away), and ending it as narrowing', () => {
    const hidden = policies(field('religion', 'sensitive', [rule({ restricted: { legalBasis: 'criminal-procedure-code-2015', notifyAfter: 'until-released' } })]));
    const plain = policies(field('religion', 'sensitive', [rule()]));
    expect(diffPolicies(plain, hidden).filter((change) => change.widening).map((change) => change.text)).toEqual([
      'so-tai-chinh officers may now read Citizen.religion for business-registration, hidden from the data subject until an oversight officer releases it (criminal-procedure-code-2015) (rule finance-verifies-legal-representatives of population.citizen)',
    ]);
    expect(diffPolicies(hidden, plain).some((change) => change.widening)).toBe(false);
  });

  it('treats a difference in a rule key it does not know as widening (fail closed)', () => {
    const unknownKey = policies(field('religion', 'sensitive', [{ ...rule(), futureCondition: true } as CompiledRule]));
    const plain = policies(field('religion', 'sensitive', [rule()]));
    expect(diffPolicies(unknownKey, plain).some((change) => change.widening)).toBe(true);
  });

  it('counts opening a public field to callers without a token as widening, and says so plainly', () => {
    const signedIn = policies(field('wardCode', 'public', [rule({ id: 'signed-in-read-wards', roles: null, agencies: null, purposes: null })]));
    const open = policies(field('wardCode', 'public', [rule({ id: 'anyone-reads-wards', roles: null, agencies: null, purposes: null, anyone: true })]));
    const changes = diffPolicies(signedIn, open);
    expect(changes.some((change) => change.widening)).toBe(true);
    expect(changes.map((change) => change.text)).toContain('anyone, with or without a token may now read Citizen.wardCode (rule anyone-reads-wards of population.citizen)');
    expect(diffPolicies(open, signedIn).some((change) => change.widening)).toBe(false);
  });

  it('says nothing about a change that changes no access', () => {
    const same = policies(field('religion', 'sensitive', [rule()]));
    expect(diffPolicies(same, policies(field('religion', 'sensitive', [rule({ id: 'renamed' })])))).toEqual([]);
  });
});

describe('the plain-language diff of the connection and switch-off keys', () => {
  it('treats dropping the approved-connection condition as widening, and adding it as narrowing', () => {
    const gated = policies(field('religion', 'sensitive', [rule({ requiresConnection: true })]));
    const open = policies(field('religion', 'sensitive', [rule()]));
    expect(diffPolicies(gated, open)).toEqual([
      { widening: true, text: 'so-tai-chinh officers may now read Citizen.religion for business-registration (rule finance-verifies-legal-representatives of population.citizen)' },
    ]);
    expect(diffPolicies(open, gated)).toEqual([
      { widening: false, text: 'so-tai-chinh officers may no longer read Citizen.religion for business-registration (rule finance-verifies-legal-representatives of population.citizen)' },
    ]);
  });

  it('treats switching a service off as narrowing, and switching it on again as widening', () => {
    const on = policies(field('religion', 'sensitive', [rule()]));
    const off = policies({ ...field('religion', 'sensitive', [rule()]), disabled: { notice: 'Maintenance until 5 January', since: '2026-12-20' } });
    expect(diffPolicies(on, off)).toEqual([
      { widening: false, text: 'Citizen.religion is switched off since 2026-12-20: "Maintenance until 5 January" (population.citizen:beliefs)' },
    ]);
    expect(diffPolicies(off, on)).toEqual([
      { widening: true, text: 'Citizen.religion is switched on again (population.citizen:beliefs, off since 2026-12-20)' },
    ]);
  });
});

describe('the structured detail of a change, for a reader in another language', () => {
  it('names the rule, its groups and its fields', () => {
    const before = policies(field('religion', 'sensitive', []), field('ethnicity', 'sensitive', []));
    const after = policies(field('religion', 'sensitive', [rule()]), field('ethnicity', 'sensitive', [rule()]));
    expect(diffWithDetails(before, after).map((change) => change.detail)).toEqual([
      {
        kind: 'reader-added',
        policy: 'population.citizen',
        fields: ['Citizen.ethnicity', 'Citizen.religion'],
        rule: {
          id: 'finance-verifies-legal-representatives',
          mayRead: ['beliefs'],
          roles: ['officer'],
          anyone: false,
          agencies: ['so-tai-chinh'],
          purposes: ['business-registration'],
          legalBasis: 'enterprise-law-2020',
          ownRecord: false,
          consentPurposes: null,
          onSubjectRequest: false,
          requiresCaseId: false,
          requiresConnection: false,
          restricted: null,
        },
        level: null,
        was: null,
        group: null,
        since: null,
        notice: null,
        testCase: null,
        file: null,
        count: null,
      },
    ]);
  });
});
