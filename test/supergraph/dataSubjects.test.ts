// Every disclosure has its data subjects: an officer's statutory read of a household, a parcel, an
// enterprise's representative, a marriage, a birth or a death record shows in the access log of every
// person the record is about, each signed in as themself.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { disclosuresOf } from '../support/expectDisclosure.ts';
import { within } from '../support/policyEdits.ts';
import { getStack, investigator, justiceOfficer, livePolicyDir, query, seededProvince, type Who } from '../support/stack.ts';

const MY_LOG = `query ($from: String) {
  myDataAccessLog(first: 100, from: $from) { nodes { requestId register agency purpose dataSubject decision fields { field decision legalBasis reason } } }
}`;

type LogEntry = { requestId: string; register: string; agency: string; purpose: string; dataSubject: string; decision: string; fields: Array<{ field: string; decision: string; legalBasis: string | null; reason: string | null }> };

const landOfficer: Who = { role: 'officer', agency: 'so-nong-nghiep-moi-truong', purpose: 'land-administration' };
const financeOfficer: Who = { role: 'officer', agency: 'so-tai-chinh', purpose: 'business-registration' };

/** What `person`, signed in as themself, sees of one request in their own access log. */
async function seenBy(person: string, requestId: string, from: string): Promise<LogEntry[]> {
  const answer = await query({ role: 'citizen', sub: person }, MY_LOG, { variables: { from } });
  expect(answer.body.errors).toBeUndefined();
  return (answer.body.data.myDataAccessLog.nodes as LogEntry[]).filter((entry) => entry.requestId === requestId);
}

/** Asks as `who` and returns the request id, after checking the answer carries the data. */
async function read(who: Who, text: string, expected: unknown): Promise<string> {
  const answer = await query(who, text);
  expectAnswer(answer, { data: expected });
  return answer.headers.get('x-request-id')!;
}

/** Each person sees exactly one entry of this request in `register`, about themself, listing `fields` as disclosed on `basis`. */
async function expectSeenByEach(people: string[], requestId: string, from: string, register: string, agency: string, basis: string, fields: string[]) {
  expect(people.length).toBeGreaterThan(0);
  for (const person of people) {
    expect({ person, entries: await seenBy(person, requestId, from) }).toEqual({
      person,
      entries: [
        expect.objectContaining({
          register,
          agency,
          dataSubject: person,
          decision: 'DISCLOSED',
          fields: fields.map((field) => ({ field, decision: 'DISCLOSED', legalBasis: basis, reason: null })),
        }),
      ],
    });
  }
}

