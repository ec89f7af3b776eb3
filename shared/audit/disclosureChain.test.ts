import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashRecord, type DisclosureRecord } from './disclosureChain.ts';

const reference = (prev: string, record: DisclosureRecord) =>
  createHash('sha256')
    .update(prev)
    .update('\n')
    .update(canonicalJson([record.requestId, record.at, record.principal, record.agency, record.roles, record.purpose, record.caseId, record.dataSubject, record.fields, record.decision]))
    .digest('hex');

const base: DisclosureRecord = {
  requestId: 'r-1', at: '2026-11-25T10:00:00.000Z', principal: 'officer "7"', agency: 'so-tu-phap', roles: ['officer'],
  purpose: 'civil-status-procedure', caseId: null, dataSubject: '033094279365',
  fields: [
    { fields: ['Citizen.fullName', 'Citizen.dateOfBirth'], decision: 'disclosed', basis: 'civil-status-law-2014', rule: 'justice' },
    { fields: ['Citizen.religion'], decision: 'refused', reason: 'AGENCY_NOT_ALLOWED', rule: null },
    { fields: ['Citizen.id'], decision: 'disclosed', basis: 'consent:a,b', rule: undefined as unknown as null },
  ],
  decision: 'partial',
};

describe('the hash of a disclosure record', () => {
  it('is the hash of its canonical JSON, however the record was built', () => {
    expect(hashRecord('0'.repeat(64), base)).toBe(reference('0'.repeat(64), base));
    const reordered = { ...base, fields: base.fields.map((entry) => Object.fromEntries(Object.entries(entry).reverse())) } as DisclosureRecord;
    expect(hashRecord('x', reordered)).toBe(reference('x', base));
    const nulls = { ...base, principal: null, agency: null, purpose: null, dataSubject: null, roles: [] };
    expect(hashRecord('x', nulls)).toBe(reference('x', nulls));
  });

  it('is the hash of the canonical JSON of rows written before fields were grouped', () => {
    const older = { ...base, fields: [{ field: 'Citizen.fullName', decision: 'disclosed', basis: 'owner', rule: 'police' }] } as unknown as DisclosureRecord;
    expect(hashRecord('x', older)).toBe(reference('x', older));
  });

  it('covers a key added to a field entry by hand', () => {
    const edited = { ...base, fields: [{ ...base.fields[0], note: 'added' }, ...base.fields.slice(1)] } as DisclosureRecord;
    expect(hashRecord('x', edited)).toBe(reference('x', edited));
    expect(hashRecord('x', edited)).not.toBe(hashRecord('x', base));
  });
});
