import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenOnLoopback } from '../../test/support/loopbackServer.ts';
import { createConsentCache } from './consentCache.ts';
import { createSubjectBases } from './createSubjectBases.ts';

// A consent registry that takes the request and never answers.
describe('a consent lookup that times out', () => {
  let registry: Server;
  let registryUrl: string;

  beforeAll(async () => {
    registry = createServer((req) => req.resume());
    registryUrl = await listenOnLoopback(registry);
  });

  afterAll(() => closeServer(registry));

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
