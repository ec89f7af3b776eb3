// The rows this process appended to its register's disclosure log, kept from the append until the sharing
// statistics have counted them, so the count takes them from memory instead of reading them back: reading
// a row of 20 people back cost about 0.06 ms of CPU (Postgres reading and sending its people and outcome
// sets, pg parsing them), counting it from memory 0.017 all told (docs/performance.md, change 26). The log
// stays the truth: the count still asks it which rows follow the last one counted, and reads back those not
// held here (appended by a replica, before a restart, or past the bound below).
import type { LogRow } from './aggregateDay.ts';

/** A row as the log writer appended it (shared/audit/disclosureWriter.ts's AppendedRow, by shape). */
export interface AppendedLogRow {
  seq: string;
  record: {
    at: string;
    agency: string | null;
    purpose: string | null;
    dataSubjects: Array<string | null>;
    outcomeSets: NonNullable<LogRow['outcome_sets']>;
    outcomeOf: number[];
    decision: string;
  };
}

/** A log row as the count reads it, with the moment of its request. */
export type DatedLogRow = LogRow & { at: Date | string };

export interface AppendedLogRows {
  /** The writer's rows of one append, in seq order. */
  add(rows: readonly AppendedLogRow[]): void;
  /** The row of this seq, if this process appended it and holds it still. */
  get(seq: string): DatedLogRow | undefined;
  /** Forgets the rows up to this seq (counted). */
  forgetThrough(seq: string): void;
  readonly size: number;
}

/**
 * `limit`: rows held at most; past it, rows are not kept and the count reads them back (a count that
 * cannot run, the database gone, must not hold the process's memory).
 */
export function appendedLogRows(limit: number): AppendedLogRows {
  // One writer per log and process appends in seq order, so the map's order is the seqs' order.
  const rows = new Map<string, DatedLogRow>();
  return {
    add(appended) {
      for (const { seq, record } of appended) {
        if (rows.size >= limit) return;
        rows.set(seq, {
          seq,
          at: record.at,
          agency: record.agency,
          purpose: record.purpose,
          data_subjects: record.dataSubjects,
          outcome_sets: record.outcomeSets,
          outcome_of: record.outcomeOf,
          outcomes: null,
          data_subject: null,
          fields: null,
          decision: record.decision,
        });
      }
    },
    get: (seq) => rows.get(seq),
    forgetThrough(seq) {
      const last = BigInt(seq);
      for (const held of rows.keys()) {
        if (BigInt(held) > last) return;
        rows.delete(held);
      }
    },
    get size() {
      return rows.size;
    },
  };
}
