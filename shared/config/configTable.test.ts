import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configTable, withConfigTable } from './configTable.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe("README's configuration table", () => {
  it('is the one generated from the declarations (npm run docs:config)', () => {
    expect(readme).toBe(withConfigTable(readme));
  });

  it('lists the variables operators and developers set', () => {
    const table = configTable();
    for (const name of ['DEV_KEYS_DIR', 'DATABASE_POOL_MAX', 'BENCH_DATABASE_URL', 'BENCH_SCALE', 'BENCH_FRESH', 'TEST_DATABASE_URL', '<NAME>_SUBGRAPH_URL', 'INTERNAL_TOKEN_KEY_<AUDIENCE>']) {
      expect(table).toContain(`| \`${name}\` |`);
    }
  });
});
