// The database a test opens for one service or purpose: the embedded engine by default, or on the
// server of TEST_DATABASE_URL a database of this run's own (`test_<run>_<name>`), so runs never share.
import { config } from '../config/config.ts';
import type { DatabaseOptions } from './openDatabase.ts';
import { serviceDatabaseUrl } from './serverDatabase.ts';

export function testDatabaseOptions(name: string): DatabaseOptions {
  const server = config.test.databaseUrl;
  if (!server) return {};
  const base = new URL(server);
  base.pathname = `/test_${config.test.runId ?? process.pid}`;
  return { url: serviceDatabaseUrl(base.toString(), name) };
}
