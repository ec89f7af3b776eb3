// Only shared/config reads or writes process.env: every other file gets typed values from `config`
// (or a child's environment from childEnvironment), so each variable is declared and checked once.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.dev-keys', 'shared/config']);

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const name = relative(root, path);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(name) || SKIPPED_FOLDERS.has(entry.name) ? [] : typeScriptFiles(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [name] : [];
  });
}

describe('process.env', () => {
  it('is used in no .ts file outside shared/config', () => {
    const files = typeScriptFiles(root);
    expect(files).toContain('gateway/src/main.ts');
    const readers = files.filter((file) => readFileSync(join(root, file), 'utf8').includes('process.env'));
    expect(readers).toEqual([]);
  });
});
