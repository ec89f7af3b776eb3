// pg_dump and pg_restore as this machine has them (CI has them too): chosen for the server's major version,
// and a clear refusal when only older ones exist or none is where POSTGRES_BIN_DIR says.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPostgresTool, majorVersion } from './postgresTools.ts';

describe('the PostgreSQL client tools a backup uses', () => {
  it('reads a major version however the server or the tool writes it', () => {
    expect([majorVersion('15.20 (Debian 15.20-0+deb12u1)'), majorVersion('150020'), majorVersion('18.6'), majorVersion('9.6.24')]).toEqual([15, 15, 18, 9]);
  });

  it('finds a pg_dump at least as new as the server, and names the version it found', async () => {
    const tool = await findPostgresTool('pg_dump', 12);
    expect(tool.major).toBeGreaterThanOrEqual(12);
    expect(tool.version).toMatch(/^\d+\.\d+/);
  });

  it('refuses, saying what to install, when every pg_dump is older than the server', async () => {
    await expect(findPostgresTool('pg_dump', 99)).rejects.toThrow(
      new RegExp(`^pg_dump .*is older than the server \\(PostgreSQL 99\\) and cannot work with it: install the PostgreSQL 99 client tools \\(Debian: postgresql-client-99\\) and set POSTGRES_BIN_DIR`),
    );
  });

  it('says so when POSTGRES_BIN_DIR holds no pg_restore', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-postgres-'));
    await expect(findPostgresTool('pg_restore', 15, empty)).rejects.toThrow(
      `pg_restore was not found in POSTGRES_BIN_DIR (${empty}): install the PostgreSQL 15 client tools (Debian: postgresql-client-15) or set POSTGRES_BIN_DIR to the folder holding pg_restore`,
    );
  });
});
