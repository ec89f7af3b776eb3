import { beforeAll, describe, expect, it } from 'vitest';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import { errorsOf, expectAnswer, refused } from '../support/expectAnswer.ts';
import { getStack, investigator, justiceOfficer, postGraphQL, query, seededProvince, type Who } from '../support/stack.ts';

const demo = () => seededProvince().demoCitizenIds[0];
const person = () => seededProvince().citizens.find((citizen) => citizen.id === demo())!;
const nameOf = (id: string) => seededProvince().citizens.find((citizen) => citizen.id === id)!.fullName;

describe('field-level permissions from the seed policies', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('a justice officer reads name, birth date and residence for a civil-status procedure, but not religion', async () => {
    const answer = await query(justiceOfficer, `{ citizen(id: "${demo()}") { fullName dateOfBirth residence { address } religion ethnicity { name } } }`);
    expectAnswer(answer, {
      data: { citizen: { fullName: person().fullName, dateOfBirth: person().dateOfBirth, residence: { address: person().address }, religion: null, ethnicity: null } },
      errors: [refused('citizen.religion', 'AGENCY_NOT_ALLOWED'), refused('citizen.ethnicity', 'AGENCY_NOT_ALLOWED')],
    });
    const error = answer.body.errors![0];
    expect(error.extensions).toMatchObject({ policy: 'population.citizen', rule: expect.any(String), requestId: expect.any(String) });
  });

  it('the same officer without a declared purpose gets nothing personal, and is told why', async () => {
    const answer = await query({ ...justiceOfficer, purpose: undefined }, `{ citizen(id: "${demo()}") { fullName dateOfBirth } }`);
    // Nothing of the record may be read without a purpose, so not even whether it exists.
    expectAnswer(answer, { data: { citizen: null }, errors: [refused('citizen', 'PURPOSE_REQUIRED')] });
  });

  it('a justice officer cannot reach land or business data, whatever the query shape', async () => {
    const shapes = [
      {
        text: `{ citizen(id: "${demo()}") { landParcels { area } businesses { name } } }`,
        data: { citizen: { landParcels: null, businesses: null } },
        // The business register's consent rule names the justice department, for another purpose.
        errors: [refused('citizen.landParcels', 'AGENCY_NOT_ALLOWED'), refused('citizen.businesses', 'PURPOSE_REQUIRED')],
      },
      {
        text: `{ citizen(id: "${demo()}") { a: landParcels { b: area } } }`,
        data: { citizen: { a: null } },
        errors: [refused('citizen.a', 'AGENCY_NOT_ALLOWED')],
      },
      {
        text: `{ citizen(id: "${demo()}") { ...F } } fragment F on Citizen { landParcels { area } }`,
        data: { citizen: { landParcels: null } },
        errors: [refused('citizen.landParcels', 'AGENCY_NOT_ALLOWED')],
      },
      {
        text: `{ citizen(id: "${demo()}") { ... on Citizen { businesses { name } } } }`,
        data: { citizen: { businesses: null } },
        errors: [refused('citizen.businesses', 'PURPOSE_REQUIRED')],
      },
    ];
    for (const shape of shapes) {
      const answer = await query(justiceOfficer, shape.text);
      expect(JSON.stringify(answer.body.data)).not.toMatch(/\d+\.\d|Công ty/);
      expectAnswer(answer, { data: shape.data, errors: shape.errors });
    }
  });

  it('refuses each citizen of a list separately, never leaking one of them', async () => {
    const answer = await query(justiceOfficer, '{ citizens(first: 5) { nodes { id fullName religion } } }');
    // The register lists citizens by personal id.
    const firstFive = seededProvince().citizens.map((citizen) => citizen.id).sort().slice(0, 5);
    expectAnswer(answer, {
      data: { citizens: { nodes: firstFive.map((id) => ({ id, fullName: nameOf(id), religion: null })) } },
      errors: firstFive.map((_, index) => refused(`citizens.nodes.${index}.religion`, 'AGENCY_NOT_ALLOWED')),
    });
  });

  it('refuses the same fields through _entities when a subgraph is called directly with a valid internal token', async () => {
    const { subgraphs } = await getStack();
    const token = createInternalTokenSigner()('population', {
      subject: 'justice-1', agency: 'so-tu-phap', roles: ['officer'], purpose: 'civil-status-procedure', caseId: null, requestId: 'entities-test',
    });
    const answer = await postGraphQL(
      subgraphs.population.url,
      `{ _entities(representations: [{ __typename: "Citizen", id: "${demo()}" }]) { ... on Citizen { fullName religion } } }`,
      { token },
    );
    expectAnswer(answer, {
      data: { _entities: [{ fullName: person().fullName, religion: null }] },
      errors: [refused('_entities.0.religion', 'AGENCY_NOT_ALLOWED')],
    });
  });

  it('decides a rule for the reader’s own record row by row: one request for their record and another’s gets only theirs', async () => {
    const { subgraphs } = await getStack();
    const other = seededProvince().demoCitizenIds[1];
    const token = createInternalTokenSigner()('population', {
      subject: demo(), agency: null, roles: ['citizen'], purpose: null, caseId: null, requestId: 'own-record-rows-test',
    });
    const answer = await postGraphQL(
      subgraphs.population.url,
      `{ _entities(representations: [{ __typename: "Citizen", id: "${demo()}" }, { __typename: "Citizen", id: "${other}" }, { __typename: "Citizen", id: "${demo()}" }]) { ... on Citizen { fullName religion } } }`,
      { token },
    );
    expect(JSON.stringify(answer.body.data)).not.toContain(nameOf(other));
    expectAnswer(answer, {
      data: { _entities: [{ fullName: person().fullName, religion: person().religion }, { fullName: null, religion: null }, { fullName: person().fullName, religion: person().religion }] },
      errors: [refused('_entities.1.fullName', 'ROW_OUT_OF_SCOPE'), refused('_entities.1.religion', 'ROW_OUT_OF_SCOPE')],
    });
  });

  it('a citizen reads their own record and not another citizen’s', async () => {
    const me: Who = { role: 'citizen', sub: demo() };
    const own = await query(me, '{ me { id fullName religion residence { address } household { id } landParcels { area } } }');
    const parcelIds = new Set(seededProvince().parcelHolders.filter((holder) => holder.citizenId === demo()).map((holder) => holder.parcelId));
    const areas = seededProvince().parcels.filter((parcel) => parcelIds.has(parcel.id)).map((parcel) => parcel.area);
    expect(own.body.data.me.landParcels.map((parcel: { area: number }) => parcel.area).sort()).toEqual(areas.sort());
    expectAnswer(own, {
      data: {
        me: {
          id: demo(),
          fullName: person().fullName,
          religion: person().religion,
          residence: { address: person().address },
          household: { id: person().householdId },
          landParcels: own.body.data.me.landParcels,
        },
      },
    });
    const other = seededProvince().demoCitizenIds[1];
    const theirs = await query(me, `{ citizen(id: "${other}") { fullName } }`);
    expect(JSON.stringify(theirs.body.data)).not.toContain(nameOf(other));
    // A citizen looks herself up through `me`; the look-up by id is for officers.
    expectAnswer(theirs, { data: { citizen: null }, errors: [refused('citizen', 'ROLE_NOT_ALLOWED')] });
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
    // The health department's own rule leaves out the place of birth; the consent rule that gives it is for another purpose.
    expect(errorsOf(body)).toEqual([0, 1, 2].map((index) => refused(`civilEvents.nodes.${index}.placeOfBirth`, 'PURPOSE_REQUIRED')));
  });

  it('the police investigating a case read every agency’s non-secret data', async () => {
    const { body } = await query(investigator, `{ citizen(id: "${demo()}") { religion landParcels { area } businesses { name } benefits { monthlyAmount } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.citizen.landParcels.length).toBeGreaterThan(0);
  });
});
