// What the consent registry and the subject-request registry both keep: rows about a data subject,
// made by them or, for a minor child, by a parent. A citizen lists and ends only rows that are theirs
// in one of those two ways; for anyone else a row does not exist, whatever its id.
import type { Knex } from 'knex';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { MAX_CITIZEN_ROWS } from '../../../../shared/loaders/listBounds.ts';

export interface CitizenRows {
  table: string;
  /** Explicit columns, as `{ property: column }`. */
  columns: Record<string, string>;
  /** The column naming who made the row: the subject, or a parent. */
  actorColumn: string;
}

function ownedBy(rows: CitizenRows, query: Knex.QueryBuilder, citizen: string): Knex.QueryBuilder {
  return query.where((owner) => owner.where('subject_id', citizen).orWhere(rows.actorColumn, citizen));
}

/** The citizen's rows, newest first (at most MAX_CITIZEN_ROWS). */
export function rowsOf<T>(knex: Knex, rows: CitizenRows, citizen: string): Promise<T[]> {
  return ownedBy(rows, knex(rows.table).select(rows.columns), citizen)
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id' }])
    .limit(MAX_CITIZEN_ROWS);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ends one of the citizen's rows: `refusal` says why a row cannot end (null when it can), then
 * `stampColumn` gets the time. The row is locked while this is decided. An unknown id and someone
 * else's row get the same `notYours` message.
 */
export async function endRow<T>(
  knex: Knex,
  rows: CitizenRows,
  citizen: string,
  id: string,
  end: { stampColumn: string; notYours: string; refusal(row: T): string | null },
): Promise<T> {
  const notYours = badUserInput(end.notYours, 'id');
  if (!UUID.test(id)) throw notYours;
  return knex.transaction(async (trx) => {
    const row: T | undefined = await ownedBy(rows, trx(rows.table).select(rows.columns).where('id', id), citizen).forUpdate().first();
    if (!row) throw notYours;
    const refusal = end.refusal(row);
    if (refusal) throw badUserInput(refusal, 'id');
    await trx(rows.table).where('id', id).update({ [end.stampColumn]: trx.fn.now() });
    return trx(rows.table).select(rows.columns).where('id', id).first();
  });
}

/** A timestamp of a row as the API shows it. */
export const isoOrNull = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
