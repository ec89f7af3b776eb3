// The ports the bench's services listen on: free, never the same twice, and below the kernel's ephemeral
// range, where no outgoing connection can take one before its service binds it. And stopping some of
// the services a run started (those that seeded the databases) without the others.
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { childEnvironment } from '../shared/config/childEnvironment.ts';
import { freePort, LISTEN_PORTS, startChild, stopChildren } from './childProcesses.ts';

describe('freePort', () => {
  it('hands out distinct ports below the ephemeral range, each one a service can listen on', async () => {
    const ephemeralFrom = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    expect(LISTEN_PORTS.to).toBeLessThanOrEqual(ephemeralFrom);
    const ports: number[] = [];
    for (let index = 0; index < 20; index += 1) ports.push(await freePort());
    expect(new Set(ports).size).toBe(20);
    expect(ports.every((port) => port >= LISTEN_PORTS.from && port < LISTEN_PORTS.to)).toBe(true);
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(ports[0], '127.0.0.1', resolve));
    server.close();
  });

  it('passes over a port someone listens on', async () => {
    const taken = await freePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(taken + 1, '127.0.0.1', resolve));
    try {
      // The next port looked at is the one after `taken` (unless the range wrapped): it is skipped.
      const next = await freePort();
      expect(next).not.toBe(taken + 1);
    } finally {
      server.close();
    }
  });
});

describe('stopChildren', () => {
  it('stops the children it is given and leaves the others running', { timeout: 20_000 }, async () => {
    const idle = ['-e', 'setInterval(() => {}, 1000)'];
    const [stopped, running] = [startChild('stopped', process.execPath, idle, childEnvironment()), startChild('running', process.execPath, idle, childEnvironment())];
    try {
      await stopChildren([stopped]);
      expect(stopped.hasExited()).toBe(true);
      expect(await stopped.exited).toBe('killed by SIGTERM');
      expect(running.hasExited()).toBe(false);
    } finally {
      await stopChildren([running]);
    }
    expect(running.hasExited()).toBe(true);
  });
});
