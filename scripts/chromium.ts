// The browser of the console's tests and of the bench's console first load: Debian's chromium, driven
// by playwright-core (which downloads no browser of its own). Installed with apt where it is missing, so
// a fresh CI machine has it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  process.stdout.write('Installing Debian chromium for the browser tests (apt-get install chromium)…\n');
  // `env` sets apt's frontend for the child alone: no question may wait for a terminal.
  const asRoot = process.getuid?.() === 0 ? ['env'] : ['sudo', '-n', 'env'];
  const run = (args: string[]) => execFileSync(asRoot[0], [...asRoot.slice(1), 'DEBIAN_FRONTEND=noninteractive', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    run(['apt-get', 'install', '-y', 'chromium']);
  } catch {
    run(['apt-get', 'update']);
    run(['apt-get', 'install', '-y', 'chromium']);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, yet ${CHROMIUM} is missing`);
}
