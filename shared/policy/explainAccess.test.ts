// What the policy console's explainAccess answers a security officer, on the real public schema and the
// seed policies: field by field, once per response path, and a fragment bomb is answered at once
// (fragments are walked once each) or refused, never expanded.
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/Principal.ts';
import { subgraphTypeDefs } from '../config/subgraphSchemas.ts';
import { policySchemaOf } from './checkSubgraphPolicies.ts';
import type { CompiledPolicies } from './compilePolicies.ts';
import { EXPLAIN_MAX_FIELDS, explainAccess } from './explainAccess.ts';
import { loadSubgraphPolicies } from './loadSubgraphPolicies.ts';

const apiSchema = Supergraph.build(readFileSync(new URL('../../gateway/supergraph.graphql', import.meta.url), 'utf8')).apiSchema().toGraphQLJSSchema();
const policies = new Map<string, CompiledPolicies>(
  subgraphTypeDefs().flatMap(({ name, typeDefs }) => {
    const { compiled } = loadSubgraphPolicies(name, policySchemaOf(typeDefs), new URL('../../policies', import.meta.url).pathname);
    return compiled ? [[name, compiled] as const] : [];
  }),
);

const justiceOfficer: Principal = { subject: 'tp-01', agency: 'so-tu-phap', roles: ['officer'], purpose: 'civil-status-procedure', caseId: null, requestId: 'test' };
const explain = (query: string, principal = justiceOfficer) => explainAccess(apiSchema, policies, principal, query);
const paths = (query: string) => explain(query).map((entry) => `${entry.path} ${entry.coordinate}`);

function refusal(query: string): { code: unknown; message: string } {
  try {
    explain(query);
  } catch (error) {
    return { code: (error as GraphQLError).extensions?.code, message: (error as Error).message };
  }
  throw new Error('the query was explained, not refused');
}

/** 21 fragments, each spreading the next twice: a million fields once expanded. */
function doublingBomb(size = 21): string {
  let text = '{ citizen(id: "033094279365") { ...F0 } }\n';
  for (let i = 0; i < size; i += 1) text += `fragment F${i} on Citizen { fullName religion ${i + 1 < size ? `...F${i + 1} ...F${i + 1}` : 'gender'} }\n`;
  return text;
}

describe('explainAccess', () => {
  it('tells a justice officer field by field what a query would get, and why', () => {
    const explained = explain('{ citizen(id: "033094279365") { fullName religion } }');
    expect(explained.map(({ path, allowed, reason }) => ({ path, allowed, reason }))).toEqual([
      { path: 'citizen', allowed: true, reason: null },
      { path: 'citizen.fullName', allowed: true, reason: null },
      { path: 'citizen.religion', allowed: false, reason: 'AGENCY_NOT_ALLOWED' },
    ]);
  });

  it('lists a fragment’s fields at every path it is spread at, in document order', () => {
    expect(paths('{ a: citizen(id: "1") { ...Person } b: citizen(id: "2") { father { ...Person } } } fragment Person on Citizen { fullName gender }')).toEqual([
      'a Query.citizen',
      'a.fullName Citizen.fullName',
      'a.gender Citizen.gender',
      'b Query.citizen',
      'b.father Citizen.father',
      'b.father.fullName Citizen.fullName',
      'b.father.gender Citizen.gender',
    ]);
  });

  it('lists a field asked for twice at one path once, fragments and interfaces included', () => {
    expect(paths('{ citizen(id: "1") { fullName ...Name ...Name civilEvents { registeredAt { name } } } } fragment Name on Citizen { fullName }')).toEqual([
      'citizen Query.citizen',
      'citizen.fullName Citizen.fullName',
      'citizen.civilEvents Citizen.civilEvents',
      'citizen.civilEvents.registeredAt Birth.registeredAt',
      'citizen.civilEvents.registeredAt.name AdministrativeUnit.name',
      'citizen.civilEvents.registeredAt Death.registeredAt',
      'citizen.civilEvents.registeredAt Marriage.registeredAt',
    ]);
  });

  it('walks fragments that spread the next twice once each, in a short answer', () => {
    // 9 rounds expand to 1,279 fields, within MAX_QUERY_FIELDS: the walk itself must not expand them.
    const started = performance.now();
    const explained = explain(doublingBomb(9));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(explained.map((entry) => entry.path)).toEqual(['citizen', 'citizen.fullName', 'citizen.religion', 'citizen.gender']);
  });

  it('obeys the operation limits the principal would meet at the gateway, before walking', () => {
    const started = performance.now();
    expect(refusal(doublingBomb(21))).toEqual({ code: 'TOO_MANY_FIELDS', message: 'Query has 5242879 fields once its fragments are expanded, over the limit of 2000' });
    let fanOut = '{ citizen(id: "1") { ...F0 } }\n';
    for (let i = 0; i < 21; i += 1) fanOut += `fragment F${i} on Citizen { fullName ${i + 1 < 21 ? `father { ...F${i + 1} } mother { ...F${i + 1} }` : 'gender'} }\n`;
    expect(refusal(fanOut)).toEqual({ code: 'QUERY_TOO_DEEP', message: 'Query depth 22 exceeds the limit of 20' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a huge text before walking it, saying why', () => {
    expect(refusal(`{ ${'citizen(id: "1") { fullName } '.repeat(2000)}}`)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'The query has more than 10,000 tokens (names, punctuation, values); explain a smaller query',
    });
    expect(refusal('{ citizen(id: "1") { fullName }')).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^The query does not parse: Syntax Error/) });
  });
});
