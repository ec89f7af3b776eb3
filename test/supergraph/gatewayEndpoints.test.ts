import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from '../../gateway/src/startGateway.ts';
import { composeSupergraph } from '../../scripts/composeSupergraph.ts';
import { expectAnswer } from '../support/expectAnswer.ts';
import { getStack, postGraphQL, tokenFor } from '../support/stack.ts';

describe('the gateway as a developer meets it', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('serves the committed supergraph, which matches the subgraph schemas (run npm run compose if not)', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph());
  });

  it('answers /health', async () => {
    const { gateway } = await getStack();
    const response = await fetch(`${gateway.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('serves GraphiQL at / from local files only, under a strict content security policy', async () => {
    const { gateway } = await getStack();
    const page = await fetch(`${gateway.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    expect(html).toContain('<div id="graphiql">');
    // Every script and stylesheet (the page's one other link is to the console, on this origin too).
    const assets = [...html.matchAll(/<(?:script src|link rel="stylesheet" href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toHaveLength(8);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/playground\//);
      const response = await fetch(`${gateway.url}${asset}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });

  it('answers an unknown field with a plain validation error that suggests no hidden names', async () => {
    const { gateway } = await getStack();
    const answer = await postGraphQL(`${gateway.url}/graphql`, '{ citizen(id: "033090000001") { fullNam } }', {
      token: tokenFor({ role: 'officer', agency: 'so-tu-phap' }),
    });
    expectAnswer(answer, {
      status: 400,
      data: undefined,
      errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', message: 'Cannot query field "fullNam" on type "Citizen".' }],
    });
  });

  it('answers a body that is not JSON with a clear message and no stack trace', async () => {
    const { gateway } = await getStack();
    const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
  });
});
