import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/Principal.ts';
import { maySearchRecipients, parseRecipientsQuery, recipientSearchRecord } from './disclosureRecipientsRoute.ts';

const principal = (roles: string[], agency: string | null): Principal => ({ subject: 'acct-1', agency, roles, purpose: null, caseId: null, requestId: 'req-1' }) as unknown as Principal;

describe('the search for the recipients of a correction', () => {
  it('is open to the register owner agency, security officers and the province DPO only', () => {
    expect(maySearchRecipients(principal(['officer'], 'cong-an-tinh'), 'cong-an-tinh')).toBe(true);
    expect(maySearchRecipients(principal(['data-protection-officer'], 'cong-an-tinh'), 'cong-an-tinh')).toBe(true);
    expect(maySearchRecipients(principal(['security-officer'], null), 'cong-an-tinh')).toBe(true);
    expect(maySearchRecipients(principal(['data-protection-officer'], 'ubnd-tinh'), 'cong-an-tinh')).toBe(true);
    expect(maySearchRecipients(principal(['officer'], 'so-tu-phap'), 'cong-an-tinh')).toBe(false);
    expect(maySearchRecipients(principal(['system'], 'cong-an-tinh'), 'cong-an-tinh')).toBe(false);
    expect(maySearchRecipients(principal(['citizen'], null), 'cong-an-tinh')).toBe(false);
  });

  it('takes personal ids, a Type.field and an instant, and refuses anything else', () => {
    expect(parseRecipientsQuery({ dataSubjects: ['012345678901', '012345678901'], field: 'Citizen.fullName', from: '2026-09-01T00:00:00Z' })).toEqual({
      dataSubjects: ['012345678901'],
      field: 'Citizen.fullName',
      from: '2026-09-01T00:00:00.000Z',
    });
    expect(() => parseRecipientsQuery({ dataSubjects: [], field: 'Citizen.fullName', from: '2026-09-01' })).toThrow('"dataSubjects" must name 1 to 20 people');
    expect(() => parseRecipientsQuery({ dataSubjects: ['12'], field: 'Citizen.fullName', from: '2026-09-01' })).toThrow('"dataSubjects" must be 12-digit personal ids');
    expect(() => parseRecipientsQuery({ dataSubjects: ['012345678901'], field: 'fullName; drop', from: '2026-09-01' })).toThrow('"field" must be Type.field');
    expect(() => parseRecipientsQuery({ dataSubjects: ['012345678901'], field: 'Citizen.fullName', from: 'yesterday' })).toThrow('"from" must be an ISO date or date-time');
  });

  it('is recorded as a look at each searched person\'s entries', () => {
    const record = recipientSearchRecord(principal(['officer'], 'cong-an-tinh'), { dataSubjects: ['012345678901'], field: 'Citizen.fullName', from: '2026-09-01T00:00:00.000Z' });
    expect(record).toMatchObject({
      agency: 'cong-an-tinh',
      dataSubjects: ['012345678901'],
      decision: 'disclosed',
      outcomes: [{ decision: 'disclosed', fields: [{ fields: ['DataAccess.entry'], decision: 'disclosed', basis: 'pdpl-2025-state-duties', rule: 'finds-recipients-of-a-correction' }] }],
    });
  });
});
