import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenOnLoopback } from '../../test/support/loopbackServer.ts';
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
    base = await listenOnLoopback(server);
  });

  afterAll(() => closeServer(server));

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

// A peer that closes kept-alive connections: after the idle time it announces, and (to stand for the
// moment it closes one just as a call goes out) on the second request a connection carries.
describe('callInternalRoute over kept-alive connections', () => {
  let server: Server;
  let base: string;
  let connections = 0;
  let requests = 0;

  beforeAll(async () => {
    server = createServer({ keepAliveTimeout: 2000 }, (req, res) => {
      requests += 1;
      req.resume();
      const served = ((req.socket as { served?: number }).served ?? 0) + 1;
      (req.socket as { served?: number }).served = served;
      if (req.url === '/reset-always' || (req.url === '/reset-second' && served === 2)) return void req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"connection":${connections}}`);
    });
    server.on('connection', () => {
      connections += 1;
    });
    base = await listenOnLoopback(server);
  });

  afterAll(() => closeServer(server));

  it('reuses a connection at once, and drops it a second before the peer would close it', async () => {
    const first = await callInternalRoute<{ connection: number }>(base, '/ok', 'token', 'request-1', {});
    expect(await callInternalRoute(base, '/ok', 'token', 'request-1', {})).toEqual(first);
    // The peer announced 2 s; past 1 s the connection is not reused.
    await new Promise((resolve) => setTimeout(resolve, 1300));
    const later = await callInternalRoute<{ connection: number }>(base, '/ok', 'token', 'request-1', {});
    expect(later.connection).toBe(first.connection + 1);
  });

  it('sends a call once more on another connection when the peer closed the kept-alive one as it went out', async () => {
    const first = await callInternalRoute<{ connection: number }>(base, '/reset-second', 'token', 'request-2', {});
    const before = requests;
    const second = await callInternalRoute<{ connection: number }>(base, '/reset-second', 'token', 'request-2', {});
    expect(second.connection).toBe(first.connection + 1);
    expect(requests - before).toBe(2);
  });

  it('sends a call at most twice: a peer that keeps hanging up fails the call', async () => {
    await callInternalRoute(base, '/ok', 'token', 'request-3', {});
    const before = requests;
    await expect(callInternalRoute(base, '/reset-always', 'token', 'request-3', {})).rejects.toThrow('socket hang up');
    expect(requests - before).toBe(2);
  });
});
