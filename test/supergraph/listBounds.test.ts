// Every list of the provincial schema is bounded: a paginated one refuses `first` above its documented
// maximum with BAD_USER_INPUT (and answers nothing of that field), accepts the maximum itself; every
// other list has a stated cap or data-model bound; and the schema, README and the table the resolvers
// enforce cannot drift apart.
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { getNullableType, isInterfaceType, isListType, isObjectType, type GraphQLField } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_ROLES } from '../../shared/auth/Principal.ts';
import { SUBGRAPH_SERVICES } from '../../shared/config/services.ts';
import { subgraphTypeDefs } from '../../shared/config/subgraphSchemas.ts';
import { LIST_BOUNDS, listBoundsTable, listCost, type ListBound, type ListField } from '../../shared/loaders/listBounds.ts';
import { policySchemaOf } from '../../shared/policy/checkSubgraphPolicies.ts';
import { expectAnswer } from '../support/expectAnswer.ts';
import { getStack, investigator, query, seededProvince, type Who } from '../support/stack.ts';

const root = new URL('../../', import.meta.url);
const apiSchema = Supergraph.build(readFileSync(new URL('gateway/supergraph.graphql', root), 'utf8')).apiSchema().toGraphQLJSSchema();
const bounds = LIST_BOUNDS as Record<string, ListBound>;

/** Every field of the public schema, as `Type.field`. */
function publicFields(): Array<{ coordinate: string; field: GraphQLField<unknown, unknown> }> {
  return Object.values(apiSchema.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && (isObjectType(type) || isInterfaceType(type)))
    .flatMap((type) => Object.values((type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()).map((field) => ({ coordinate: `${type.name}.${field.name}`, field })));
}

const returnsList = (field: GraphQLField<unknown, unknown>) => isListType(getNullableType(field.type));
const firstOf = (field: GraphQLField<unknown, unknown>) => field.args.find((argument) => argument.name === 'first');
const maxOf = (field: ListField) => (LIST_BOUNDS[field] as ListBound).max;

describe('the bounds of every list, as documented', () => {
  it('has a stated bound for every list field of the schema, and none for a field that is gone', () => {
    const lists = publicFields().filter(({ field }) => returnsList(field) || firstOf(field)).map(({ coordinate }) => coordinate);
    expect(lists.filter((coordinate) => !bounds[coordinate])).toEqual([]);
    expect(Object.keys(bounds).filter((coordinate) => !lists.includes(coordinate))).toEqual([]);
  });

  it('states the maximum `first` of every paginated field where GraphiQL shows it, with the default the resolvers use', () => {
    const paginated = publicFields().flatMap(({ coordinate, field }) => {
      const first = firstOf(field);
      return first ? [{ coordinate, description: first.description ?? '', defaultValue: first.defaultValue }] : [];
    });
    expect(paginated.length).toBeGreaterThan(0);
    for (const { coordinate, description, defaultValue } of paginated) {
      const bound = bounds[coordinate];
      expect({ coordinate, kind: bound?.kind }).toEqual({ coordinate, kind: 'first' });
      if (bound?.kind !== 'first') continue;
      expect({ coordinate, statesMaximum: description.includes(`at most ${bound.max}`), defaultValue }).toEqual({ coordinate, statesMaximum: true, defaultValue: bound.default });
    }
  });

  it('lists them all in README, as the table the resolvers enforce', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const table = /<!-- lists:start -->\n([\s\S]*?)\n<!-- lists:end -->/.exec(readme)?.[1];
    expect(table).toBe(listBoundsTable());
  });

  it('counts the disclosure logs at their real cost: every register asked for first + 1 entries', () => {
    expect(listCost('Query.myDataAccessLog', 100)).toBe(SUBGRAPH_SERVICES.length * 101);
    expect(listCost('Query.dataAccessLog')).toBe(SUBGRAPH_SERVICES.length * 21);
    expect(listCost('Citizen.landParcels', 5)).toBe(5);
    expect(listCost('LandParcel.holders')).toBe(100);
    expect(listCost('Citizen.fullName')).toBeUndefined();
  });

  it('holds the data-model bounds it states for today’s schemas', () => {
    const schemas = subgraphTypeDefs().map(({ typeDefs }) => policySchemaOf(typeDefs));
    const objectTypes = schemas.map((schema) => Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && !type.name.startsWith('_')));
    const fieldsOf = (type: unknown) => Object.keys((type as { getFields(): object }).getFields()).length;
    const registerFields = objectTypes.map((types) => types.reduce((sum, type) => sum + fieldsOf(type), 0));
    const allFields = registerFields.reduce((sum, count) => sum + count, 0);
    const allTypes = objectTypes.reduce((sum, types) => sum + types.length, 0);
    expect(allFields).toBeLessThanOrEqual(maxOf('Query.consentableFieldGroups'));
    expect(allFields).toBeLessThanOrEqual(maxOf('Consent.fieldGroups'));
    expect(Math.max(...objectTypes.flat().map(fieldsOf))).toBeLessThanOrEqual(maxOf('ConsentableFieldGroup.fields'));
    expect(Math.max(...objectTypes.flat().map(fieldsOf))).toBeLessThanOrEqual(maxOf('SharingService.fields'));
    expect(Math.max(...registerFields)).toBeLessThanOrEqual(maxOf('DataAccess.fields'));
    expect(2 * allTypes + 1).toBeLessThanOrEqual(maxOf('PolicySnapshot.files'));
    expect(KNOWN_ROLES.length).toBeLessThanOrEqual(maxOf('DataAccess.roles'));
  });
});

