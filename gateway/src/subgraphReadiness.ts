// /ready: the gateway is ready when every subgraph answers its /health. Checked at most once a second,
// so a load balancer polling /ready does not multiply into subgraph traffic.
import http from 'node:http';

export interface Readiness {
  ready: boolean;
  subgraphs: Record<string, 'up' | 'down'>;
}

function healthy(graphqlUrl: string): Promise<boolean> {
  const url = new URL(graphqlUrl);
  url.pathname = '/health';
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

export function subgraphReadiness(urls: () => Record<string, string>): () => Promise<Readiness> {
  let last: { at: number; status: Promise<Readiness> } | undefined;
  return () => {
    if (last && Date.now() - last.at < 1000) return last.status;
    const status = (async () => {
      const entries = await Promise.all(
        Object.entries(urls()).map(async ([name, url]) => [name, (await healthy(url)) ? 'up' : 'down'] as const),
      );
      const subgraphs = Object.fromEntries(entries);
      return { ready: entries.length > 0 && entries.every(([, state]) => state === 'up'), subgraphs };
    })();
    last = { at: Date.now(), status };
    return status;
  };
}
