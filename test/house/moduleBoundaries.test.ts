// The house's rules about imports, checked on the source files: no import cycle anywhere, none between
// the modules of shared/, and each shared/ module imports only what its README says it may.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SKIPPED = new Set(['node_modules', '.git', 'docs', 'coverage', '.data', '.dev-keys']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIPPED.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
  });
}

/** file -> the project files it imports (relative imports only; packages are not the house's). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    graph.set(
      file,
      importedFiles.filter((entry) => entry.fileName.startsWith('.')).map((entry) => relative(root, resolve(root, dirname(file), entry.fileName))),
    );
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cyclesOf(graph: Map<string, Iterable<string>>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

const sharedModuleOf = (file: string) => (file.startsWith('shared/') ? file.split('/')[1] : null);

function sharedModuleGraph(graph: Map<string, string[]>): Map<string, Set<string>> {
  const modules = new Map<string, Set<string>>();
  for (const [file, imports] of graph) {
    const from = sharedModuleOf(file);
    if (!from || file.endsWith('.test.ts')) continue;
    if (!modules.has(from)) modules.set(from, new Set());
    for (const target of imports) {
      const to = sharedModuleOf(target) ?? target.split('/')[0];
      if (to !== from) modules.get(from)!.add(to);
    }
  }
  return modules;
}

/** The line `- May import: a, b` (or `nothing`) of shared/<module>/README.md. */
function allowedImports(module: string): Set<string> | null {
  let text: string;
  try {
    text = readFileSync(join(root, 'shared', module, 'README.md'), 'utf8');
  } catch {
    return null;
  }
  const line = /^(?:- )?May import: (.*)$/m.exec(text)?.[1];
  if (line === undefined) return null;
  return new Set(line.trim() === 'nothing' ? [] : line.split(',').map((name) => name.trim().replace(/`/g, '')));
}

describe('the modules of the house', () => {
  const graph = importGraph();

  it('import no file that imports them back, however far round', () => {
    expect(cyclesOf(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('of shared/ form no cycle between them', () => {
    expect(cyclesOf(sharedModuleGraph(graph)).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('of shared/ each have a README saying what they may import, and import nothing else', () => {
    const breaches: string[] = [];
    for (const [module, imports] of sharedModuleGraph(graph)) {
      const allowed = allowedImports(module);
      if (!allowed) breaches.push(`shared/${module}/README.md has no "May import:" line`);
      else for (const target of imports) if (!allowed.has(target)) breaches.push(`shared/${module} imports ${target}, which its README does not allow`);
    }
    expect(breaches).toEqual([]);
  });

  it('are checked by this test: a cycle made on purpose is found', () => {
    expect(cyclesOf(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
  });
});
