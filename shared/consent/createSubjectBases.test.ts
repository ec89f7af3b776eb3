import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsentCache } from './consentCache.ts';
import { createSubjectBases } from './createSubjectBases.ts';

// A consent registry that takes the request and never answers.
describe('a consent lookup that times out', () => {
  let registry: Server;
  let registryUrl: string;

  beforeAll(async () => {
    registry = createServer((req) => req.resume());
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    registryUrl = `http://127.0.0.1:${(registry.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    registry.closeAllConnections();
    await new Promise((resolve) => registry.close(resolve));
  });

  it('means no consent: access on that basis is refused, soon after the timeout', async () => {
    const bases = createSubjectBases({
      registryUrl,
      token: 'consent-token',
      caller: { subject: 'officer-1', agency: 'so-noi-vu', roles: ['officer'], purpose: 'public-service-delivery', caseId: null, requestId: 'r-1' },
      cache: createConsentCache(),
      timeoutMs: 200,
    });
    const started = performance.now();
    expect(await bases.covering('consent', ['033094279365'], 'population.citizen:identity')).toBeNull();
    expect(await bases.covering('subject-request', ['033094279365'], 'population.citizen:identity')).toBeNull();
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
