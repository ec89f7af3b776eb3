// The keys a subgraph is given in production are exactly the audiences it verifies.
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../../subgraphs/registry.ts';
import { internalAudiences } from './internalAudiences.ts';

describe('the internal-token audiences of each subgraph', () => {
  it('are its own name and its disclosure log, plus the consent registry (platform) and guardianship (population)', () => {
    expect(Object.fromEntries(Object.entries(SUBGRAPHS).map(([name, definition]) => [name, internalAudiences(definition)]))).toEqual({
      population: ['population', 'guardianship', 'population-disclosure-log'],
      'civil-status': ['civil-status', 'civil-status-disclosure-log'],
      business: ['business', 'business-disclosure-log'],
      land: ['land', 'land-disclosure-log'],
      social: ['social', 'social-disclosure-log'],
      platform: ['platform', 'consent-registry', 'platform-disclosure-log'],
    });
  });
});
