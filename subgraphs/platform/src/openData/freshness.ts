// Freshness of an open dataset, computed from its declared frequency and the last time its *data* was
// published or confirmed unchanged by a refresh (never a metadata edit). The regulation (Thái Bình QĐ
// 10/2021 Đ6.3; Sóc Trăng Đ10.4): published data is updated within 3 months, and the list itself is
// reviewed at least every 6 months. The thresholds, counted from the last publication or confirmation:
//
//   frequency  DUE from     OVERDUE after (= nextUpdateDue)
//   DAILY      1 day       2 days
//   WEEKLY     7 days      10 days
//   MONTHLY    1 month     1 month + 10 days
//   QUARTERLY  2 months    3 months (the regulation's limit)
//   ANNUAL     2 months    3 months: annual figures change once a year, but the regulation asks that
//                          published data be updated within 3 months, so a publisher confirms them
//                          by a refresh (unchanged rows keep dataModifiedAt and count as confirmation)
//   IRREG      —           —: no schedule of its own; it follows the list's review (DUE from 5 months
//                          after the review, OVERDUE after 6), as the regulation says only that
//
// A dataset never published is OVERDUE (the list names it, so its publication is owed), with the list's
// review day as the day it was due. The list itself is DUE 5 months after its review, OVERDUE after 6.
import type { UpdateFrequency } from '../../../../shared/openData/OpenDataList.ts';

export type Freshness = 'FRESH' | 'DUE' | 'OVERDUE';

interface Span {
  months: number;
  days: number;
}

const THRESHOLDS: Record<Exclude<UpdateFrequency, 'IRREG'>, { due: Span; overdue: Span }> = {
  DAILY: { due: { months: 0, days: 1 }, overdue: { months: 0, days: 2 } },
  WEEKLY: { due: { months: 0, days: 7 }, overdue: { months: 0, days: 10 } },
  MONTHLY: { due: { months: 1, days: 0 }, overdue: { months: 1, days: 10 } },
  QUARTERLY: { due: { months: 2, days: 0 }, overdue: { months: 3, days: 0 } },
  ANNUAL: { due: { months: 2, days: 0 }, overdue: { months: 3, days: 0 } },
};

/** The list's review: DUE after 5 months, OVERDUE after 6. */
const LIST_REVIEW = { due: { months: 5, days: 0 }, overdue: { months: 6, days: 0 } };

/** `from` plus a span, in UTC; a month added to the 31st lands on the month's last day. */
export function addSpan(from: Date, span: Span): Date {
  const target = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + span.months, 1, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return new Date(target.getTime() + span.days * 86_400_000);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export interface FreshnessInput {
  frequency: UpdateFrequency;
  /** When the rows were last published or confirmed by a refresh; null: never published. */
  dataConfirmedAt: Date | null;
  /** The list's review day (ISO date). */
  listReviewedOn: string;
  now: Date;
}

export interface FreshnessAnswer {
  freshness: Freshness;
  /** ISO date by which the next version (or, for IRREG, the list's review) is due. */
  nextUpdateDue: string;
}

function judge(from: Date, thresholds: { due: Span; overdue: Span }, now: Date): FreshnessAnswer {
  const due = addSpan(from, thresholds.due);
  const overdue = addSpan(from, thresholds.overdue);
  const freshness: Freshness = now.getTime() > overdue.getTime() ? 'OVERDUE' : now.getTime() >= due.getTime() ? 'DUE' : 'FRESH';
  return { freshness, nextUpdateDue: isoDate(overdue) };
}

export function freshnessOf({ frequency, dataConfirmedAt, listReviewedOn, now }: FreshnessInput): FreshnessAnswer {
  const reviewed = new Date(`${listReviewedOn}T00:00:00Z`);
  if (dataConfirmedAt === null) return { freshness: 'OVERDUE', nextUpdateDue: listReviewedOn };
  if (frequency === 'IRREG') return judge(reviewed, LIST_REVIEW, now);
  return judge(dataConfirmedAt, THRESHOLDS[frequency], now);
}

/** The list's own freshness: its review at most 6 months old. */
export function listFreshnessOf(listReviewedOn: string, now: Date): FreshnessAnswer {
  return judge(new Date(`${listReviewedOn}T00:00:00Z`), LIST_REVIEW, now);
}
