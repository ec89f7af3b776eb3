import { beforeAll, describe, expect, it } from 'vitest';
import { cursorAt } from '../support/cursors.ts';
import { getStack, investigator, query, seededProvince, sqlStatements } from '../support/stack.ts';

// Every field below lives in another agency's database; each list of citizens fans out to all of them.
const PAGE = `query ($first: Int!, $after: String) {
  citizens(first: $first, after: $after) {
    nodes {
      fullName
      residence { unit { name formerUnits { code } } }
      household { id members { fullName } }
      father { fullName }
      civilEvents { kind registeredOn ... on Marriage { wife { fullName } } }
      landParcels { parcelNumber area holders { share } certificates { serialNumber } }
      businesses { enterpriseCode name landParcels { id } }
      benefits { program { name } monthlyAmount }
    }
  }
}`;

/**
 * A gateway skips a fetch when no item needs it, so the 10-citizen page must already need every
 * fetch: start it where ten consecutive citizens (in id order) include a married man, a land holder,
 * a beneficiary, someone whose father is registered, and the representative of an enterprise that
 * holds land.
 */
function cursorBeforeACompleteWindow(): string {
  const province = seededProvince();
  const ids = province.citizens.map((citizen) => citizen.id).sort();
  const husbands = new Set(province.marriages.map((marriage) => marriage.husbandId));
  const holders = new Set(province.parcelHolders.map((holder) => holder.citizenId));
  const beneficiaries = new Set(province.benefits.map((benefit) => benefit.citizenId));
  const landedEnterprises = new Set(province.parcelHolders.map((holder) => holder.enterpriseCode));
  const landedRepresentatives = new Set(
    province.enterprises.filter((enterprise) => landedEnterprises.has(enterprise.code)).map((enterprise) => enterprise.legalRepresentativeId),
  );
  const withFather = new Set(province.citizens.filter((citizen) => citizen.fatherId).map((citizen) => citizen.id));
  const needs = [husbands, holders, beneficiaries, landedRepresentatives, withFather];
  for (let start = 1; start + 10 <= ids.length; start += 1) {
    const window = ids.slice(start, start + 10);
    if (needs.every((set) => window.some((id) => set.has(id)))) return cursorAt('population', investigator, 'Query.citizens', {}, ids[start - 1]);
  }
  throw new Error('no window of ten citizens needs every agency; change the seed');
}

async function statementsFor(first: number, after: string): Promise<number> {
  const before = await sqlStatements();
  const { body } = await query(investigator, PAGE, { variables: { first, after } });
  expect(body.errors).toBeUndefined();
  expect(body.data.citizens.nodes).toHaveLength(first);
  return (await sqlStatements()) - before;
}

describe('a page of citizens with data from every agency', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('costs the same number of SQL statements for 10 citizens as for 200', async () => {
    const after = cursorBeforeACompleteWindow();
    // Once first, so that each agency's disclosure-log writer has read the end of its chain (a
    // statement it sends only at start) before anything is counted.
    await statementsFor(10, after);
    // The counter is every subgraph's, and timers send statements too (the gateway reloads the purpose
    // list from the platform every minute): those only add, so the fewer of two runs is the request's own.
    // An N+1 adds to every run, and still shows.
    const ten = Math.min(await statementsFor(10, after), await statementsFor(10, after));
    const twoHundred = Math.min(await statementsFor(200, after), await statementsFor(200, after));
    expect(ten).toBeGreaterThan(5);
    expect(twoHundred).toBe(ten);
  });
});
