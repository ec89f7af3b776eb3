// Checks an agency's disclosure log against the checkpoints the platform witnessed: the chain is walked
// as `verifyDisclosureChain` does (archived segments first, then the live log), and each witnessed
// checkpoint's row must be there with the hash the agency signed. A log whose tail was deleted, or whose
// rows were edited and every later row rehashed, still links up, but no longer meets its checkpoints:
// what follows the last checkpoint it still meets cannot be trusted, and the check names its first row.
// A whole chain must also have every live row filed under its data subjects (subjectPartitions.ts).
import type { Knex } from 'knex';
import { expectedHash, GENESIS_HASH, RECORD_COLUMNS, type StoredRow } from './disclosureChain.ts';
import type { AuditPublicKeys } from './auditKeys.ts';
import { isSignedBy, isWitnessedBy, type WitnessedCheckpoint } from './chainCheckpoint.ts';
import { firstRowNotFiled } from './subjectPartitions.ts';

export interface WitnessedChainCheck {
  rows: number;
  /** Of which in disclosure_log_archive. */
  archivedRows: number;
  /** Checkpoints the log meets. */
  witnessedCheckpoints: number;
  /** The last checkpoint the log meets (seq), null if none. */
  lastGoodCheckpoint: string | null;
  /** Rows after the last checkpoint: not yet witnessed, not an error. */
  notYetWitnessed: number;
  /** The first problem, null when the log is whole and meets every checkpoint. */
  problem: null | {
    /**
     * `link`: the chain itself is broken at `seq`; `witness`: the log no longer meets a checkpoint;
     * `filing`: the chain is whole, but a row is not filed under its data subjects (subjectPartitions.ts).
     */
    kind: 'link' | 'witness' | 'filing';
    /** The row named: the first broken link, the first row after the last good checkpoint, or the row not filed. */
    seq: string;
    message: string;
  };
}

const ARCHIVE_COLUMNS = Object.entries(RECORD_COLUMNS);

/** An archived row (every column of disclosure_log, as JSON) in the form the chain reads. */
function fromArchive(row: Record<string, unknown>): StoredRow {
  return Object.fromEntries(ARCHIVE_COLUMNS.map(([name, column]) => [name, row[column] ?? null])) as unknown as StoredRow;
}

/** The archive, then the live log, in seq order, a page at a time. */
async function* chainRows(knex: Knex, pageSize: number): AsyncGenerator<{ row: StoredRow; archived: boolean }> {
  let after = '0';
  // A log not yet migrated to checkpoints (the service has not started since) has no archive.
  const hasArchive = await knex.schema.hasTable('disclosure_log_archive');
  for (;;) {
    if (!hasArchive) break;
    const page: { seq: string; row: Record<string, unknown> }[] = await knex('disclosure_log_archive').select('seq', 'row').where('seq', '>', after).orderBy('seq').limit(pageSize);
    for (const entry of page) yield { row: fromArchive(typeof entry.row === 'string' ? JSON.parse(entry.row) : entry.row), archived: true };
    if (page.length < pageSize) break;
    after = String(page[page.length - 1].seq);
  }
  for (;;) {
    const page: StoredRow[] = await knex('disclosure_log').select(RECORD_COLUMNS).where('seq', '>', after).orderBy('seq').limit(pageSize);
    for (const row of page) yield { row, archived: false };
    if (page.length < pageSize) return;
    after = String(page[page.length - 1].seq);
  }
}

/** Checkpoints whose signatures do not both verify, with why. */
export function badlySignedCheckpoints(service: string, checkpoints: readonly WitnessedCheckpoint[], keys: AuditPublicKeys): { seq: string; why: string }[] {
  const agencyKey = keys.agency(service);
  return checkpoints.flatMap((checkpoint) => {
    if (checkpoint.service !== service) return [{ seq: checkpoint.seq, why: `it is ${checkpoint.service}'s` }];
    if (!agencyKey) return [{ seq: checkpoint.seq, why: `there is no audit public key for ${service}` }];
    if (!keys.witness) return [{ seq: checkpoint.seq, why: 'there is no witness public key' }];
    if (!isSignedBy(checkpoint, agencyKey)) return [{ seq: checkpoint.seq, why: `${service}'s signature does not verify` }];
    if (!isWitnessedBy(checkpoint, keys.witness)) return [{ seq: checkpoint.seq, why: "the witness's signature does not verify" }];
    return [];
  });
}

/** `checkpoints`: the service's witnessed checkpoints whose signatures verified, in seq order. */
export async function verifyWitnessedChain(knex: Knex, checkpoints: readonly WitnessedCheckpoint[], pageSize = 5000): Promise<WitnessedChainCheck> {
  let previous = GENESIS_HASH;
  let rows = 0;
  let archivedRows = 0;
  let next = 0;
  let lastGood: WitnessedCheckpoint | null = null;
  /** The first row after the last good checkpoint, once seen. */
  let firstAfterGood: string | null = null;
  let sinceGood = 0;
  const result = (problem: WitnessedChainCheck['problem']): WitnessedChainCheck => ({
    rows,
    archivedRows,
    witnessedCheckpoints: next,
    lastGoodCheckpoint: lastGood?.seq ?? null,
    notYetWitnessed: problem ? 0 : sinceGood,
    problem,
  });
  const afterGood = () => firstAfterGood ?? (lastGood ? String(BigInt(lastGood.seq) + 1n) : '1');
  const untrusted = (why: string) =>
    result({ kind: 'witness', seq: afterGood(), message: `${why}; rows from ${afterGood()} on (the last good checkpoint: ${lastGood ? `row ${lastGood.seq}` : 'none'}) cannot be trusted` });

  for await (const { row, archived } of chainRows(knex, pageSize)) {
    const seq = BigInt(row.seq);
    rows += 1;
    if (archived) archivedRows += 1;
    sinceGood += 1;
    firstAfterGood ??= String(row.seq);
    const skipped = checkpoints[next];
    if (skipped && BigInt(skipped.seq) < seq) return untrusted(`row ${skipped.seq} was witnessed but is no longer in the log (rows were removed)`);
    if (row.prevHash !== previous) return result({ kind: 'link', seq: String(row.seq), message: 'its link to the previous row does not match (a row was removed or inserted)' });
    if (expectedHash(row) !== row.hash) return result({ kind: 'link', seq: String(row.seq), message: 'its content does not match its hash (the row was changed)' });
    const checkpoint = checkpoints[next];
    if (checkpoint && BigInt(checkpoint.seq) === seq) {
      if (checkpoint.hash !== row.hash) return untrusted(`row ${checkpoint.seq} no longer has the hash witnessed for it (rows were edited and rehashed)`);
      lastGood = checkpoint;
      next += 1;
      firstAfterGood = null;
      sinceGood = 0;
    }
    previous = row.hash;
  }
  const missing = checkpoints[next];
  if (missing) return untrusted(`row ${missing.seq} was witnessed but the log ends ${rows === 0 ? 'empty' : 'before it'} (its tail was deleted)`);
  const unfiled = await firstRowNotFiled(knex);
  if (unfiled !== null) {
    return result({ kind: 'filing', seq: unfiled, message: 'it is not filed under its data subjects (the filing was changed or removed): their own log does not show it' });
  }
  return result(null);
}
