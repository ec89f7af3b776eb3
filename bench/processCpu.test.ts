// The CPU the bench attributes to a service: read from /proc for a real process that burns CPU, while it
// runs and after it has exited (then its time is in its parent's reaped-children counters).
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { groupCpuMs, listProcesses, parseProcessStat, postgresDatabaseOf } from './processCpu.ts';

// Burns `ms` of this process's own CPU time (not wall time: a busy machine only makes it take longer).
const BURN = 'const burn = (ms) => { const start = process.cpuUsage(); for (;;) { const used = process.cpuUsage(start); if ((used.user + used.system) / 1000 >= ms) return; } };';
const BURNS_ITSELF = `${BURN} process.stdin.once('data', () => { burn(300); console.log('done'); }); console.log('ready');`;
const BURNS_IN_A_CHILD =
  `const { spawn } = require('node:child_process'); ` +
  `process.stdin.once('data', () => spawn(process.execPath, ['-e', ${JSON.stringify(`${BURN} burn(300);`)}], { stdio: 'ignore' })` +
  `.once('exit', () => console.log('done'))); console.log('ready');`;

const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
});

/** A node process in its own process group, as the bench starts each service; resolves once it says `ready`. */
async function startGroup(script: string): Promise<{ child: ChildProcess; next: () => Promise<string> }> {
  const child = spawn(process.execPath, ['-e', script], { detached: true, stdio: ['pipe', 'pipe', 'inherit'] });
  started.push(child);
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) (waiting.shift() ?? ((entry: string) => lines.push(entry)))(line);
  });
  const next = () => (lines.length > 0 ? Promise.resolve(lines.shift()!) : new Promise<string>((resolve) => waiting.push(resolve)));
  expect(await next()).toBe('ready');
  return { child, next };
}

async function cpuOfGroupAroundBurn(script: string): Promise<number> {
  const { child, next } = await startGroup(script);
  const before = groupCpuMs(listProcesses(), child.pid!);
  child.stdin!.write('go\n');
  expect(await next()).toBe('done');
  return groupCpuMs(listProcesses(), child.pid!) - before;
}

describe.skipIf(process.platform !== 'linux')('CPU time read from /proc', () => {
  it('counts the 300 ms a service burns to its process group', async () => {
    const used = await cpuOfGroupAroundBurn(BURNS_ITSELF);
    // Each reading is truncated to the clock tick (10 ms); GC threads may add a little.
    expect(used).toBeGreaterThanOrEqual(280);
    expect(used).toBeLessThan(3000);
  });

  it('still counts a process that burned 300 ms and exited, in its parent (as a Postgres backend in the postmaster)', async () => {
    const used = await cpuOfGroupAroundBurn(BURNS_IN_A_CHILD);
    expect(used).toBeGreaterThanOrEqual(280);
    expect(used).toBeLessThan(5000);
  });

  it('lists this process with its own process id', () => {
    expect(listProcesses().some((stat) => stat.pid === process.pid && stat.ticks >= 0)).toBe(true);
  });
});

describe('reading a /proc/<pid>/stat line', () => {
  it('takes the command name whole even with spaces and parentheses, and sums own and reaped-children time', () => {
    const line = '4242 (my (odd) name) S 1 4240 4240 0 -1 4194304 10 0 0 0 150 25 7 3 20 0 1 0 100 1000 10';
    expect(parseProcessStat(line)).toEqual({ pid: 4242, comm: 'my (odd) name', ppid: 1, pgrp: 4240, ticks: 150 + 25 + 7 + 3 });
  });

  it('refuses a truncated line', () => {
    expect(parseProcessStat('4242 (node) S 1 4240')).toBeUndefined();
  });
});

describe('the database a Postgres backend serves, from its title', () => {
  it('is read with and without a cluster name, and absent for the server\'s own processes', () => {
    expect(postgresDatabaseOf('postgres: 15/main: postgres bench_population 127.0.0.1(32960) idle')).toBe('bench_population');
    expect(postgresDatabaseOf('postgres: app test_1_land [local] SELECT')).toBe('test_1_land');
    expect(postgresDatabaseOf('postgres: 15/main: checkpointer')).toBeUndefined();
    expect(postgresDatabaseOf('postgres: 15/main: autovacuum worker bench_land')).toBeUndefined();
  });
});