interface PaginatedCase {
  field: ListField;
  who: Who;
  text: (first: number) => string;
  /** `data` when `first` is refused: the field null, its siblings answered. */
  refusedData: unknown;
  /** Where the refusal sits. */
  path: string;
}

describe('paginated lists through the gateway', () => {
  const citizenId = () => seededProvince().demoCitizenIds[0];
  const securityOfficer: Who = { role: 'security-officer', sub: 'so-khcn-attt-01', purpose: 'data-protection-oversight' };
  const atRoot = (field: ListField, who: Who, selection: string): PaginatedCase => {
    const name = field.split('.')[1];
    // A non-null list (administrativeUnits) takes the whole `data` with it.
    const nonNull = String(apiSchema.getQueryType()!.getFields()[name].type).endsWith('!');
    return { field, who, text: (first) => `{ ${name}(first: ${first}) ${selection} }`, refusedData: nonNull ? null : { [name]: null }, path: name };
  };
  const cases = (): PaginatedCase[] => [
    atRoot('Query.citizens', investigator, '{ nodes { id } }'),
    atRoot('Query.enterprises', investigator, '{ nodes { enterpriseCode } }'),
    atRoot('Query.civilEvents', investigator, '{ nodes { id } }'),
    atRoot('Query.landParcels', investigator, '{ nodes { id } }'),
    atRoot('Query.beneficiaries', investigator, '{ nodes { id } }'),
    atRoot('Query.administrativeUnits', investigator, '{ nodes { code } }'),
    atRoot('Query.myDataAccessLog', { role: 'citizen', sub: citizenId() }, '{ nodes { at } unavailableRegisters }'),
    atRoot('Query.dataAccessLog', securityOfficer, '{ nodes { at } unavailableRegisters }'),
    atRoot('Query.policyVersions', securityOfficer, '{ version }'),
    atRoot('Query.policyProposals', securityOfficer, '{ id }'),
    atRoot('Query.connectionRequests', securityOfficer, '{ nodes { id } }'),
    atRoot('Query.sharingServices', investigator, '{ nodes { id } }'),
    atRoot('Query.dataErrorReports', securityOfficer, '{ nodes { id } }'),
    atRoot('Query.dataCorrectionNotices', securityOfficer, '{ nodes { id } }'),
    atRoot('Query.usageInquiries', securityOfficer, '{ nodes { id } }'),
    // Open data (subgraphs/platform/src/openData): the platform's administrator reads the workflows.
    atRoot('Query.openDatasets', investigator, '{ nodes { id } }'),
    atRoot('Query.openDataProblemReports', { role: 'platform-admin', sub: 'qt-listbounds' }, '{ nodes { id } }'),
    atRoot('Query.openDataNotices', { role: 'platform-admin', sub: 'qt-listbounds' }, '{ nodes { id } }'),
    ...(['versions', 'rows', 'rowLines'] as const).map((name) => ({
      field: `OpenDataset.${name}` as ListField,
      who: investigator,
      text: (first: number) => `{ openDataset(id: "administrative-units") { ${name}(first: ${first}) { ${name === 'rowLines' ? 'count' : 'totalCount'} } } }`,
      refusedData: { openDataset: null },
      path: `openDataset.${name}`,
    })),
    {
      field: 'Query.sharingStatistics',
      who: securityOfficer,
      text: (first) => `{ sharingStatistics(filter: { from: "2026-01-01", to: "2026-12-31" }, first: ${first}) { nodes { day } unavailableRegisters } }`,
      refusedData: { sharingStatistics: null },
      path: 'sharingStatistics',
    },
    ...(['businesses', 'civilEvents', 'landParcels', 'benefits'] as const).map((name) => ({
      field: `Citizen.${name}` as ListField,
      who: investigator,
      text: (first: number) => `{ citizen(id: "${citizenId()}") { id ${name}(first: ${first}) { __typename } } }`,
      refusedData: { citizen: { id: citizenId(), [name]: null } },
      path: `citizen.${name}`,
    })),
    {
      field: 'Household.members',
      who: investigator,
      text: (first) => `{ citizen(id: "${citizenId()}") { id household { id members(first: ${first}) { id } } } }`,
      refusedData: { citizen: { id: citizenId(), household: { id: seededProvince().citizens.find((person) => person.id === citizenId())!.householdId, members: null } } },
      path: 'citizen.household.members',
    },
    {
      field: 'Enterprise.landParcels',
      who: investigator,
      text: (first) => `{ enterprise(enterpriseCode: "1000675913") { enterpriseCode landParcels(first: ${first}) { id } } }`,
      refusedData: { enterprise: { enterpriseCode: '1000675913', landParcels: null } },
      path: 'enterprise.landParcels',
    },
  ];

  beforeAll(async () => {
    await getStack();
  });

  it('covers every paginated field of the schema', () => {
    const paginated = Object.entries(bounds).filter(([, bound]) => bound.kind === 'first').map(([field]) => field);
    expect(cases().map((paginatedCase) => paginatedCase.field).sort()).toEqual(paginated.sort());
  });

  it('refuses `first` above the maximum with BAD_USER_INPUT naming it, and answers nothing of that list', async () => {
    for (const { field, who, text, refusedData, path } of cases()) {
      const max = maxOf(field);
      const answer = await query(who, text(max + 1));
      expectAnswer(answer, { data: refusedData, errors: [{ code: 'BAD_USER_INPUT', path, message: `"first" must be a whole number from 1 to ${max}` }] });
    }
  });

  it('serves `first` at the maximum, every register of a fan-out answering', async () => {
    for (const { field, who, text, path } of cases()) {
      const { status, body } = await query(who, text(maxOf(field)));
      const answered = path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], body.data);
      const unavailable = (answered as { unavailableRegisters?: string[] } | null)?.unavailableRegisters ?? [];
      expect({ field, status, errors: body.errors, answered: Array.isArray(answered) || (typeof answered === 'object' && answered !== null), unavailable }).toEqual({
        field,
        status: 200,
        errors: undefined,
        answered: true,
        unavailable: [],
      });
    }
  });
});
