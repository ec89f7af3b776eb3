import { beforeAll, describe, expect, it } from 'vitest';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import { getStack, investigator, justiceOfficer, postGraphQL, query, seededProvince, type Who } from '../support/stack.ts';

const demo = () => seededProvince().demoCitizenIds[0];
const person = () => seededProvince().citizens.find((citizen) => citizen.id === demo())!;

function denials(body: { errors?: Array<{ path?: (string | number)[]; extensions?: Record<string, unknown> }> }) {
  return (body.errors ?? []).map((error) => ({ path: error.path?.join('.'), code: error.extensions?.code, reason: error.extensions?.reason }));
}

describe('field-level permissions from the seed policies', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('a justice officer reads name, birth date and residence for a civil-status procedure, but not religion', async () => {
    const { body } = await query(justiceOfficer, `{ citizen(id: "${demo()}") { fullName dateOfBirth residence { address } religion ethnicity { name } } }`);
    expect(body.data.citizen).toEqual({ fullName: person().fullName, dateOfBirth: person().dateOfBirth, residence: { address: person().address }, religion: null, ethnicity: null });
    expect(denials(body)).toEqual([
      { path: 'citizen.religion', code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED' },
      { path: 'citizen.ethnicity', code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED' },
    ]);
    const error = body.errors![0];
    expect(error.extensions).toMatchObject({ policy: 'population.citizen', rule: expect.any(String), requestId: expect.any(String) });
  });

  it('the same officer without a declared purpose gets nothing personal, and is told why', async () => {
    const { body } = await query({ ...justiceOfficer, purpose: undefined }, `{ citizen(id: "${demo()}") { fullName dateOfBirth } }`);
    expect(body.data.citizen).toEqual({ fullName: null, dateOfBirth: null });
    expect(denials(body)).toEqual([
      { path: 'citizen.fullName', code: 'FORBIDDEN', reason: 'PURPOSE_REQUIRED' },
      { path: 'citizen.dateOfBirth', code: 'FORBIDDEN', reason: 'PURPOSE_REQUIRED' },
    ]);
  });

  it('a justice officer cannot reach land or business data, whatever the query shape', async () => {
    const shapes = [
      `{ citizen(id: "${demo()}") { landParcels { area } businesses { name } } }`,
      `{ citizen(id: "${demo()}") { a: landParcels { b: area } } }`,
      `{ citizen(id: "${demo()}") { ...F } } fragment F on Citizen { landParcels { area } }`,
      `{ citizen(id: "${demo()}") { ... on Citizen { businesses { name } } } }`,
    ];
    for (const shape of shapes) {
      const { body } = await query(justiceOfficer, shape);
      expect(JSON.stringify(body.data)).not.toMatch(/\d+\.\d|Công ty/);
      expect(body.errors?.length).toBeGreaterThan(0);
      for (const error of body.errors!) expect(error.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('refuses each citizen of a list separately, never leaking one of them', async () => {
    const { body } = await query(justiceOfficer, '{ citizens(first: 5) { nodes { id fullName religion } } }');
    const nodes = body.data.citizens.nodes as Array<{ id: string; fullName: string | null; religion: string | null }>;
    expect(nodes).toHaveLength(5);
    for (const node of nodes) {
      expect(node.fullName).toBeTypeOf('string');
      expect(node.religion).toBeNull();
    }
    expect(denials(body).filter((denial) => denial.path?.endsWith('religion'))).toHaveLength(5);
  });

  it('refuses the same fields through _entities when a subgraph is called directly with a valid internal token', async () => {
    const { subgraphs } = await getStack();
    const token = createInternalTokenSigner()('population', {
      subject: 'justice-1', agency: 'so-tu-phap', roles: ['officer'], purpose: 'civil-status-procedure', caseId: null, requestId: 'entities-test',
    });
    const { body } = await postGraphQL(
      subgraphs.population.url,
      `{ _entities(representations: [{ __typename: "Citizen", id: "${demo()}" }]) { ... on Citizen { fullName religion } } }`,
      { token },
    );
    expect(body.data._entities).toEqual([{ fullName: person().fullName, religion: null }]);
    expect(denials(body)).toEqual([{ path: '_entities.0.religion', code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED' }]);
  });

  it('a citizen reads their own record and not another citizen’s', async () => {
    const me: Who = { role: 'citizen', sub: demo() };
    const own = await query(me, '{ me { id fullName religion residence { address } household { id } landParcels { area } } }');
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.me).toMatchObject({
      id: demo(),
      fullName: person().fullName,
      residence: { address: person().address },
      household: { id: person().householdId },
    });
    const parcelIds = new Set(seededProvince().parcelHolders.filter((holder) => holder.citizenId === demo()).map((holder) => holder.parcelId));
    const areas = seededProvince().parcels.filter((parcel) => parcelIds.has(parcel.id)).map((parcel) => parcel.area);
    expect(own.body.data.me.landParcels.map((parcel: { area: number }) => parcel.area).sort()).toEqual(areas.sort());
    const other = seededProvince().demoCitizenIds[1];
    const theirs = await query(me, `{ citizen(id: "${other}") { fullName } }`);
    expect(JSON.stringify(theirs.body.data)).not.toContain(seededProvince().citizens.find((c) => c.id === other)!.fullName);
    expect(theirs.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a field of an interface implementation, however the list is asked for', async () => {
    const health: Who = { role: 'officer', agency: 'so-y-te', purpose: 'social-assistance' };
    const unit = person().unitCode;
    const { body } = await query(health, `{ civilEvents(kind: BIRTH, unitCode: "${unit}", first: 3) { nodes { kind registeredOn ... on Birth { placeOfBirth } } } }`);
    const nodes = body.data.civilEvents.nodes as Array<{ kind: string; registeredOn: string; placeOfBirth: string | null }>;
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      expect(node.kind).toBe('BIRTH');
      expect(node.registeredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(node.placeOfBirth).toBeNull();
    }
    expect(denials(body)).toEqual(
      [0, 1, 2].map((index) => ({ path: `civilEvents.nodes.${index}.placeOfBirth`, code: 'FORBIDDEN', reason: expect.any(String) })),
    );
  });

  it('the police investigating a case read every agency’s non-secret data', async () => {
    const { body } = await query(investigator, `{ citizen(id: "${demo()}") { religion landParcels { area } businesses { name } benefits { monthlyAmount } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.citizen.landParcels.length).toBeGreaterThan(0);
  });
});
