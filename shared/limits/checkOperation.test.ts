import { readFileSync } from 'node:fs';
import { buildSchema, getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { describe, expect, it } from 'vitest';
import { checkOperation } from './checkOperation.ts';
import { operationCost, UNPAGINATED_LIST_ESTIMATE } from './operationCost.ts';
import type { OperationLimits } from './operationLimits.ts';
import { countTokens, expandedFieldCount } from './staticLimits.ts';

const schema = Supergraph.build(readFileSync(new URL('../../gateway/supergraph.graphql', import.meta.url), 'utf8')).apiSchema().toGraphQLJSSchema();
const limits: OperationLimits = {
  maxDepth: 15,
  maxAliases: 30,
  maxRootFields: 20,
  maxTokens: 4000,
  maxDirectives: 20,
  maxFields: 2000,
  costBudgets: { citizen: 5000, officer: 20_000, anonymous: 1000 },
};
const officer = ['officer'] as const;

/** `rounds` fragments, each spreading the next twice: 2^(rounds-1) copies of the last one's field. */
export function doublingBomb(rounds: number): string {
  const fragments = Array.from({ length: rounds }, (_, i) =>
    `fragment F${i} on Citizen { ${i === rounds - 1 ? 'fullName' : `...F${i + 1} ...F${i + 1}`} }`);
  return `{ citizen(id: "033094279365") { ...F0 } }\n${fragments.join('\n')}`;
}

/** The field count by actually expanding every spread (exponential: small documents only). */
function bruteForceFieldCount(text: string): number {
  const document = parse(text);
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const count = (selections: readonly any[]): number =>
    selections.reduce((sum, s) => sum + (s.kind === Kind.FIELD ? 1 + (s.selectionSet ? count(s.selectionSet.selections) : 0)
      : s.kind === Kind.INLINE_FRAGMENT ? count(s.selectionSet.selections) : count(fragments.get(s.name.value)!.selectionSet.selections)), 0);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return count(operation.selectionSet.selections);
}

function fieldsOf(text: string): number {
  const document = parse(text);
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
  return expandedFieldCount(document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode, fragments);
}

describe('operation limits', () => {
  it('counts the fields of a fragment bomb without expanding it, exactly', () => {
    expect(fieldsOf(doublingBomb(12))).toBe(bruteForceFieldCount(doublingBomb(12)));
    const started = performance.now();
    expect(fieldsOf(doublingBomb(21))).toBe(1 + 2 ** 20);
    expect(performance.now() - started).toBeLessThan(100);
    const refusal = checkOperation(schema, doublingBomb(21), officer, limits);
    expect(refusal?.extensions.code).toBe('TOO_MANY_FIELDS');
    expect(refusal?.message).toBe(`Query has ${1 + 2 ** 20} fields once its fragments are expanded, over the limit of 2000`);
  });

  it('refuses depth, introspection included, naming the figure', () => {
    const nested = (levels: number) => `{ __schema { types { ${'fields { type { '.repeat(levels)}name${' } }'.repeat(levels)} } } }`;
    expect(checkOperation(schema, nested(14), officer, limits)).toMatchObject({ message: 'Query depth 31 exceeds the limit of 15', extensions: { code: 'QUERY_TOO_DEEP' } });
    const cycle = `{ citizen(id: "1") { ${'businesses { legalRepresentative { '.repeat(25)}fullName${' } }'.repeat(25)} } }`;
    expect(checkOperation(schema, cycle, officer, limits)).toMatchObject({ message: 'Query depth 52 exceeds the limit of 15', extensions: { code: 'QUERY_TOO_DEEP' } });
  });

  it('counts depth through fragments without counting the fragment as a level', () => {
    const text = '{ citizen(id: "1") { ...A } } fragment A on Citizen { residence { unit { ...B } } } fragment B on AdministrativeUnit { name }';
    expect(checkOperation(schema, text, officer, { ...limits, maxDepth: 4 })).toBeNull();
    expect(checkOperation(schema, text, officer, { ...limits, maxDepth: 3 })).toMatchObject({ message: 'Query depth 4 exceeds the limit of 3' });
  });

  it('refuses aliases, root fields, directives and tokens with their codes and figures', () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: citizen(id: "1") { fullName }`).join(' ')} }`;
    expect(checkOperation(schema, aliases(31), officer, limits)).toMatchObject({ message: 'Query has 31 aliases, over the limit of 30', extensions: { code: 'TOO_MANY_ALIASES' } });
    // 5,000 aliases pass graphql-js's token ceiling: one lexer pass still names what is wrong.
    expect(checkOperation(schema, aliases(5000), officer, limits)).toMatchObject({ message: 'Query has 5000 aliases, over the limit of 30', extensions: { code: 'TOO_MANY_ALIASES' } });
    const roots = `{ ${Array.from({ length: 21 }, (_, i) => `u${i}: agencies { code }`).join(' ')} }`;
    expect(checkOperation(schema, roots, officer, { ...limits, maxAliases: 100 })).toMatchObject({ message: 'Query asks for 21 root fields, over the limit of 20', extensions: { code: 'TOO_MANY_ROOT_FIELDS' } });
    const directives = `{ citizen(id: "1") { ${Array.from({ length: 21 }, () => 'fullName @include(if: true)').join(' ')} } }`;
    expect(checkOperation(schema, directives, officer, limits)).toMatchObject({ message: 'Query has 21 directives, over the limit of 20', extensions: { code: 'TOO_MANY_DIRECTIVES' } });
    const tokens = `{ citizen(id: "1") { ${'fullName '.repeat(4100)} } }`;
    expect(checkOperation(schema, tokens, officer, limits)).toMatchObject({ message: `Query has ${countTokens(tokens)!.tokens} tokens, over the limit of 4000`, extensions: { code: 'TOO_MANY_TOKENS' } });
  });

  it('costs lists by their size, fan-out by agencies, and compares with the role\'s budget', () => {
    const page = (first: number) => `{ citizens(first: ${first}) { nodes { fullName civilEvents { kind } businesses { name landParcels { area } } } } }`;
    // Nested lists count their default page (20): fullName + civilEvents 20 x 2 + businesses 20 x (2 + landParcels 20 x 2).
    const perCitizen = 1 + 1 + 20 * 2 + 20 * (2 + 20 * 2);
    expect(operationCost(schema, parse(page(3)), {}).cost).toBe(1 + 3 * perCitizen);
    expect(checkOperation(schema, page(20), officer, limits)).toBeNull();
    expect(checkOperation(schema, page(200), officer, limits)).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringMatching(/^Query cost 176401 exceeds the limit of 20000 for the role officer/) });
    expect(checkOperation(schema, page(20), ['citizen'], limits)?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    // A page never counts more than the largest page a field gives (beyond it, the field refuses the argument).
    expect(operationCost(schema, parse('{ citizens(first: 100000) { totalCount } }'), {}).cost).toBe(2);
    expect(operationCost(schema, parse('{ citizens(first: 100000) { nodes { id } } }'), {}).cost).toBe(1 + 200 * 2);
    const byVariable = 'query ($n: Int) { citizens(first: $n) { nodes { fullName } } }';
    expect(operationCost(schema, parse(byVariable), { n: 7 })).toEqual({ cost: 1 + 7 * (1 + 1), readsVariables: true });
    expect(operationCost(schema, parse('{ agencies { code } }'), {}).cost).toBe(UNPAGINATED_LIST_ESTIMATE * 2);
    // The access log asks every agency (six) for a page.
    const log = operationCost(schema, parse('{ myDataAccessLog(first: 10) { nodes { at } } }'), {});
    expect(log.cost).toBe(6 * (1 + 10 * (1 + 1)));
  });

  it('costs a gateway fetch by its representations', () => {
    const subgraph = buildSchema('scalar _Any union _Entity = Citizen type Citizen { id: ID! name: String } type Query { _entities(representations: [_Any!]!): [_Entity]! }');
    const fetch = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Citizen { id name } } }';
    expect(operationCost(subgraph, parse(fetch), { representations: new Array(50).fill({}) }).cost).toBe(50 * 3);
  });

  it('lets GraphiQL\'s introspection through', () => {
    for (const options of [{}, { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }]) {
      expect(checkOperation(schema, getIntrospectionQuery(options), [], limits)).toBeNull();
    }
  });
});
