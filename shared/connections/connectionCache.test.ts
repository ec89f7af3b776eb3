// An agency's connections kept for a second: never past a suspension, and only while every gated service is covered.
import { describe, expect, it } from 'vitest';
import { CONSENT_CACHE_TTL_MS } from '../consent/consentCache.ts';
import { createConnectionCache } from './connectionCache.ts';
import type { ConnectionGrant } from './connectionRoutes.ts';
import { heldConnectionsFrom } from './heldConnections.ts';

const store = (cache: ReturnType<typeof createConnectionCache>, needed: string[], grants: ConnectionGrant[], sentAt: number) =>
  cache.store(KEY, needed, grants, heldConnectionsFrom(grants), sentAt);

const IDENTITY = 'population.citizen:identity';
const RESIDENCE = 'population.citizen:residence';
const KEY = 'so-noi-vu|public-service-delivery';
const inForce = (id: string, fieldGroups: string[]): ConnectionGrant => ({ id, fieldGroups, state: 'approved', reason: null });
const suspended = (id: string, fieldGroups: string[]): ConnectionGrant => ({ id, fieldGroups, state: 'suspended', reason: 'Rà soát an ninh' });

describe('the connections a subgraph keeps for an agency and purpose', () => {
  it('keeps an answer covering every gated service until the TTL from when the lookup was sent', () => {
    let clock = 1000;
    const cache = createConnectionCache(() => clock);
    const grants = [inForce('kn-1', [IDENTITY, RESIDENCE])];
    store(cache, [IDENTITY, RESIDENCE], grants, 900);
    expect(cache.covering(KEY, [IDENTITY, RESIDENCE])?.covering(IDENTITY)).toEqual({ id: 'kn-1', state: 'approved' });
    clock = 900 + CONSENT_CACHE_TTL_MS;
    expect(cache.covering(KEY, [IDENTITY, RESIDENCE])).toBeUndefined();
  });

  it('keeps nothing when a gated service is not covered, or covered only by a suspended connection', () => {
    const cache = createConnectionCache(() => 0);
    store(cache, [IDENTITY, RESIDENCE], [inForce('kn-1', [IDENTITY])], 0);
    expect(cache.covering(KEY, [IDENTITY, RESIDENCE])).toBeUndefined();
    store(cache, [IDENTITY], [suspended('kn-1', [IDENTITY])], 0);
    expect(cache.covering(KEY, [IDENTITY])).toBeUndefined();
  });

  it('asks again when the policies now gate a service the kept answer does not cover', () => {
    const cache = createConnectionCache(() => 0);
    store(cache, [IDENTITY], [inForce('kn-1', [IDENTITY])], 0);
    expect(cache.covering(KEY, [IDENTITY])).toBeDefined();
    expect(cache.covering(KEY, [IDENTITY, RESIDENCE])).toBeUndefined();
  });

  it('forgets a kept answer when a newer lookup finds the connection suspended', () => {
    const cache = createConnectionCache(() => 0);
    store(cache, [IDENTITY], [inForce('kn-1', [IDENTITY])], 0);
    store(cache, [IDENTITY], [suspended('kn-1', [IDENTITY])], 0);
    expect(cache.covering(KEY, [IDENTITY])).toBeUndefined();
  });
});

describe('the connections one request holds', () => {
  it('gives the connection in force before a suspended one covering the same service', () => {
    const held = heldConnectionsFrom([suspended('kn-1', [IDENTITY]), inForce('kn-2', [IDENTITY])]);
    expect(held.covering(IDENTITY)).toEqual({ id: 'kn-2', state: 'approved' });
  });

  it('gives a suspended connection with the owner’s reason, and none for a service no connection covers', () => {
    const held = heldConnectionsFrom([suspended('kn-1', [IDENTITY])]);
    expect(held.covering(IDENTITY)).toEqual({ id: 'kn-1', state: 'suspended', reason: 'Rà soát an ninh' });
    expect(held.covering(RESIDENCE)).toBeNull();
  });
});
