// npm start in development: every open dataset never published is published once, by a publisher of its
// own agency through the gateway (refreshOpenDataset, the same path a publisher takes), so that a newcomer's
// first download, CKAN search or DCAT feed has data. Production never does this: there, publishers publish.
import { signDevUserToken } from '../shared/auth/userToken.ts';

interface ListedDataset {
  id: string;
  publisher: string;
  status: string;
}

async function askGateway<T>(gatewayUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}

/**
 * A refresh of one dataset by a (development) publisher of `agency`, through the gateway: what a publisher
 * does. Answers the outcome (PUBLISHED or UNCHANGED), or the first error's message.
 */
export async function refreshAsPublisher(gatewayUrl: string, datasetId: string, agency: string): Promise<{ outcome: string } | { problem: string }> {
  const token = signDevUserToken({ roles: ['publisher'], agency, sub: `demo-publisher-${agency}` });
  const answer = await askGateway<{ refreshOpenDataset: { outcome: string } }>(gatewayUrl, 'mutation ($id: ID!) { refreshOpenDataset(id: $id) { outcome } }', { id: datasetId }, token).catch(
    (error: Error) => ({ errors: [{ message: error.message }] }) as { data?: undefined; errors: { message: string }[] },
  );
  return answer.data?.refreshOpenDataset ?? { problem: answer.errors?.[0]?.message ?? 'no answer' };
}

/** Publishes what was never published; answers the ids published and the problems met (never throws for one dataset). */
export async function publishDemoOpenData(gatewayUrl: string): Promise<{ published: string[]; problems: string[] }> {
  const list = await askGateway<{ openDatasets: { nodes: ListedDataset[] } }>(gatewayUrl, 'query { openDatasets(first: 200) { nodes { id publisher status } } }', {});
  const waiting = (list.data?.openDatasets.nodes ?? []).filter((dataset) => dataset.status === 'NOT_YET_PUBLISHED');
  const published: string[] = [];
  const problems: string[] = list.errors?.map((error) => error.message) ?? [];
  // One at a time: each refresh computes an aggregate in its register.
  for (const dataset of waiting) {
    const refreshed = await refreshAsPublisher(gatewayUrl, dataset.id, dataset.publisher);
    if ('outcome' in refreshed) published.push(dataset.id);
    else problems.push(`${dataset.id}: ${refreshed.problem}`);
  }
  return { published, problems };
}
