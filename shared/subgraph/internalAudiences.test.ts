// The keys a subgraph is given in production are exactly the audiences it verifies.
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../../subgraphs/registry.ts';
import { internalAudiences } from './internalAudiences.ts';

describe('the internal-token audiences of each subgraph', () => {
  it('are its own name and its disclosure log, plus the consent registry (platform), guardianship (population) and open-data sources (each agency register)', () => {
    expect(Object.fromEntries(Object.entries(SUBGRAPHS).map(([name, definition]) => [name, internalAudiences(definition)]))).toEqual({
      population: ['population', 'guardianship', 'population-open-data', 'population-disclosure-log'],
      'civil-status': ['civil-status', 'civil-status-open-data', 'civil-status-disclosure-log'],
      business: ['business', 'business-open-data', 'business-disclosure-log'],
      land: ['land', 'land-open-data', 'land-disclosure-log'],
      social: ['social', 'social-open-data', 'social-disclosure-log'],
      platform: ['platform', 'consent-registry', 'platform-disclosure-log'],
    });
  });
});
