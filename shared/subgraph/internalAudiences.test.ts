// The keys a subgraph is given in production are exactly the audiences it verifies.
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../../subgraphs/registry.ts';
import { internalAudiences } from './internalAudiences.ts';

describe('the internal-token audiences of each subgraph', () => {
  it('are its own name, its disclosure log and its release route, plus the consent registry (platform) and guardianship (population)', () => {
    expect(Object.fromEntries(Object.entries(SUBGRAPHS).map(([name, definition]) => [name, internalAudiences(definition)]))).toEqual({
      population: ['population', 'guardianship', 'population-disclosure-log', 'population-disclosure-release'],
      'civil-status': ['civil-status', 'civil-status-disclosure-log', 'civil-status-disclosure-release'],
      business: ['business', 'business-disclosure-log', 'business-disclosure-release'],
      land: ['land', 'land-disclosure-log', 'land-disclosure-release'],
      social: ['social', 'social-disclosure-log', 'social-disclosure-release'],
      platform: ['platform', 'consent-registry', 'platform-disclosure-log', 'platform-disclosure-release'],
    });
  });
});
