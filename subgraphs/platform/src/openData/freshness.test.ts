// Freshness on fixed dates: the thresholds freshness.ts states, per frequency.
import { describe, expect, it } from 'vitest';
import { addSpan, freshnessOf, listFreshnessOf } from './freshness.ts';

const at = (iso: string) => new Date(iso);

describe('the freshness of an open dataset', () => {
  it('is overdue while never published, due since the list named it', () => {
    expect(freshnessOf({ frequency: 'MONTHLY', dataConfirmedAt: null, listReviewedOn: '2026-11-20', now: at('2026-11-21T00:00:00Z') })).toEqual({ freshness: 'OVERDUE', nextUpdateDue: '2026-11-20' });
    expect(freshnessOf({ frequency: 'IRREG', dataConfirmedAt: null, listReviewedOn: '2026-11-20', now: at('2026-11-21T00:00:00Z') }).freshness).toBe('OVERDUE');
  });

  it('turns a monthly dataset due after a month and overdue ten days later', () => {
    const base = { frequency: 'MONTHLY' as const, dataConfirmedAt: at('2026-01-31T08:00:00Z'), listReviewedOn: '2026-01-01' };
    expect(freshnessOf({ ...base, now: at('2026-02-27T08:00:00Z') })).toEqual({ freshness: 'FRESH', nextUpdateDue: '2026-03-10' });
    expect(freshnessOf({ ...base, now: at('2026-02-28T08:00:00Z') }).freshness).toBe('DUE');
    expect(freshnessOf({ ...base, now: at('2026-03-10T08:00:00Z') }).freshness).toBe('DUE');
    expect(freshnessOf({ ...base, now: at('2026-03-10T08:00:01Z') }).freshness).toBe('OVERDUE');
  });

  it('holds quarterly and annual data to the regulation’s three months', () => {
    for (const frequency of ['QUARTERLY', 'ANNUAL'] as const) {
      const base = { frequency, dataConfirmedAt: at('2026-01-15T00:00:00Z'), listReviewedOn: '2026-01-01' };
      expect(freshnessOf({ ...base, now: at('2026-03-14T00:00:00Z') })).toEqual({ freshness: 'FRESH', nextUpdateDue: '2026-04-15' });
      expect(freshnessOf({ ...base, now: at('2026-03-15T00:00:00Z') }).freshness).toBe('DUE');
      expect(freshnessOf({ ...base, now: at('2026-04-16T00:00:00Z') }).freshness).toBe('OVERDUE');
    }
  });

  it('judges daily and weekly data in days', () => {
    const daily = { frequency: 'DAILY' as const, dataConfirmedAt: at('2026-05-01T00:00:00Z'), listReviewedOn: '2026-01-01' };
    expect(freshnessOf({ ...daily, now: at('2026-05-01T23:59:59Z') }).freshness).toBe('FRESH');
    expect(freshnessOf({ ...daily, now: at('2026-05-02T00:00:00Z') }).freshness).toBe('DUE');
    expect(freshnessOf({ ...daily, now: at('2026-05-03T00:00:01Z') }).freshness).toBe('OVERDUE');
    const weekly = { frequency: 'WEEKLY' as const, dataConfirmedAt: at('2026-05-01T00:00:00Z'), listReviewedOn: '2026-01-01' };
    expect(freshnessOf({ ...weekly, now: at('2026-05-07T00:00:00Z') })).toEqual({ freshness: 'FRESH', nextUpdateDue: '2026-05-11' });
    expect(freshnessOf({ ...weekly, now: at('2026-05-11T00:00:01Z') }).freshness).toBe('OVERDUE');
  });

  it('follows the list’s review for an irregular dataset once published, whatever the data’s age', () => {
    const base = { frequency: 'IRREG' as const, dataConfirmedAt: at('2025-01-01T00:00:00Z'), listReviewedOn: '2026-11-20' };
    expect(freshnessOf({ ...base, now: at('2027-04-19T00:00:00Z') })).toEqual({ freshness: 'FRESH', nextUpdateDue: '2027-05-20' });
    expect(freshnessOf({ ...base, now: at('2027-04-20T00:00:00Z') }).freshness).toBe('DUE');
    expect(freshnessOf({ ...base, now: at('2027-05-21T00:00:00Z') }).freshness).toBe('OVERDUE');
  });

  it('keeps the list itself at most six months old', () => {
    expect(listFreshnessOf('2026-11-20', at('2026-12-05T00:00:00Z'))).toEqual({ freshness: 'FRESH', nextUpdateDue: '2027-05-20' });
    expect(listFreshnessOf('2026-05-01', at('2026-12-05T00:00:00Z')).freshness).toBe('OVERDUE');
  });

  it('adds a month to the 31st as the next month’s last day', () => {
    expect(addSpan(at('2026-01-31T10:00:00Z'), { months: 1, days: 0 }).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addSpan(at('2026-11-30T00:00:00Z'), { months: 3, days: 0 }).toISOString()).toBe('2027-02-28T00:00:00.000Z');
  });
});
