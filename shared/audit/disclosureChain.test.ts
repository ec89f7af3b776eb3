import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashPersonRecord, hashRecord, type DisclosureRecord, type PersonRecord } from './disclosureChain.ts';

const sha = (prev: string, values: unknown[]) => createHash('sha256').update(prev).update('\n').update(canonicalJson(values)).digest('hex');
const reference = (prev: string, record: DisclosureRecord) =>
  sha(prev, [record.requestId, record.at, record.principal, record.agency, record.roles, record.purpose, record.caseId, record.dataSubjects, record.outcomes, record.decision]);
const personReference = (prev: string, record: PersonRecord) =>
  sha(prev, [record.requestId, record.at, record.principal, record.agency, record.roles, record.purpose, record.caseId, record.dataSubject, record.fields, record.decision]);

const fields: DisclosureRecord['outcomes'][number]['fields'] = [
  { fields: ['Citizen.fullName', 'Citizen.dateOfBirth'], decision: 'disclosed', basis: 'civil-status-law-2014', rule: 'justice' },
  { fields: ['Citizen.religion'], decision: 'refused', reason: 'AGENCY_NOT_ALLOWED', rule: null },
  { fields: ['Citizen.id'], decision: 'disclosed', basis: 'consent:a,b', rule: undefined as unknown as null },
];

const base: DisclosureRecord = {
  requestId: 'r-1', at: '2026-11-25T10:00:00.000Z', principal: 'officer "7"', agency: 'so-tu-phap', roles: ['officer'],
  purpose: 'civil-status-procedure', caseId: null, dataSubjects: ['033094279365', '033094279366', null],
  outcomes: [
    { decision: 'partial', fields },
    { decision: 'disclosed', fields: [fields[0]] },
    { decision: 'refused', fields: [fields[1]] },
  ],
  decision: 'partial',
};

const person: PersonRecord = {
  requestId: 'r-1', at: '2026-11-25T10:00:00.000Z', principal: 'officer "7"', agency: 'so-tu-phap', roles: ['officer'],
  purpose: 'civil-status-procedure', caseId: null, dataSubject: '033094279365', fields, decision: 'partial',
};

const reversedKeys = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;

describe('the hash of a disclosure record', () => {
  it('is the hash of its canonical JSON, however the record was built', () => {
    expect(hashRecord('0'.repeat(64), base)).toBe(reference('0'.repeat(64), base));
    const reordered = { ...base, outcomes: base.outcomes.map((outcome) => reversedKeys({ ...outcome, fields: outcome.fields.map(reversedKeys) })) };
    expect(hashRecord('x', reordered)).toBe(reference('x', base));
    const nulls = { ...base, principal: null, agency: null, purpose: null, dataSubjects: [null], outcomes: [base.outcomes[2]], roles: [] };
    expect(hashRecord('x', nulls)).toBe(reference('x', nulls));
  });

  it('covers every data subject and a key added to an outcome by hand', () => {
    const otherPerson = { ...base, dataSubjects: ['033094279365', '033094279367', null] };
    expect(hashRecord('x', otherPerson)).not.toBe(hashRecord('x', base));
    const edited = { ...base, outcomes: [{ ...base.outcomes[0], note: 'added' }, ...base.outcomes.slice(1)] } as DisclosureRecord;
    expect(hashRecord('x', edited)).toBe(reference('x', edited));
    expect(hashRecord('x', edited)).not.toBe(hashRecord('x', base));
    const editedField = { ...base, outcomes: [{ ...base.outcomes[0], fields: [{ ...fields[0], note: 'added' }] }, ...base.outcomes.slice(1)] } as DisclosureRecord;
    expect(hashRecord('x', editedField)).toBe(reference('x', editedField));
  });
});

describe('the hash of a restricted disclosure', () => {
  const restricted: DisclosureRecord = {
    ...base,
    outcomes: [{ decision: 'disclosed', fields: [{ fields: ['Citizen.fullName'], decision: 'disclosed', basis: 'owner', rule: 'police', restricted: { notifyAfter: 'until-released', legalBasis: 'criminal-procedure-code-2015' } }] }],
    dataSubjects: ['033094279365'],
    decision: 'disclosed',
  };
  it('covers the restriction, in canonical form, and a key added to it by hand', () => {
    expect(hashRecord('x', restricted)).toBe(reference('x', restricted));
    expect(hashRecord('x', restricted)).not.toBe(hashRecord('x', { ...restricted, outcomes: [{ ...restricted.outcomes[0], fields: [{ ...restricted.outcomes[0].fields[0], restricted: undefined }] }] }));
    const edited = structuredClone(restricted) as unknown as { outcomes: Array<{ fields: Array<{ restricted: Record<string, unknown> }> }> };
    edited.outcomes[0].fields[0].restricted.note = { b: 1, a: 2 };
    expect(hashRecord('x', edited as unknown as DisclosureRecord)).toBe(reference('x', edited as unknown as DisclosureRecord));
    expect(hashRecord('x', edited as unknown as DisclosureRecord)).not.toBe(hashRecord('x', restricted));
  });
});

describe('the hash of a row written before Nov 2026 (one data subject)', () => {
  it('is the hash of its canonical JSON, grouped or one entry per field', () => {
    expect(hashPersonRecord('x', person)).toBe(personReference('x', person));
    expect(hashPersonRecord('x', { ...person, fields: fields.map(reversedKeys) })).toBe(personReference('x', person));
    const older = { ...person, fields: [{ field: 'Citizen.fullName', decision: 'disclosed', basis: 'owner', rule: 'police' }] };
    expect(hashPersonRecord('x', older)).toBe(personReference('x', older));
  });

  it('covers a key added to a field entry by hand', () => {
    const edited = { ...person, fields: [{ ...fields[0], note: 'added' }, ...fields.slice(1)] };
    expect(hashPersonRecord('x', edited)).toBe(personReference('x', edited));
    expect(hashPersonRecord('x', edited)).not.toBe(hashPersonRecord('x', person));
  });
});
