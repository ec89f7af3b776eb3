import { describe, expect, it } from 'vitest';
import { CONSENT_CACHE_TTL_MS, createConsentCache } from './consentCache.ts';

const inADay = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString();

describe('the consent cache of a subgraph', () => {
  it('keeps a consent for the TTL counted from when the lookup was sent, for its agency, purpose and groups only', () => {
    let clock = 1000;
    const cache = createConsentCache(() => clock);
    cache.store('so-noi-vu', 'public-service-delivery', '033094279365', [{ id: 'c1', fieldGroups: ['population.citizen:identity'], validUntil: inADay() }], 900);
    expect(cache.covering('so-noi-vu', 'public-service-delivery', '033094279365', 'population.citizen:identity')).toBe('c1');
    expect(cache.covering('so-noi-vu', 'public-service-delivery', '033094279365', 'population.citizen:residence')).toBeUndefined();
    expect(cache.covering('thue-tinh', 'public-service-delivery', '033094279365', 'population.citizen:identity')).toBeUndefined();
    expect(cache.covering('so-noi-vu', 'statistics', '033094279365', 'population.citizen:identity')).toBeUndefined();
    clock = 900 + CONSENT_CACHE_TTL_MS;
    expect(cache.covering('so-noi-vu', 'public-service-delivery', '033094279365', 'population.citizen:identity')).toBeUndefined();
  });

  it('never answers from a consent past its end, nor remembers that a consent is missing', () => {
    const cache = createConsentCache(() => 0);
    cache.store('so-noi-vu', 'public-service-delivery', '033094279365', [{ id: 'c1', fieldGroups: ['g'], validUntil: new Date(Date.now() - 1).toISOString() }], 0);
    expect(cache.covering('so-noi-vu', 'public-service-delivery', '033094279365', 'g')).toBeUndefined();
    cache.store('so-noi-vu', 'public-service-delivery', '079095101529', [{ id: 'c2', fieldGroups: ['g'], validUntil: inADay() }], 0);
    cache.store('so-noi-vu', 'public-service-delivery', '079095101529', [], 0);
    expect(cache.covering('so-noi-vu', 'public-service-delivery', '079095101529', 'g')).toBeUndefined();
  });
});
