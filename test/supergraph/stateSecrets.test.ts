import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import { SUBGRAPHS } from '../../subgraphs/registry.ts';
import { inaccessibleFields } from '../../shared/policy/stateSecretAgreement.ts';
import { expectAnswer, refused, type ExpectedAnswer } from '../support/expectAnswer.ts';
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
    const answer = await query(investigator, `{ citizen(id: "${id}") { fullName securityNotes } }`);
    expectAnswer(answer, {
      status: 400,
      data: undefined,
      errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', message: 'Cannot query field "securityNotes" on type "Citizen".' }],
    });
  });

  it('are refused by the subgraph itself when asked directly with a valid internal token, and no value leaks', async () => {
    const { subgraphs } = await getStack();
    const police = { subject: 'investigator-1', agency: 'cong-an-tinh', roles: ['officer' as const], purpose: 'criminal-investigation', caseId: null, requestId: 'secret-test' };
    const province = seededProvince();
    const parcelId = province.parcels[0].id;
    const asks: Array<{ subgraph: string; text: string; field: string; answer: ExpectedAnswer }> = [
      {
        subgraph: 'population',
        text: `{ _entities(representations: [{ __typename: "Citizen", id: "${province.citizens[0].id}" }]) { ... on Citizen { id securityNotes } } }`,
        field: 'securityNotes',
        answer: { data: { _entities: [{ id: province.citizens[0].id, securityNotes: null }] }, errors: [refused('_entities.0.securityNotes', 'STATE_SECRET')] },
      },
      {
        subgraph: 'population',
        text: `{ citizens(first: 200) { nodes { alias: securityNotes } } }`,
        field: 'alias',
        answer: {
          data: { citizens: { nodes: Array.from({ length: 200 }, () => ({ alias: null })) } },
          errors: Array.from({ length: 200 }, (_, index) => refused(`citizens.nodes.${index}.alias`, 'STATE_SECRET')),
        },
      },
      {
        subgraph: 'land',
        text: `{ landParcel(id: "${parcelId}") { ...F } } fragment F on LandParcel { defenceZone }`,
        field: 'defenceZone',
        answer: { data: { landParcel: { defenceZone: null } }, errors: [refused('landParcel.defenceZone', 'STATE_SECRET')] },
      },
    ];
    const sql: string[] = [];
    const record = (event: { sql: string }) => sql.push(event.sql);
    for (const name of ['population', 'land']) subgraphs[name].database.knex.on('query', record);
    for (const ask of asks) {
      const token = createInternalTokenSigner()(ask.subgraph, police);
      const answer = await postGraphQL(subgraphs[ask.subgraph].url, ask.text, { token });
      expectAnswer(answer, ask.answer);
      expect(JSON.stringify(answer.body.data)).not.toMatch(/Mật|quốc phòng|Hồ sơ/);
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
      expectAnswer(service, { data: null, errors: [refused('_service', 'NOT_GRANTED')] });
      expect(JSON.stringify(service.body)).not.toMatch(/securityNotes|defenceZone|type Query/);
      const introspection = await postGraphQL(subgraphs[name].url, '{ __type(name: "Citizen") { fields { name } } __schema { types { name } } }', { token });
      expect(JSON.stringify(introspection.body)).not.toMatch(/securityNotes|defenceZone/);
      expectAnswer(introspection, {
        status: 400,
        data: undefined,
        errors: ['__schema', 'types', '__type', 'fields'].map((field) => ({
          code: 'GRAPHQL_VALIDATION_FAILED',
          message: `GraphQL introspection has been disabled, but the requested query contained the field "${field}".`,
        })),
      });
    }
  });
});
