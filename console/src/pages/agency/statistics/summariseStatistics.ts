// The statistics rows added up per day, service, consumer agency and refusal reason, for the charts and
// their tables (distinct subjects are not additive, so they are only in the detailed table).
import type { Figures } from './FigureChart.tsx';

export interface StatisticsRow {
  day: string;
  ownerAgency: string;
  service: string;
  consumerAgency: string;
  purpose: string | null;
  requests: number;
  recordsDisclosed: number;
  refusals: { reason: string; count: number }[];
  distinctSubjects: number;
  latencyMs: { p95: number | null };
}

function sumBy(rows: StatisticsRow[], key: (row: StatisticsRow) => string[], value: (row: StatisticsRow, label: string) => number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) for (const label of key(row)) totals.set(label, (totals.get(label) ?? 0) + value(row, label));
  return totals;
}

const largestFirst = (totals: Map<string, number>): Figures => {
  const entries = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { labels: entries.map(([label]) => label), values: entries.map(([, value]) => value) };
};

/** Every day from `from` through `to` (YYYY-MM-DD), so a day without sharing shows as 0. */
function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`) && days.length <= 366; day.setUTCDate(day.getUTCDate() + 1)) days.push(day.toISOString().slice(0, 10));
  return days;
}

export function summariseStatistics(rows: StatisticsRow[], window: { from: string; to: string }) {
  const perDay = sumBy(rows, (row) => [row.day], (row) => row.requests);
  const days = daysOf(window.from, window.to);
  return {
    perDay: { labels: days, values: days.map((day) => perDay.get(day) ?? 0) },
    byService: largestFirst(sumBy(rows, (row) => [row.service], (row) => row.requests)),
    byConsumer: largestFirst(sumBy(rows, (row) => [row.consumerAgency], (row) => row.requests)),
    refusalsByReason: largestFirst(sumBy(rows, (row) => row.refusals.map((refusal) => refusal.reason), (row, reason) => row.refusals.find((refusal) => refusal.reason === reason)?.count ?? 0)),
    requests: rows.reduce((sum, row) => sum + row.requests, 0),
    records: rows.reduce((sum, row) => sum + row.recordsDisclosed, 0),
    refusals: rows.reduce((sum, row) => sum + row.refusals.reduce((n, refusal) => n + refusal.count, 0), 0),
  };
}
