// Where a run's results go: bench/results/latest.json (ignored by git, overwritten each run) and
// bench/results/<date>-<commit>.json (committed, so figures can be compared over time).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RESULTS_DIRECTORY = new URL('./results/', import.meta.url);

/** `2026-12-03T09:15:02.123Z` and `04b37b5` -> `2026-12-03T09-15-02Z-04b37b5.json` (no ':' in file names). */
export function resultsFileName(isoDate: string, shortCommit: string): string {
  return `${isoDate.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}-${shortCommit}.json`;
}

/** Writes both files; returns their paths. */
export function writeResults(report: { date: string; commit: { short: string } }): string[] {
  mkdirSync(fileURLToPath(RESULTS_DIRECTORY), { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const paths = ['latest.json', resultsFileName(report.date, report.commit.short)].map((name) => fileURLToPath(new URL(name, RESULTS_DIRECTORY)));
  for (const path of paths) writeFileSync(path, json);
  return paths;
}
