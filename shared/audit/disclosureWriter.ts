// Appends disclosure records to the chain, one row per request. Group commit: records of concurrent
// requests wait while a write is in flight and go together in the next write (one statement for many
// requests); with no write in flight they go at once (a fixed window only adds latency: docs/request-path-costs.md).
//
// One statement per batch, with no transaction and no lock: the writer remembers the hash of the last
// row it knows of and links the batch to it. The log allows one successor per row (a unique index on
// prev_hash), so if another process appended meanwhile the insert fails as a whole; the writer then
// reads the real end of the chain and tries again. A multi-row insert is atomic, and the rows take
// their seq in the batch's order. The same statement files each row's data subjects in
// disclosure_log_subjects, whose partitions the writer makes ahead of the rows (subjectPartitions.ts).
import type { Knex } from 'knex';
import { sendStatement } from '../db/sendStatement.ts';
import { isUniqueViolation } from '../db/uniqueViolation.ts';
import { logError } from '../logging/log.ts';
import { GENESIS_HASH, hashStoredRecord, storedForm, type DisclosureRecord, type StoredRecord } from './disclosureChain.ts';
import { ensurePartitions, PARTITION_ROWS } from './subjectPartitions.ts';

interface Pending {
  record: DisclosureRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface DisclosureWriter {
  /** Resolves once the record is stored (at once for null: nothing to record). */
  write(record: DisclosureRecord | null): Promise<void>;
}

/** A row as appended: its place in the log and what it holds (the record's own objects, not a copy). */
export interface AppendedRow {
  seq: string;
  record: StoredRecord;
}

const MAX_ATTEMPTS = 5;

/** The batch's rows, in order, from one JSON parameter, each filed under its data subjects; answers their seqs, in order. */
const APPEND_ROWS = `with appended as (
  insert into disclosure_log (request_id, at, principal, agency, roles, purpose, case_id, guardian, data_subjects, outcome_sets, outcome_of, decision, prev_hash, hash)
  select request_id, at, principal, agency, roles, purpose, case_id, guardian, data_subjects, outcome_sets, outcome_of, decision, prev_hash, hash
  from rows from (json_to_recordset($1::json) as (request_id text, at timestamptz, principal text, agency text, roles jsonb, purpose text,
    case_id text, guardian text, data_subjects text[], outcome_sets json, outcome_of integer[], decision text, prev_hash text, hash text)) with ordinality as batch
  order by batch.ordinality
  returning seq, data_subjects),
filed as (insert into disclosure_log_subjects (seq, data_subjects) select seq, data_subjects from appended where data_subjects is not null)
select array_agg(seq order by seq) as seqs from appended`;
/** What Postgres answers for a row whose partition does not exist (check_violation). */
const NO_PARTITION = '23514';
/** Prepared once per connection, as the request path's reads are (shared/db/namedStatements.ts): its text never changes. */
const APPEND_ROWS_STATEMENT = 'disclosure_log_append';

interface ChainedRows {
  /** The rows as one JSON array: a single parameter, which pg sends as it is (array parameters are escaped element by element). */
  json: string;
  last: string;
  stored: StoredRecord[];
}

function chain(previous: string, records: DisclosureRecord[]): ChainedRows {
  const storedRecords: StoredRecord[] = [];
  const rows = records.map((record) => {
    const { stored, setTexts } = storedForm(record);
    storedRecords.push(stored);
    const hash = hashStoredRecord(previous, stored, setTexts);
    const row = {
      request_id: stored.requestId,
      at: stored.at,
      principal: stored.principal,
      agency: stored.agency,
      roles: stored.roles,
      purpose: stored.purpose,
      case_id: stored.caseId,
      guardian: stored.guardian,
      data_subjects: stored.dataSubjects,
      outcome_of: stored.outcomeOf,
      decision: stored.decision,
      prev_hash: previous,
      hash,
    };
    previous = hash;
    // The outcome sets as the text they were hashed from, not serialised a second time.
    return `${JSON.stringify(row).slice(0, -1)},"outcome_sets":[${setTexts.join(',')}]}`;
  });
  return { json: `[${rows.join(',')}]`, last: previous, stored: storedRecords };
}

/**
 * `onAppended`: told the rows of each successful append, in seq order, before their requests are answered
 * (the checkpointer counts them, the sharing statistics count them without reading them back); it must
 * not block.
 */
export function createDisclosureWriter(knex: Knex, onAppended?: (rows: AppendedRow[]) => void): DisclosureWriter {
  let queue: Pending[] = [];
  let writing = false;
  /** Hash of the last row this writer knows of; null until read (at start, or after losing a race). */
  let end: string | null = null;
  /** Seqs below this have a partition of disclosure_log_subjects (0: not looked at yet). */
  let partitioned = 0n;

  async function readEnd(): Promise<string> {
    const last = await knex('disclosure_log').select('hash').orderBy('seq', 'desc').first();
    return last?.hash ?? GENESIS_HASH;
  }

  /** The last seq any append took, this one's failed attempt included. */
  async function lastSeqTaken(): Promise<bigint> {
    const { rows } = await knex.raw("select last_value from disclosure_log_seq_seq");
    return BigInt(rows[0].last_value);
  }

  /** Appends the records; answers the seq of the last. */
  async function append(records: DisclosureRecord[]): Promise<bigint> {
    for (let attempt = 1; ; attempt += 1) {
      const previous = end ?? (end = await readEnd());
      const { json, last, stored } = chain(previous, records);
      try {
        const [{ seqs }] = await sendStatement<{ seqs: string[] }>(knex, APPEND_ROWS, [json], { name: APPEND_ROWS_STATEMENT });
        end = last;
        onAppended?.(stored.map((record, index) => ({ seq: seqs[index], record })));
        return BigInt(seqs[seqs.length - 1]);
      } catch (error) {
        // Whatever failed, the end of the chain is no longer known for sure: read it again next time.
        end = null;
        if (attempt >= MAX_ATTEMPTS) throw error;
        if ((error as { code?: string }).code === NO_PARTITION) partitioned = await ensurePartitions(knex, await lastSeqTaken() + BigInt(records.length));
        else if (!isUniqueViolation(error)) throw error;
      }
    }
  }

  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      let lastSeq: bigint;
      try {
        lastSeq = await append(batch.map((pending) => pending.record));
        for (const pending of batch) pending.resolve();
      } catch (error) {
        for (const pending of batch) pending.reject(error);
        continue;
      }
      await makeNextPartition(lastSeq);
    }
    writing = false;
  }

  /**
   * Once the rows reach the last partition, the next one is made, after their requests have their answer
   * and before any row needs it. If that fails, an append that finds no partition makes it.
   */
  async function makeNextPartition(lastSeq: bigint): Promise<void> {
    if (lastSeq + BigInt(PARTITION_ROWS) < partitioned) return;
    try {
      partitioned = await ensurePartitions(knex, lastSeq);
    } catch (error) {
      logError('could not make the next partition of the disclosure log\'s subjects', { error });
    }
  }

  return {
    write(record) {
      if (!record) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        queue.push({ record, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
