import { beforeAll, describe, expect, it } from 'vitest';
import { expectAnswer } from '../support/expectAnswer.ts';
import { getStack, investigator, query, seededProvince } from '../support/stack.ts';

describe('a police investigator asking about one citizen', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('gets the population, civil-status, land, business, social and platform answers in one request', async () => {
    const province = seededProvince();
    const id = province.demoCitizenIds[0];
    const person = province.citizens.find((citizen) => citizen.id === id)!;
    const unit = province.units.find((u) => u.code === person.unitCode)!;
    const parcelIds = new Set(province.parcelHolders.filter((holder) => holder.citizenId === id).map((holder) => holder.parcelId));
    const parcels = province.parcels.filter((parcel) => parcelIds.has(parcel.id));
    const enterprises = province.enterprises.filter((enterprise) => enterprise.legalRepresentativeId === id);
    const benefits = province.benefits.filter((benefit) => benefit.citizenId === id);

    const { status, body } = await query(
      investigator,
      `query ($id: ID!) {
        citizen(id: $id) {
          fullName dateOfBirth
          residence { unit { name kind } }
          civilEvents { kind registeredOn }
          landParcels(first: 100) { parcelNumber area }
          businesses(first: 100) { enterpriseCode name }
          benefits(first: 100) { program { code } }
        }
      }`,
      { variables: { id } },
    );

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const citizen = body.data.citizen;
    expect(citizen.fullName).toBe(person.fullName);
    expect(citizen.dateOfBirth).toBe(person.dateOfBirth);
    expect(citizen.residence.unit).toEqual({ name: unit.name, kind: unit.kind.toUpperCase() });
    expect(citizen.civilEvents.map((event: { kind: string }) => event.kind)).toEqual(expect.arrayContaining(['BIRTH', 'MARRIAGE']));
    expect(citizen.landParcels.map((parcel: { parcelNumber: number }) => parcel.parcelNumber).sort()).toEqual(parcels.map((p) => p.parcelNumber).sort());
    expect(citizen.landParcels.map((parcel: { area: number }) => parcel.area).sort()).toEqual(parcels.map((p) => p.area).sort());
    expect(citizen.businesses).toEqual(
      expect.arrayContaining(enterprises.map((enterprise) => ({ enterpriseCode: enterprise.code, name: enterprise.name }))),
    );
    expect(citizen.businesses).toHaveLength(enterprises.length);
    expect(citizen.benefits.map((benefit: { program: { code: string } }) => benefit.program.code).sort()).toEqual(
      benefits.map((benefit) => benefit.programCode).sort(),
    );
  });

  it('reaches a legal representative through an enterprise, and the enterprise land through the business register', async () => {
    const province = seededProvince();
    const holder = province.parcelHolders.find((h) => h.enterpriseCode !== null)!;
    const enterprise = province.enterprises.find((e) => e.code === holder.enterpriseCode)!;
    const representative = province.citizens.find((c) => c.id === enterprise.legalRepresentativeId)!;

    const { body } = await query(
      investigator,
      `query ($code: ID!) { enterprise(enterpriseCode: $code) { name legalRepresentative { fullName } landParcels { id } } }`,
      { variables: { code: enterprise.code } },
    );

    expect(body.errors).toBeUndefined();
    expect(body.data.enterprise.name).toBe(enterprise.name);
    expect(body.data.enterprise.legalRepresentative).toEqual({ fullName: representative.fullName });
    expect(body.data.enterprise.landParcels.map((parcel: { id: string }) => parcel.id)).toContain(holder.parcelId);
  });

  it('pages through the citizens of a ward without gaps or repeats', async () => {
    const province = seededProvince();
    const unitCode = province.units[0].code;
    const expected = province.citizens.filter((c) => c.unitCode === unitCode).map((c) => c.id).sort();
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 1000; page += 1) {
      const { body } = await query(
        investigator,
        `query ($unit: String, $after: String) { citizens(unitCode: $unit, first: 200, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { variables: { unit: unitCode, after } },
      );
      expect(body.errors).toBeUndefined();
      total = body.data.citizens.totalCount;
      seen.push(...body.data.citizens.nodes.map((node: { id: string }) => node.id));
      if (!body.data.citizens.pageInfo.hasNextPage) break;
      after = body.data.citizens.pageInfo.endCursor;
    }
    expect(total).toBe(expected.length);
    expect(seen).toEqual(expected);
  });

  it('gets a clear BAD_USER_INPUT for a malformed id or page size, and nothing else', async () => {
    const page = await query(investigator, '{ citizens(first: 100000) { totalCount } }');
    expectAnswer(page, { data: { citizens: null }, errors: [{ code: 'BAD_USER_INPUT', path: 'citizens', message: '"first" must be a whole number from 1 to 200' }] });
    const single = await query(investigator, '{ citizen(id: "12345") { fullName } }');
    expectAnswer(single, { data: { citizen: null }, errors: [{ code: 'BAD_USER_INPUT', path: 'citizen', message: '"id" must be a 12-digit personal identification number' }] });
  });
});
