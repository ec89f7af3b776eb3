// The log's index of data subjects, in partitions by seq. Each appended row is filed, with its data
// subjects, in disclosure_log_subjects, whose GIN index finds a citizen's rows. One GIN index over the
// whole log made an append cost five times as much at 10 million rows as on an empty log: a person's
// list of rows is rewritten each time one is added to it, and a row's keys land on pages all over an index
// of gigabytes. A partition holds PARTITION_ROWS rows, so the index an append writes to stays that small
// however long the log grows; a citizen's read looks the person up in each partition
// (docs/performance.md, "The log's subject index in partitions").
import type { Knex } from 'knex';
import { OFF_REQUEST_PATH } from '../db/openDatabase.ts';

export const PARTITION_ROWS = 500_000;

const PARENT = 'disclosure_log_subjects';

/** The partition holding `seq`'s row. */
function partitionOf(seq: bigint): bigint {
  return seq / BigInt(PARTITION_ROWS);
}

/** The numbers of the partitions there are, in order. */
async function partitionNumbers(knex: Knex): Promise<bigint[]> {
  const { rows } = await knex.raw(
    `select regexp_replace(child.relname, '^.*_', '')::bigint as partition
     from pg_inherits join pg_class as child on child.oid = pg_inherits.inhrelid join pg_class as parent on parent.oid = pg_inherits.inhparent
     where parent.relname = ? order by 1`,
    [PARENT],
  ).options(OFF_REQUEST_PATH);
  return rows.map((row: { partition: string | number }) => BigInt(row.partition));
}

/** Seqs below the returned value have a partition (0: none yet). */
async function partitionedThrough(knex: Knex): Promise<bigint> {
  const last = (await partitionNumbers(knex)).at(-1);
  return last === undefined ? 0n : (last + 1n) * BigInt(PARTITION_ROWS);
}

/**
 * Makes the partitions for every seq up to `throughSeq` and the one after it, so appends never wait for
 * one. Another process may make the same partition at the same moment: its work stands. Maintenance,
 * mostly after the requests of the rows have their answer: not counted as a request's SQL.
 */
export async function ensurePartitions(knex: Knex, throughSeq: bigint): Promise<bigint> {
  const covered = await partitionedThrough(knex);
  const last = partitionOf(throughSeq) + 1n;
  for (let partition = partitionOf(covered); partition <= last; partition += 1n) {
    const from = partition * BigInt(PARTITION_ROWS);
    try {
      await knex
        .raw(`create table if not exists ${PARENT}_${partition} partition of ${PARENT} for values from (${from}) to (${from + BigInt(PARTITION_ROWS)})`)
        .options(OFF_REQUEST_PATH);
    } catch (error) {
      if ((await partitionedThrough(knex)) <= from) throw error;
    }
  }
  return (last + 1n) * BigInt(PARTITION_ROWS);
}

/**
 * Drops the partitions whose every seq is at most `archivedThrough` and which are empty: archiving moved
 * their rows out. A citizen's read plans and looks the person up in every partition there is, so
 * partitions left behind would make it slower year after year while the live log stays the same size.
 * Answers how many were dropped. Dropping one locks the filing for a moment: appends wait, none fails.
 */
export async function dropArchivedPartitions(knex: Knex, archivedThrough: bigint): Promise<number> {
  let dropped = 0;
  for (const partition of await partitionNumbers(knex)) {
    // The partition of the first seq not archived, and every later one, may hold live rows.
    if (partition >= partitionOf(archivedThrough + 1n)) break;
    const table = `${PARENT}_${partition}`;
    // Never a partition still holding a filing: whatever put it there, dropping it would hide a live row.
    const { rows } = await knex.raw(`select exists (select 1 from ${table}) as filed`).options(OFF_REQUEST_PATH);
    if (rows[0].filed) continue;
    await knex.raw(`drop table if exists ${table}`).options(OFF_REQUEST_PATH);
    dropped += 1;
  }
  return dropped;
}

/**
 * The first row of the live log that is not filed under exactly its data subjects, or null. The filings are
 * not in the chain's hashes: a filing edited or deleted by hand would hide the row from its people's own
 * log while the chain still verified, so the chain's check asks this too.
 */
export async function firstRowNotFiled(knex: Knex): Promise<string | null> {
  if (!(await knex.schema.hasTable(PARENT))) return null;
  // A set difference, hashed in one pass over each: the partitions have no index by seq, and a join
  // walked in seq order would scan a partition per row.
  const { rows } = await knex.raw(
    `select min(seq) as seq from (select seq, data_subjects from disclosure_log where data_subjects is not null
     except all select seq, data_subjects from ${PARENT}) as unfiled`,
  );
  return rows[0].seq === null ? null : String(rows[0].seq);
}
