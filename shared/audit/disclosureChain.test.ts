import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  hashPerRequestRecord,
  hashPersonRecord,
  hashStoredRecord,
  storedForm,
  type DisclosureRecord,
  type PersonRecord,
  type StoredRecord,
} from './disclosureChain.ts';

const sha = (prev: string, values: unknown[]) => createHash('sha256').update(prev).update('\n').update(canonicalJson(values)).digest('hex');
const storedReference = (prev: string, record: StoredRecord) =>
  sha(prev, [record.requestId, record.at, record.principal, record.agency, record.roles, record.purpose, record.caseId, record.dataSubjects, record.outcomeSets, record.outcomeOf, record.decision]);
const perRequestReference = (prev: string, record: DisclosureRecord) =>
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
  purpose: 'civil-status-procedure', caseId: null, dataSubjects: ['033094279365', '033094279366', null, '033094279367'],
  outcomes: [
    { decision: 'partial', fields },
    { decision: 'disclosed', fields: [fields[0]] },
    { decision: 'refused', fields: [fields[1]] },
    // The same outcome as the first subject's, built apart: stored once all the same.
    { decision: 'partial', fields: fields.map((field) => ({ ...field })) },
  ],
  decision: 'partial',
};

const person: PersonRecord = {
  requestId: 'r-1', at: '2026-11-25T10:00:00.000Z', principal: 'officer "7"', agency: 'so-tu-phap', roles: ['officer'],
  purpose: 'civil-status-procedure', caseId: null, dataSubject: '033094279365', fields, decision: 'partial',
};

const reversedKeys = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;
const hashOf = (prev: string, record: DisclosureRecord) => hashStoredRecord(prev, storedForm(record).stored, storedForm(record).setTexts);

describe('the stored form of a disclosure record', () => {
  it('keeps each distinct outcome once and, per data subject, the index of theirs', () => {
    const { stored, setTexts } = storedForm(base);
    expect(stored.outcomeSets).toEqual(base.outcomes.slice(0, 3));
    expect(stored.outcomeOf).toEqual([0, 1, 2, 0]);
    expect(stored.dataSubjects).toEqual(base.dataSubjects);
    expect(setTexts).toEqual(stored.outcomeSets.map(canonicalJson));
    expect('outcomes' in stored).toBe(false);
  });

  it('serialises each outcome as canonicalJson does, however it was built and whatever it holds', () => {
    const restricted = { fields: ['Citizen.fullName'], decision: 'disclosed', basis: 'owner', rule: 'police', restricted: { notifyAfter: 'until-released', requestId: 'r-0', legalBasis: 'criminal-procedure-code-2015' } };
    const odd = [
      { decision: 'disclosed', fields: [{ ...restricted, note: { b: 1, a: 2 } }] },
      { decision: 'disclosed', fields: [{ ...restricted, rule: 7 }] },
      { fields: [reversedKeys(restricted)], decision: 'disclosed', extra: true },
    ] as unknown as DisclosureRecord['outcomes'];
    const outcomes = [...base.outcomes, { decision: 'disclosed', fields: [restricted] }, ...odd] as DisclosureRecord['outcomes'];
    const { stored, setTexts } = storedForm({ ...base, dataSubjects: outcomes.map((_, index) => `0330900000${index}`), outcomes });
    expect(setTexts).toEqual(stored.outcomeSets.map(canonicalJson));
    expect(stored.outcomeSets).toHaveLength(7);
  });

  it('gives back every subject\'s outcome in full', () => {
    const { stored } = storedForm(base);
    expect(stored.outcomeOf.map((index) => stored.outcomeSets[index])).toEqual(base.outcomes);
  });
});

