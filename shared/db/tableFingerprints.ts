// What a database holds, table by table, in a form two databases can be compared by: the number of rows
// and an MD5 over every row's text, in an order that does not depend on where rows lie on disk. A backup
// records it; a restore recomputes it on the restored database and must find the same.
// Maintenance only, never on the request path: it reads every row of every table.

/** A query runner inside a transaction: a pg.Client after `begin`, or a PGlite transaction. */
export interface SqlReader {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface TableFingerprint {
  rows: number;
  /** MD5 of the sorted MD5s of each row's text (the MD5 of nothing for an empty table). */
  md5: string;
}

/** Keyed `schema.table`, in name order. */
export type TableFingerprints = Record<string, TableFingerprint>;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every base table outside the system schemas. Run it inside a transaction: it sets the output formats
 * of dates, times and numbers for that transaction, so that the same rows give the same text on any
 * server whatever its settings.
 */
export async function tableFingerprints(db: SqlReader): Promise<TableFingerprints> {
  await db.query(
    `select set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true), set_config('IntervalStyle', 'postgres', true),
            set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true)`,
  );
  const { rows: columns } = await db.query<{ table_schema: string; table_name: string; column_name: string }>(
    `select c.table_schema, c.table_name, c.column_name
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
      order by c.table_schema, c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, { schema: string; table: string; columns: string[] }>();
  for (const column of columns) {
    const key = `${column.table_schema}.${column.table_name}`;
    if (!tables.has(key)) tables.set(key, { schema: column.table_schema, table: column.table_name, columns: [] });
    tables.get(key)!.columns.push(column.column_name);
  }
  const fingerprints: TableFingerprints = {};
  for (const key of [...tables.keys()].sort()) {
    const { schema, table, columns: names } = tables.get(key)!;
    const { rows } = await db.query<{ rows: string; md5: string }>(
      `select count(*)::text as rows, md5(coalesce(string_agg(h, '' order by h), '')) as md5
         from (select md5(row(${names.map(quoted).join(', ')})::text) as h from ${quoted(schema)}.${quoted(table)}) hashed`,
    );
    fingerprints[key] = { rows: Number(rows[0].rows), md5: rows[0].md5 };
  }
  return fingerprints;
}

/** The tables whose rows or checksum differ between two fingerprints, each with what was expected and found. */
export function fingerprintDifferences(expected: TableFingerprints, found: TableFingerprints): string[] {
  const differences: string[] = [];
  for (const key of [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort()) {
    const [was, is] = [expected[key], found[key]];
    if (!is) differences.push(`${key}: missing (backed up with ${was.rows} rows)`);
    else if (!was) differences.push(`${key}: not in the backup (${is.rows} rows)`);
    else if (was.rows !== is.rows) differences.push(`${key}: ${is.rows} rows, backed up with ${was.rows}`);
    else if (was.md5 !== is.md5) differences.push(`${key}: same ${is.rows} rows but different contents`);
  }
  return differences;
}

/** The knex migrations applied to a database, in the order they ran (none when knex never migrated it). */
export async function appliedMigrations(db: SqlReader): Promise<string[]> {
  const { rows } = await db.query<{ present: boolean }>(`select to_regclass('public.knex_migrations') is not null as present`);
  if (!rows[0].present) return [];
  return (await db.query<{ name: string }>('select name from knex_migrations order by id')).rows.map((row) => row.name);
}