describe('every person a record is about sees its disclosures', () => {
  let from: string;

  beforeAll(async () => {
    await getStack();
    from = new Date(Date.now() - 1000).toISOString();
  });

  it('a household read by its number: each member', async () => {
    const province = seededProvince();
    const sizes = new Map<string, string[]>();
    for (const citizen of province.citizens) sizes.set(citizen.householdId, [...(sizes.get(citizen.householdId) ?? []), citizen.id]);
    const [household, members] = [...sizes].find(([, people]) => people.length >= 3)!;
    const address = province.households.find((candidate) => candidate.id === household)!.address;
    // The police managing residence (a read under a criminal investigation would be withheld from them until released).
    const requestId = await read({ role: 'officer', agency: 'cong-an-tinh', purpose: 'residence-management' }, `{ household(id: "${household}") { address registeredOn } }`, { household: { address, registeredOn: expect.any(String) } });
    await expectSeenByEach(members, requestId, from, 'population', 'cong-an-tinh', 'owner', ['Household.address', 'Household.registeredOn']);
  });

  it('a parcel read by its id: each person holding it, not an enterprise', async () => {
    const province = seededProvince();
    const byParcel = new Map<string, string[]>();
    for (const holder of province.parcelHolders) if (holder.citizenId) byParcel.set(holder.parcelId, [...(byParcel.get(holder.parcelId) ?? []), holder.citizenId]);
    const [parcel, holders] = [...byParcel].find(([, people]) => people.length === 2)!;
    const requestId = await read(landOfficer, `{ landParcel(id: "${parcel}") { area address } }`, { landParcel: { area: expect.any(Number), address: expect.any(String) } });
    await expectSeenByEach(holders, requestId, from, 'land', 'so-nong-nghiep-moi-truong', 'owner', ['LandParcel.area', 'LandParcel.address']);
  });

  it('an enterprise’s legal representative, when the link to them is read', async () => {
    const enterprise = seededProvince().enterprises[5];
    const requestId = await read(financeOfficer, `{ enterprise(enterpriseCode: "${enterprise.code}") { name legalRepresentative { id } } }`, {
      enterprise: { name: enterprise.name, legalRepresentative: { id: enterprise.legalRepresentativeId } },
    });
    // The published register (the name) is about the enterprise; the link and the person's id are the person's.
    await expectSeenByEach([enterprise.legalRepresentativeId], requestId, from, 'business', 'so-tai-chinh', 'owner', ['Enterprise.legalRepresentative', 'Citizen.id']);
  });

  it('a marriage: both spouses', async () => {
    const marriage = seededProvince().marriages[3];
    const requestId = await read(justiceOfficer, `{ marriage(id: "${marriage.id}") { registeredOn } }`, { marriage: { registeredOn: marriage.registeredOn } });
    await expectSeenByEach([marriage.husbandId, marriage.wifeId], requestId, from, 'civil-status', 'so-tu-phap', 'owner', ['Marriage.registeredOn']);
  });

  it('a birth: the child and both parents', async () => {
    const birth = seededProvince().births.find((candidate) => candidate.fatherId && candidate.motherId)!;
    const requestId = await read(justiceOfficer, `{ birth(id: "${birth.id}") { registeredOn placeOfBirth } }`, {
      birth: { registeredOn: birth.registeredOn, placeOfBirth: birth.placeOfBirth },
    });
    await expectSeenByEach([birth.childId, birth.fatherId!, birth.motherId!], requestId, from, 'civil-status', 'so-tu-phap', 'owner', ['Birth.registeredOn', 'Birth.placeOfBirth']);
  });

  it('a death: the deceased', async () => {
    const death = seededProvince().deaths[2];
    const requestId = await read(justiceOfficer, `{ death(id: "${death.id}") { dateOfDeath } }`, { death: { dateOfDeath: death.dateOfDeath } });
    await expectSeenByEach([death.deceasedId], requestId, from, 'civil-status', 'so-tu-phap', 'owner', ['Death.dateOfDeath']);
  });
});

describe('a record whose data subjects cannot be determined', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('is refused for its personal fields (SUBJECT_UNKNOWN), and the refusal is recorded', async () => {
    const file = join(livePolicyDir, 'population/household.policy.yaml');
    const original = readFileSync(file, 'utf8');
    const household = seededProvince().households[7].id;
    const asks = () => query(investigator, `{ household(id: "${household}") { address } }`);
    try {
      // A subject the register does not read with the row (the head is looked up afterwards): nobody
      // can say whose household this is when the field is decided.
      writeFileSync(file, original.replace('subject: members', 'subject: [members, head]'));
      expect(await within(3, async () => (await asks()).body.errors?.[0]?.extensions?.reason === 'SUBJECT_UNKNOWN')).toBe(true);
      const answer = await asks();
      expectAnswer(answer, { data: { household: { address: null } }, errors: [refused('household.address', 'SUBJECT_UNKNOWN')] });
      // Recorded as a refusal about no one in particular: nobody could be named.
      const entries = await disclosuresOf('population', answer.headers.get('x-request-id')!);
      expect(entries.map(({ agency, dataSubject, decision, fields }) => ({ agency, dataSubject, decision, fields }))).toEqual([
        { agency: 'cong-an-tinh', dataSubject: null, decision: 'refused', fields: [{ field: 'Household.address', decision: 'refused', reason: 'SUBJECT_UNKNOWN', rule: null }] },
      ]);
    } finally {
      writeFileSync(file, original);
      expect(await within(3, async () => typeof (await asks()).body.data?.household?.address === 'string')).toBe(true);
    }
  });
});
