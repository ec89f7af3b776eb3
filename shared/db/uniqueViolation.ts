// Postgres's unique_violation (SQLSTATE 23505), as pg and PGlite report it: the one database error the
// services expect and answer (a lost race for the end of a chain, a second release, a second successor).

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}
