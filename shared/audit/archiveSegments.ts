// Retention of the disclosure log: rows older than AUDIT_RETENTION_DAYS leave the live log for
// disclosure_log_archive, only as whole segments that a witnessed checkpoint closes (the rows after one
// checkpoint up to the next), oldest first, and never the segment holding the head (the writer links new
// rows to the last live row). Each row is kept whole, so the archived segment verifies by itself from its
// first prev_hash to the witnessed hash, and the live log goes on from that hash.
import type { Knex } from 'knex';
import type { WitnessedCheckpoint } from './chainCheckpoint.ts';
import { dropArchivedPartitions } from './subjectPartitions.ts';
import { verifyWitnessedChain } from './witnessedChain.ts';

export interface ArchiveResult {
  /** Segments moved, each named by the checkpoint that closes it. */
  segments: string[];
  rows: number;
  /** Partitions of the data subjects' filing left empty by this and earlier archiving, dropped. */
  partitionsDropped: number;
  /** Why nothing (more) was archived, when the log itself is in doubt: nothing is archived then. */
  refused: string | null;
}

/** `checkpoints`: the service's witnessed checkpoints whose signatures verified, in seq order. */
export async function archiveWitnessedSegments(knex: Knex, checkpoints: readonly WitnessedCheckpoint[], olderThan: Date): Promise<ArchiveResult> {
  // A log that does not meet its checkpoints is evidence: it stays where it is.
  const check = await verifyWitnessedChain(knex, checkpoints);
  if (check.problem) return { segments: [], rows: 0, partitionsDropped: 0, refused: `the log does not verify at row ${check.problem.seq}: ${check.problem.message}` };
  const archived = await knex('disclosure_log_archive').max('seq as seq').first();
  const head = await knex('disclosure_log').max('seq as seq').first();
  if (head?.seq === null || head?.seq === undefined) return { segments: [], rows: 0, partitionsDropped: 0, refused: null };
  let start = BigInt(String(archived?.seq ?? 0));
  const result: ArchiveResult = { segments: [], rows: 0, partitionsDropped: 0, refused: null };
  for (const checkpoint of checkpoints) {
    const end = BigInt(checkpoint.seq);
    if (end <= start) continue;
    if (end >= BigInt(String(head.seq))) break;
    const newest = await knex('disclosure_log').max('at as at').where('seq', '>', String(start)).andWhere('seq', '<=', String(end)).first();
    if (!newest?.at || new Date(newest.at) >= olderThan) break;
    const moved = await knex.transaction(async (trx): Promise<number> => {
      await trx.raw(
        'insert into disclosure_log_archive (seq, segment_end, row) select seq, ?, row_to_json(live) from disclosure_log live where seq > ? and seq <= ? order by seq',
        [String(end), String(start), String(end)],
      );
      // Their data subjects go with them (found by seq: the partitions are ranges of it).
      await trx('disclosure_log_subjects').where('seq', '>', String(start)).andWhere('seq', '<=', String(end)).delete();
      return Number(await trx('disclosure_log').where('seq', '>', String(start)).andWhere('seq', '<=', String(end)).delete());
    });
    result.segments.push(checkpoint.seq);
    result.rows += moved;
    start = end;
  }
  result.partitionsDropped = await dropArchivedPartitions(knex, start);
  return result;
}
