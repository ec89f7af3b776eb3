import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { CompiledField } from './compilePolicies.ts';
import { stateSecretDisagreements } from './stateSecretAgreement.ts';

const typeDefs = parse('type Citizen { fullName: String, dossier: String @inaccessible, informant: String }');

describe('state secrets in the schema and the policy', () => {
  it('names the field, the subgraph and the level where they disagree', () => {
    const fields = new Map([['Citizen.dossier', { level: 'internal' } as CompiledField]]);
    expect(stateSecretDisagreements('population', typeDefs, { subgraph: 'population', fields, stateSecrets: new Set(['Citizen.informant']) })).toEqual([
      {
        code: 'STATE_SECRET_NOT_INACCESSIBLE',
        params: { field: 'Citizen.informant', subgraph: 'population' },
        message: 'Citizen.informant is classified state-secret in the population policies but is not @inaccessible in population.graphql',
      },
      {
        code: 'INACCESSIBLE_NOT_STATE_SECRET',
        params: { field: 'Citizen.dossier', subgraph: 'population', level: 'internal' },
        message: 'Citizen.dossier is @inaccessible in population.graphql but classified internal in the population policies',
      },
    ]);
  });
});
