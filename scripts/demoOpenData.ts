// npm start in development: every open dataset never published is published once, by a publisher of its
// own agency through the gateway (refreshOpenDataset, the same path a publisher takes), so that a newcomer's
// first download, CKAN search or DCAT feed has data. Production never does this: there, publishers publish.
import { signDevUserToken } from '../shared/auth/userToken.ts';

interface ListedDataset {
  id: string;
  publisher: string;
  status: string;
}

async function askGateway<T>(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown>,
  { token, stopping }: { token?: string; stopping?: AbortSignal } = {},
): Promise<{ data?: T; errors?: { message: string }[] }> {
  const timeout = AbortSignal.timeout(60_000);
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: stopping ? AbortSignal.any([stopping, timeout]) : timeout,
  });
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}

/**
 * A refresh of one dataset by a (development) publisher of `agency`, through the gateway: what a publisher
 * does. Answers the outcome (PUBLISHED or UNCHANGED), or the first error's message.
 */
export async function refreshAsPublisher(gatewayUrl: string, datasetId: string, agency: string, stopping?: AbortSignal): Promise<{ outcome: string } | { problem: string }> {
  const token = signDevUserToken({ roles: ['publisher'], agency, sub: `demo-publisher-${agency}` });
  const mutation = 'mutation ($id: ID!) { refreshOpenDataset(id: $id) { outcome } }';
  const answer = await askGateway<{ refreshOpenDataset: { outcome: string } }>(gatewayUrl, mutation, { id: datasetId }, { token, stopping }).catch(
    (error: Error) => ({ errors: [{ message: error.message }] }) as { data?: undefined; errors: { message: string }[] },
  );
  return answer.data?.refreshOpenDataset ?? { problem: answer.errors?.[0]?.message ?? 'no answer' };
}

/**
 * Publishes what was never published; answers the ids published and the problems met (never throws for one
 * dataset). Once `stopping` aborts (the stack is closing) it ends quietly with what it published: a request
 * under way is abandoned, and what was left is published by the next start.
 */
export async function publishDemoOpenData(gatewayUrl: string, stopping: AbortSignal): Promise<{ published: string[]; problems: string[] }> {
  const published: string[] = [];
  const problems: string[] = [];
  try {
    const list = await askGateway<{ openDatasets: { nodes: ListedDataset[] } }>(gatewayUrl, 'query { openDatasets(first: 200) { nodes { id publisher status } } }', {}, { stopping });
    problems.push(...(list.errors?.map((error) => error.message) ?? []));
    const waiting = (list.data?.openDatasets.nodes ?? []).filter((dataset) => dataset.status === 'NOT_YET_PUBLISHED');
    // One at a time: each refresh computes an aggregate in its register.
    for (const dataset of waiting) {
      if (stopping.aborted) break;
      const refreshed = await refreshAsPublisher(gatewayUrl, dataset.id, dataset.publisher, stopping);
      if ('outcome' in refreshed) published.push(dataset.id);
      else problems.push(`${dataset.id}: ${refreshed.problem}`);
    }
  } catch (error) {
    if (!stopping.aborted) throw error;
  }
  // What failed once the stack began closing failed because it closed.
  return { published, problems: stopping.aborted ? [] : problems };
}
