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
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Until the process has exited; its exit code. */
const exited = (service: ServiceProcess) =>
  new Promise<number | null>((resolve) => {
    if (service.child.exitCode !== null) resolve(service.child.exitCode);
    else service.child.once('exit', (code) => resolve(code));
  });

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
    expect(loggedEntries(first).filter((entry) => entry.level === 'error')).toEqual([]);
    expect(first.child.exitCode).toBe(0);
    // Every register's disclosure log, the requests' rows in it, walks as one intact chain.
    const verified = await run(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/auditVerify.ts')], { env: environment });
    expect(verified.stdout).toMatch(/✓ population: [1-9]\d* rows, chain intact/);
    expect(verified.stdout).not.toContain('✗');
  });
});
