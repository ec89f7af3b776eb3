// Runs in vitest's main process. With TEST_DATABASE_URL every database of this run is named
// test_<run>_<service>; teardown drops them all, whatever state the test worker ended in. Before any
// test: the console built (when missing or stale), the embedded databases' template made (when missing:
// no test process then waits for an initdb), and Debian's chromium installed (when missing) for the
// browser tests.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { config } from '../../shared/config/config.ts';
import { shareTestRunId } from '../../shared/config/shareTestRunId.ts';
import { ensureConsoleBuilt } from '../../console/consoleBuild.ts';
import { ensureEmbeddedTemplate } from '../../shared/db/embeddedPostgres.ts';
import { ensureChromium } from '../../scripts/chromium.ts';

export default async function setup(): Promise<() => Promise<void>> {
  await Promise.all([ensureConsoleBuilt({ quiet: true }), ensureEmbeddedTemplate()]);
  ensureChromium();
  const run = `${process.pid}_${randomBytes(3).toString('hex')}`;
  shareTestRunId(run);
  return async () => {
    const url = config.test.databaseUrl;
    if (!url) return;
    const admin = new URL(url);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`test_${run}_%`]);
      for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await client.end();
    }
  };
}
