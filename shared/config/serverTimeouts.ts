// The node:http options every service's server is created with (the gateway's and each subgraph's):
// a client that trickles its headers or its body is answered 408 and cut off, and an idle kept-alive
// connection is closed after a while. Answering is not counted: the gateway's deadline bounds that.
import type { ServerOptions } from 'node:http';
import type { HttpTimeouts } from './readConfig.ts';

export function serverTimeouts(timeouts: HttpTimeouts): ServerOptions {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node looks for connections past those timeouts only every 30 s by default, so a slow client would
    // hold on up to 30 s longer: look every second, or four times per header timeout when shorter.
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(timeouts.headersMs / 4))),
  };
}