describe('the hash of a disclosure record', () => {
  it('is the hash of the canonical JSON of its stored form, however the record was built', () => {
    const { stored } = storedForm(base);
    expect(hashOf('0'.repeat(64), base)).toBe(storedReference('0'.repeat(64), stored));
    expect(hashStoredRecord('x', stored)).toBe(storedReference('x', stored));
    const reordered = { ...base, outcomes: base.outcomes.map((outcome) => reversedKeys({ ...outcome, fields: outcome.fields.map(reversedKeys) })) };
    expect(hashOf('x', reordered)).toBe(hashOf('x', base));
    const nulls = { ...base, principal: null, agency: null, purpose: null, dataSubjects: [null], outcomes: [base.outcomes[2]], roles: [] };
    expect(hashOf('x', nulls)).toBe(storedReference('x', storedForm(nulls).stored));
  });

  it('covers every data subject, which outcome is whose, and a key added to an outcome by hand', () => {
    const { stored } = storedForm(base);
    expect(hashOf('x', { ...base, dataSubjects: ['033094279365', '033094279368', null, '033094279367'] })).not.toBe(hashOf('x', base));
    expect(hashStoredRecord('x', { ...stored, outcomeOf: [1, 0, 2, 0] })).not.toBe(hashStoredRecord('x', stored));
    const edited = { ...stored, outcomeSets: [{ ...stored.outcomeSets[0], note: 'added' }, ...stored.outcomeSets.slice(1)] } as StoredRecord;
    expect(hashStoredRecord('x', edited)).toBe(storedReference('x', edited));
    expect(hashStoredRecord('x', edited)).not.toBe(hashStoredRecord('x', stored));
    const editedField = { ...stored, outcomeSets: [{ ...stored.outcomeSets[0], fields: [{ ...fields[0], note: 'added' }] }, ...stored.outcomeSets.slice(1)] } as StoredRecord;
    expect(hashStoredRecord('x', editedField)).toBe(storedReference('x', editedField));
    expect(hashStoredRecord('x', editedField)).not.toBe(hashStoredRecord('x', stored));
  });

  it('covers the parent who asked for a minor child, and leaves rows without one as they were hashed', () => {
    const forChild: DisclosureRecord = { ...base, principal: '033217982486', agency: null, roles: ['citizen'], guardian: '033094279365' };
    const { stored } = storedForm(forChild);
    const { guardian: _guardian, ...withoutGuardian } = forChild;
    expect(hashStoredRecord('x', stored)).toBe(
      sha('x', [stored.requestId, stored.at, stored.principal, stored.agency, stored.roles, stored.purpose, stored.caseId, stored.dataSubjects, '033094279365', stored.outcomeSets, stored.outcomeOf, stored.decision]),
    );
    expect(hashOf('x', { ...forChild, guardian: '033094279366' })).not.toBe(hashOf('x', forChild));
    expect(hashOf('x', withoutGuardian)).not.toBe(hashOf('x', forChild));
    expect(hashOf('x', { ...withoutGuardian, guardian: null })).toBe(storedReference('x', storedForm(withoutGuardian).stored));
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
    const { stored } = storedForm(restricted);
    expect(hashOf('x', restricted)).toBe(storedReference('x', stored));
    expect(hashOf('x', restricted)).not.toBe(hashOf('x', { ...restricted, outcomes: [{ ...restricted.outcomes[0], fields: [{ ...restricted.outcomes[0].fields[0], restricted: undefined }] }] }));
    const edited = structuredClone(stored) as unknown as { outcomeSets: Array<{ fields: Array<{ restricted: Record<string, unknown> }> }> };
    edited.outcomeSets[0].fields[0].restricted.note = { b: 1, a: 2 };
    expect(hashStoredRecord('x', edited as unknown as StoredRecord)).toBe(storedReference('x', edited as unknown as StoredRecord));
    expect(hashStoredRecord('x', edited as unknown as StoredRecord)).not.toBe(hashStoredRecord('x', stored));
  });
});

describe('the hash of a row written Nov-Dec 2026 (each subject\'s outcome in full)', () => {
  it('is the hash of its canonical JSON, as it was computed then', () => {
    expect(hashPerRequestRecord('x', base)).toBe(perRequestReference('x', base));
    const reordered = { ...base, outcomes: base.outcomes.map((outcome) => reversedKeys({ ...outcome, fields: outcome.fields.map(reversedKeys) })) };
    expect(hashPerRequestRecord('x', reordered)).toBe(perRequestReference('x', base));
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
