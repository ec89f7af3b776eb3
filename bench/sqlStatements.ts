// SQL statements sent so far, read from each service's /metrics (`sql_statements_total{service="x"} N`).
// Read before and after a run, the difference over the requests completed is the SQL cost of one request.
import { config } from '../shared/config/config.ts';

export async function readSqlStatements(baseUrl: string): Promise<number> {
  const scrapeToken = config.metricsToken;
  const response = await fetch(`${baseUrl}/metrics`, {
    headers: scrapeToken ? { authorization: `Bearer ${scrapeToken}` } : {},
    signal: AbortSignal.timeout(5000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${baseUrl}/metrics answered HTTP ${response.status}`);
  const match = /^sql_statements_total(?:\{[^}]*\})?\s+(\d+)\s*$/m.exec(text);
  if (!match) throw new Error(`${baseUrl}/metrics has no sql_statements_total counter`);
  return Number(match[1]);
}

/** The sum over several services (the subgraphs behind the gateway). */
export async function totalSqlStatements(baseUrls: string[]): Promise<number> {
  const counts = await Promise.all(baseUrls.map(readSqlStatements));
  return counts.reduce((sum, count) => sum + count, 0);
}
