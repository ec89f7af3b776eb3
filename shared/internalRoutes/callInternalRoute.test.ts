import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callInternalRoute } from './callInternalRoute.ts';

// A peer with a route that never answers, one that trickles its answer forever, and one that answers.
describe('callInternalRoute against a slow peer', () => {
  let server: Server;
  let base: string;
  let hungUp = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      res.on('close', () => {
        if (!res.writableFinished) hungUp += 1;
      });
      if (req.url === '/ok') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      if (req.url === '/trickle') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"grants":[');
        const dripping = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(dripping));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives up on a peer that does not answer, after the timeout', async () => {
    const started = performance.now();
    await expect(callInternalRoute(base, '/silent', 'token', 'request-1', {}, { timeoutMs: 200 })).rejects.toThrow('/silent did not answer within 200 ms');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('gives up on a peer that trickles its answer: the timeout counts the whole call, not idleness', async () => {
    const started = performance.now();
    await expect(callInternalRoute(base, '/trickle', 'token', 'request-1', {}, { timeoutMs: 300 })).rejects.toThrow('/trickle did not answer within 300 ms');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('hangs up on what it gave up on, and the next call is answered', async () => {
    await expect.poll(() => hungUp).toBe(2);
    expect(await callInternalRoute(base, '/ok', 'token', 'request-1', {}, { timeoutMs: 1000 })).toEqual({ ok: true });
  });
});
