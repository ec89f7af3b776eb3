// Building the console (Vite): `npm run build` always; `npm start` and `npm test` only when the build is
// missing or stale, judged by a hash of every source file of the console and of the lock file, kept
// beside the build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withNodeEnv } from '../shared/config/childEnvironment.ts';

const CONSOLE_DIR = dirname(fileURLToPath(import.meta.url));
export const CONSOLE_DIST_DIR = join(CONSOLE_DIR, 'dist');
const HASH_FILE = join(CONSOLE_DIST_DIR, '.source-hash');
const LOCK_FILE = join(CONSOLE_DIR, '..', 'package-lock.json');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      if (name === 'dist' || name === 'node_modules') return [];
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : [path];
    });
}

export function consoleSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [...sourceFiles(CONSOLE_DIR), LOCK_FILE]) {
    hash.update(relative(CONSOLE_DIR, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function consoleBuildIsCurrent(): boolean {
  return existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8') === consoleSourceHash();
}

/** Builds the console into console/dist; Vite prints each file's size, gzipped too. */
export async function buildConsole(options: { quiet?: boolean } = {}): Promise<void> {
  const hash = consoleSourceHash();
  const { build } = await import('vite');
  // Always a production build, whatever NODE_ENV this process has: a build made first by the tests
  // (vitest sets NODE_ENV=test) carried React's development build, 684 kB instead of 412 kB. NODE_ENV is
  // put back after: every child started after (the bench's services, a test's) would otherwise refuse to
  // start without production keys.
  await withNodeEnv('production', () => build({ configFile: join(CONSOLE_DIR, 'vite.config.ts'), logLevel: options.quiet ? 'warn' : 'info' }));
  writeFileSync(HASH_FILE, hash);
}

/** Builds the console when its build is missing or older than its sources; true when it built. */
export async function ensureConsoleBuilt(options: { quiet?: boolean } = {}): Promise<boolean> {
  if (consoleBuildIsCurrent()) return false;
  await buildConsole(options);
  return true;
}
