import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { exampleQuery, operationNameOf } from './exampleQuery.ts';

const schema = buildSchema(`
  type Query {
    me: Citizen
    citizen(id: ID!): Citizen
    citizens(first: Int = 20, after: String): CitizenConnection!
    household(id: ID!, ward: String!): Household
    agencies: [Agency!]!
  }
  type Mutation { releaseSomething(id: ID!, reason: String!): Release }
  type Release { releasedAt: String! }
  type CitizenConnection { nodes: [Citizen!]! }
  type Citizen { id: ID! fullName: String landParcels(first: Int): [Parcel!] household: Household }
  type Parcel { area: Float certificate(number: String!): Certificate }
  type Certificate { issuedOn: String }
  type Household { id: ID! }
  type Agency { code: String! }
`);

describe('the example query of a sharing service', () => {
  // Query.me opens only a citizen's own record; the other look-ups are open to the officers of the service's rules.
  const officers = new Set(['justice-registers-civil-status', 'police-manage-the-register']);
  const throughPolicies = (coordinate: string) => (coordinate === 'Query.me' ? new Set(['citizen-reads-own-record']) : coordinate.startsWith('Query.') ? officers : null);

  it('reads a type from the root field that returns it, with its arguments as variables', () => {
    const example = exampleQuery(schema, 'population.citizen:identity', 'Citizen', ['fullName', 'landParcels'], throughPolicies);
    expect(example).toEqual({
      operation: ['query PopulationCitizenIdentity($id: ID!) {', '  citizen(id: $id) {', '    fullName', '    landParcels { __typename }', '  }', '}'].join('\n'),
      variables: ['$id: ID!'],
      path: ['citizen'],
    });
    expect(validate(schema, parse(example!.operation))).toEqual([]);
  });

  it('takes the way the most rules of the service can use, before a shorter or argument-free one', () => {
    expect(exampleQuery(schema, 'population.citizen:identity', 'Citizen', ['fullName'])?.path).toEqual(['me']);
    expect(exampleQuery(schema, 'population.citizen:identity', 'Citizen', ['fullName'], throughPolicies)?.path).toEqual(['citizen']);
  });

  it('prefers the way needing no arguments among ways as short', () => {
    expect(exampleQuery(schema, 'platform.agency:directory', 'Agency', ['code'])?.path).toEqual(['agencies']);
  });

  it('reaches a type found only through another type by the path from the nearest root field', () => {
    const example = exampleQuery(schema, 'land.certificate:dates', 'Certificate', ['issuedOn'], throughPolicies)!;
    expect(example.path).toEqual(['citizen', 'landParcels', 'certificate']);
    expect(example.variables).toEqual(['$id: ID!', '$number: String!']);
    expect(validate(schema, parse(example.operation))).toEqual([]);
  });

  it('declares every required argument of the way as a variable', () => {
    const example = exampleQuery(schema, 'social.household:key', 'Household', ['id'])!;
    expect(example.path).toEqual(['household']);
    expect(example.variables).toEqual(['$id: ID!', '$ward: String!']);
  });

  it('selects root fields directly, and uses a mutation for a type only a mutation returns', () => {
    const lookups = exampleQuery(schema, 'population.query:lookups', 'Query', ['citizen', 'citizens'], throughPolicies)!;
    expect(lookups.operation).toBe(['query PopulationQueryLookups($id: ID!) {', '  citizen(id: $id) { __typename }', '  citizens { __typename }', '}'].join('\n'));
    const release = exampleQuery(schema, 'platform.release:all', 'Release', ['releasedAt'])!;
    expect(release.operation.startsWith('mutation PlatformReleaseAll($id: ID!, $reason: String!) {')).toBe(true);
    expect(validate(schema, parse(release.operation))).toEqual([]);
  });

  it('has no example for a type the public schema lacks', () => {
    expect(exampleQuery(schema, 'population.secret:all', 'Secret', ['notes'])).toBeNull();
    expect(operationNameOf('civil-status.civil-event-connection:page')).toBe('CivilStatusCivilEventConnectionPage');
  });
});
