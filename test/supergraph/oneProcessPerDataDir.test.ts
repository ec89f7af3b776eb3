// Two `npm start`s on one PGLITE_DATA_DIR (a second start by mistake, a new container while the old one
// still runs on the same volume): the second is refused before it opens any database, naming the
// directory, and the first goes on serving with its disclosure logs whole. Before, both came up, and
// their engines overwrote each other's pages: each register's log lost rows and its chain broke.
// Real `npm start`s (`node --import tsx scripts/start.ts`) on embedded databases in one data directory.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { askReadmeFirstQuery, inMemoryStackEnvironment, loggedEntries, NPM_START, printedGatewayUrl, startService, stopService, type ServiceProcess } from '../support/serviceProcess.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'one-process-per-data-dir-'));
const crashedDir = mkdtempSync(join(tmpdir(), 'after-a-crash-'));
afterAll(() => {
  for (const dir of [dataDir, crashedDir]) rmSync(dir, { recursive: true, force: true });
});

/** Until the process has exited; its exit code. */
const exited = (service: ServiceProcess) =>
  new Promise<number | null>((resolve) => {
    if (service.child.exitCode !== null) resolve(service.child.exitCode);
    else service.child.once('exit', (code) => resolve(code));
  });

/**
 * The stopped service logged no error and exited 0, and every register's disclosure log in its data
 * directory, the requests' rows in it, walks as one intact chain.
 */
async function expectStoppedWithChainsIntact(service: ServiceProcess, environment: NodeJS.ProcessEnv): Promise<void> {
  expect(loggedEntries(service).filter((entry) => entry.level === 'error')).toEqual([]);
  expect(service.child.exitCode).toBe(0);
  const verified = await run(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/auditVerify.ts')], { env: environment });
  expect(verified.stdout).toMatch(/✓ population: [1-9]\d* rows, chain intact/);
  expect(verified.stdout).not.toContain('✗');
}

describe('a second npm start on the data directory of a running one', () => {
  it('is refused, naming the directory, and the first goes on serving', { timeout: 180_000 }, async () => {
    const environment = inMemoryStackEnvironment({ PGLITE_DATA_DIR: dataDir });
    const first = startService(NPM_START, [], environment);
    let second: ServiceProcess | undefined;
    try {
      const gateway = await printedGatewayUrl(first);
      const ask = () => askReadmeFirstQuery(gateway);
      expect((await ask()).status).toBe(200);

      second = startService(NPM_START, [], environment);
      expect(await exited(second)).toBe(1);
      const refusal = loggedEntries(second).find((entry) => entry.level === 'error');
      expect(refusal?.message).toBe('start failed');
      expect(second.output()).toContain('is in use by another process');
      expect(second.output()).toContain(dataDir);
      expect(second.output()).not.toContain('Ready in');

      const answer = await ask();
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.citizen.fullName).toBeTypeOf('string');
    } finally {
      await stopService(second);
      await stopService(first, 'group', 30_000);
    }
    await expectStoppedWithChainsIntact(first, environment);
  });
});

describe('an npm start after a crash of the one before on its data directory', () => {
  it('takes the directory over at once, and serves what the crashed one stored', { timeout: 180_000 }, async () => {
    const environment = inMemoryStackEnvironment({ PGLITE_DATA_DIR: crashedDir, LOG_LEVEL: 'info' });
    const crashed = startService(NPM_START, [], environment);
    let next: ServiceProcess | undefined;
    try {
      const before = await askReadmeFirstQuery(await printedGatewayUrl(crashed));
      expect(before.status).toBe(200);
      // Killed as a crash or the kernel's out-of-memory killer does: no handler runs, the lock stays behind.
      process.kill(-crashed.child.pid!, 'SIGKILL');
      await exited(crashed);

      // Before, this start was refused until the dead process's lock had gone 30 s without a refresh.
      next = startService(NPM_START, [], environment);
      const answer = await askReadmeFirstQuery(await printedGatewayUrl(next));
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data).toEqual(before.body.data);
      expect(loggedEntries(next).map((entry) => entry.message)).toContain('took over an embedded data directory from a process of this machine that is no longer running');
    } finally {
      await stopService(next, 'group', 30_000);
      await stopService(crashed);
    }
    // The crashed process's rows and the next one's included.
    await expectStoppedWithChainsIntact(next!, environment);
  });
});
