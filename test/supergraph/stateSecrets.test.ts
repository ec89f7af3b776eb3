import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import { SUBGRAPHS } from '../../subgraphs/registry.ts';
import { inaccessibleFields } from '../../shared/policy/stateSecretAgreement.ts';
import { getStack, investigator, postGraphQL, query, seededProvince } from '../support/stack.ts';

const secrets = Object.values(SUBGRAPHS).flatMap((definition) =>
  [...inaccessibleFields(definition.typeDefs)].map((coordinate) => ({ subgraph: definition.name, coordinate, field: coordinate.split('.')[1] })),
);

describe('state secrets', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('exist in the population and land registers, so there is something to hide', () => {
    expect(secrets.map((secret) => secret.coordinate).sort()).toEqual(['Citizen.securityNotes', 'LandParcel.defenceZone']);
  });

  it('are absent from the public schema, by any name or argument', async () => {
    const { body } = await query(null, getIntrospectionQuery());
    const schema = body.data as IntrospectionQuery;
    const names = new Set<string>();
    for (const type of schema.__schema.types) {
      names.add(type.name);
      for (const field of 'fields' in type ? (type.fields ?? []) : []) {
        names.add(field.name);
        for (const arg of field.args) names.add(arg.name);
      }
      for (const field of 'inputFields' in type ? (type.inputFields ?? []) : []) names.add(field.name);
    }
    expect(names.size).toBeGreaterThan(100);
    for (const { field } of secrets) expect(names.has(field)).toBe(false);
  });

  it('cannot be asked for through the gateway, even by the police', async () => {
    const id = seededProvince().demoCitizenIds[0];
    const { status, body } = await query(investigator, `{ citizen(id: "${id}") { fullName securityNotes } }`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'Cannot query field "securityNotes" on type "Citizen".'],
    ]);
  });

  it('are refused by the subgraph itself when asked directly with a valid internal token, and no value leaks', async () => {
    const { subgraphs } = await getStack();
    const police = { subject: 'investigator-1', agency: 'cong-an-tinh', roles: ['officer' as const], purpose: 'criminal-investigation', caseId: null, requestId: 'secret-test' };
    const province = seededProvince();
    const parcelId = province.parcels[0].id;
    const asks = [
      { subgraph: 'population', text: `{ _entities(representations: [{ __typename: "Citizen", id: "${province.citizens[0].id}" }]) { ... on Citizen { id securityNotes } } }`, field: 'securityNotes' },
      { subgraph: 'population', text: `{ citizens(first: 200) { nodes { alias: securityNotes } } }`, field: 'alias' },
      { subgraph: 'land', text: `{ landParcel(id: "${parcelId}") { ...F } } fragment F on LandParcel { defenceZone }`, field: 'defenceZone' },
    ];
    const sql: string[] = [];
    const record = (event: { sql: string }) => sql.push(event.sql);
    for (const name of ['population', 'land']) subgraphs[name].database.knex.on('query', record);
    for (const ask of asks) {
      const token = createInternalTokenSigner()(ask.subgraph, police);
      const { status, body } = await postGraphQL(subgraphs[ask.subgraph].url, ask.text, { token });
      expect(status).toBe(200);
      expect(body.errors?.length).toBeGreaterThan(0);
      for (const error of body.errors ?? []) {
        expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'STATE_SECRET' });
      }
      expect(JSON.stringify(body.data)).not.toMatch(/Mật|quốc phòng|Hồ sơ/);
    }
    for (const name of ['population', 'land']) subgraphs[name].database.knex.off('query', record);
    // The data layer never selects a classified column, whatever was asked.
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.join('\n')).not.toMatch(/security_notes|defence_zone/);
  });

  it('are not named by a subgraph called directly, even with a valid internal token: no _service SDL, no introspection', async () => {
    const { subgraphs } = await getStack();
    const police = { subject: 'investigator-1', agency: 'cong-an-tinh', roles: ['officer' as const], purpose: 'criminal-investigation', caseId: null, requestId: 'sdl-test' };
    for (const name of ['population', 'land']) {
      const token = createInternalTokenSigner()(name, police);
      const service = await postGraphQL(subgraphs[name].url, '{ _service { sdl } }', { token });
      // `_service` is non-null in federation's schema, so the refusal empties the whole answer.
      expect(service.body.data).toBeNull();
      expect(JSON.stringify(service.body)).not.toMatch(/securityNotes|defenceZone|type Query/);
      expect(service.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_GRANTED' });
      const introspection = await postGraphQL(subgraphs[name].url, '{ __type(name: "Citizen") { fields { name } } __schema { types { name } } }', { token });
      expect(introspection.status).toBe(400);
      expect(JSON.stringify(introspection.body)).not.toMatch(/securityNotes|defenceZone/);
      expect(introspection.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});
