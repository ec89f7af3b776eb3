// pg_dump and pg_restore for a Postgres server: found (POSTGRES_BIN_DIR, else PATH and every
// /usr/lib/postgresql/<version>/bin), chosen for the server's major version, and run with the password
// in a passfile of its own (mode 0600, removed after), never on its command line. pg_dump refuses a server newer than itself:
// that is said before it runs, in words an operator can act on.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { config } from '../config/config.ts';

const run = promisify(execFile);
const DEBIAN_VERSIONS = '/usr/lib/postgresql';

export type PostgresToolName = 'pg_dump' | 'pg_restore';

export interface PostgresTool {
  name: PostgresToolName;
  /** What was run: a path, or the bare name found on PATH. */
  path: string;
  /** `15.20` */
  version: string;
  major: number;
}

/** `PostgreSQL 15.20 (Debian ...)`, `15.20`, `150020` or `18.6` -> 15 / 18. */
export function majorVersion(version: string): number {
  const digits = /(\d+)(?:\.(\d+))?/.exec(version);
  if (!digits) throw new Error(`Not a PostgreSQL version: ${version}`);
  const first = Number(digits[1]);
  return first >= 10_000 ? Math.floor(first / 10_000) : first;
}

function candidatePaths(name: PostgresToolName, binDir: string | undefined): string[] {
  if (binDir) return [join(binDir, name)];
  const versions = existsSync(DEBIAN_VERSIONS) ? readdirSync(DEBIAN_VERSIONS).filter((entry) => /^\d+$/.test(entry)) : [];
  return [name, ...versions.map((version) => join(DEBIAN_VERSIONS, version, 'bin', name)).filter((path) => existsSync(path))];
}

async function describeTool(name: PostgresToolName, path: string): Promise<PostgresTool | null> {
  try {
    const { stdout } = await run(path, ['--version']);
    const version = /\(PostgreSQL\)\s+(\S+)/.exec(stdout)?.[1];
    return version ? { name, path, version, major: majorVersion(version) } : null;
  } catch {
    return null;
  }
}

/**
 * The tool for a server of major version `serverMajor`: the same major if there is one, else the oldest
 * newer one (pg_dump and pg_restore read older servers, never newer ones). Throws a message naming what
 * was found and what to install when none fits.
 */
export async function findPostgresTool(name: PostgresToolName, serverMajor: number, binDir = config.postgresBinDir): Promise<PostgresTool> {
  const found = (await Promise.all(candidatePaths(name, binDir).map((path) => describeTool(name, path)))).filter((tool): tool is PostgresTool => tool !== null);
  const where = binDir ? `in POSTGRES_BIN_DIR (${binDir})` : `on PATH or in ${DEBIAN_VERSIONS}/<version>/bin`;
  if (found.length === 0) {
    throw new Error(`${name} was not found ${where}: install the PostgreSQL ${serverMajor} client tools (Debian: postgresql-client-${serverMajor}) or set POSTGRES_BIN_DIR to the folder holding ${name}`);
  }
  const fitting = found.filter((tool) => tool.major >= serverMajor).sort((a, b) => a.major - b.major);
  if (fitting.length === 0) {
    const list = found.map((tool) => `${tool.version} (${tool.path})`).join(', ');
    throw new Error(
      `${name} ${list} is older than the server (PostgreSQL ${serverMajor}) and cannot work with it: install the PostgreSQL ${serverMajor} client tools (Debian: postgresql-client-${serverMajor}) and set POSTGRES_BIN_DIR to their bin folder`,
    );
  }
  return fitting[0];
}

/** A passfile line for any host, port, database and user (libpq escapes `:` and `\\` with a backslash). */
const passfileLine = (password: string) => `*:*:*:*:${password.replace(/\\/g, '\\\\').replace(/:/g, '\\:')}\n`;

/**
 * Runs the tool against the database at `url` with `args`; throws its error output (which names the
 * database, never the password) when it fails.
 */
export async function runPostgresTool(tool: PostgresTool, url: string, args: string[]): Promise<void> {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  const folder = password === undefined ? undefined : await mkdtemp(join(tmpdir(), 'pgpass-'));
  try {
    if (folder) {
      const passfile = join(folder, 'pgpass');
      await writeFile(passfile, passfileLine(password!), { mode: 0o600 });
      parsed.searchParams.set('passfile', passfile);
    }
    await run(tool.path, [...args, `--dbname=${parsed.toString()}`], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    if (/server version mismatch/.test(stderr)) {
      throw new Error(`${tool.name} ${tool.version} (${tool.path}) refused the server: ${stderr.split('\n').find((line) => line.includes('version')) ?? stderr}. Set POSTGRES_BIN_DIR to the bin folder of client tools at least as new as the server.`);
    }
    throw new Error(`${tool.name} ${tool.version} failed: ${stderr || (error as Error).message}`);
  } finally {
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}
