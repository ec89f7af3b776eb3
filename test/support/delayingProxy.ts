// A register made slow: a real HTTP proxy in front of one service that holds every request for
// `delayMs` before passing it on. It counts the calls it received and those its caller gave up on
// (hung up before the whole answer was sent).
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DelayingProxy {
  /** `target`'s URL with the proxy's address instead: the same path reaches the same route. */
  url: string;
  /** How long each request is held; change it at any time (for the requests that arrive after). */
  delayMs: number;
  received: number;
  abandoned: number;
  close(): Promise<void>;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection'];

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.includes(name)));
}

export async function startDelayingProxy(target: string, delayMs: number): Promise<DelayingProxy> {
  const origin = new URL(target).origin;
  const server = createServer((req, res) => {
    proxy.received += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const timer = setTimeout(() => {
        const upstream = request(new URL(req.url ?? '/', origin), { method: req.method, headers: forwardable(req.headers), agent: false }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, forwardable(answer.headers));
          answer.pipe(res);
        });
        upstream.on('error', () => res.destroy());
        upstream.end(Buffer.concat(chunks));
      }, proxy.delayMs);
      res.on('close', () => {
        if (res.writableFinished) return;
        clearTimeout(timer);
        proxy.abandoned += 1;
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const proxy: DelayingProxy = {
    url: url.toString(),
    delayMs,
    received: 0,
    abandoned: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return proxy;
}
