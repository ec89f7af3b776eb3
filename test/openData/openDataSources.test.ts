// Each agency register computes its open datasets' rows for a publisher's refresh, at its route
// /internal/open-data-source with the relay token the gateway mints for the refresh (<subgraph>-open-data),
// called here as the platform calls it. A publisher of the dataset's agency gets the rows in the list's
// column order, aggregates under disclosure control (no published count below k, no suppressed count
// derivable from the published rows, proved by linear programming) and consistent with a direct count
// of the register; a publisher of another agency and an officer get NOT_ALLOWED; a dataset the register
// does not compute is BAD_USER_INPUT.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import type { Principal, Role } from '../../shared/auth/Principal.ts';
import { provinceDay } from '../../shared/calendar/provinceDay.ts';
import { ageBandOf, ageOnDay } from '../../shared/openData/ageBands.ts';
import { TOTAL } from '../../shared/openData/disclosureControl.ts';
import { OPEN_DATA_SOURCE_PATH, openDataAudience, type OpenDataCell } from '../../shared/openData/openDataSource.ts';
import type { OpenDataSources } from '../../shared/openData/openDataSourceRoute.ts';
import { readOpenDataList } from '../../shared/openData/readOpenDataList.ts';
import { OPEN_DATA_SOURCES } from '../../subgraphs/openDataSources.ts';
import { getStack } from '../support/stack.ts';
import { findDisclosures } from './disclosureProof.ts';

const sign = createInternalTokenSigner();
const list = readOpenDataList();

function caller(roles: Role[], agency: string | null): Principal {
  return { subject: 'publisher-1', agency, roles, purpose: null, caseId: null, requestId: `open-data-${randomUUID()}` };
}

/** The register's route, called as the platform calls it, with the token minted for `audience`. */
async function askRegister(subgraph: string, who: Principal, body: unknown, audience = openDataAudience(subgraph)): Promise<{ status: number; body: any }> {
  const { subgraphs } = await getStack();
  const response = await fetch(new URL(OPEN_DATA_SOURCE_PATH, subgraphs[subgraph].url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sign(audience, who)}`, 'x-request-id': who.requestId },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

function datasetOf(id: string) {
  const dataset = list.datasets.find((candidate) => candidate.id === id);
  if (!dataset) throw new Error(`No dataset ${id} in the list`);
  return dataset;
}

/** The rows, asked as a publisher of the dataset's agency; checked against the list's columns. */
async function rowsOf(id: string): Promise<{ columns: string[]; rows: OpenDataCell[][] }> {
  const dataset = datasetOf(id);
  const answer = await askRegister(dataset.source.subgraph, caller(['publisher'], dataset.publisher), { dataset: id });
  expect(answer.status).toBe(200);
  expect(answer.body.outcome).toBe('ROWS');
  expect(answer.body.columns).toEqual(dataset.columns.map((column) => column.name));
  for (const row of answer.body.rows) expect(row).toHaveLength(dataset.columns.length);
  return answer.body;
}

async function knexOf(subgraph: string) {
  return (await getStack()).subgraphs[subgraph].database.knex;
}

/** A direct count per key, from raw register rows. */
function tally<T>(rows: T[], keyOf: (row: T) => string[] | null, weight: (row: T) => number = () => 1): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key) counts.set(JSON.stringify(key), (counts.get(JSON.stringify(key)) ?? 0) + weight(row));
  }
  return counts;
}

/**
 * An aggregate's published rows against a direct count: each published cell equals it, each published
 * total is the sum of its cells' direct counts, every cell with people is there, no count under k, and no
 * suppressed count is determined by the published rows.
 */
function expectProtectedAndConsistent(
  id: string,
  published: { columns: string[]; rows: OpenDataCell[][] },
  dimensions: string[],
  direct: Map<string, number>,
  // At the test province's size (3,000 people) some aggregates have no count of k or more at all.
  { somePublished = true } = {},
) {
  const k = datasetOf(id).source.minimumCellCount ?? 10;
  const dims = dimensions.map((name) => published.columns.indexOf(name));
  const people = published.columns.indexOf('people');
  const cells = published.rows.filter((row) => dims.every((d) => row[d] !== TOTAL));
  const totals = published.rows.filter((row) => dims.some((d) => row[d] === TOTAL));
  expect(cells.length).toBeGreaterThan(0);
  expect(totals.length).toBeGreaterThan(0);
  expect(new Set(cells.map((row) => JSON.stringify(dims.map((d) => row[d]))))).toEqual(new Set([...direct].filter(([, count]) => count > 0).map(([key]) => key)));
  let publishedCells = 0;
  for (const row of cells) {
    if (row[people] === null) continue;
    publishedCells += 1;
    expect(row[people]).toBe(direct.get(JSON.stringify(dims.map((d) => row[d]))));
  }
  if (somePublished) expect(publishedCells).toBeGreaterThan(0);
  let publishedTotals = 0;
  for (const row of totals) {
    if (row[people] === null) continue;
    publishedTotals += 1;
    const sum = [...direct].filter(([key]) => dims.every((d, i) => row[d] === TOTAL || JSON.parse(key)[i] === row[d])).reduce((total, [, count]) => total + count, 0);
    expect(row[people]).toBe(sum);
  }
  if (somePublished) expect(publishedTotals).toBeGreaterThan(0);
  const finding = findDisclosures({ columns: published.columns, dimensions, count: 'people', rows: published.rows }, k);
  expect(finding.smallCounts).toEqual([]);
  expect(finding.determined).toEqual([]);
  expect(finding.provedFree).toBeGreaterThan(0);
}

/** The source's own cells (its one GROUP BY statement, before disclosure control) against the direct count. */
async function expectSourceCounts(subgraph: string, id: string, direct: Map<string, number>) {
  const source = (OPEN_DATA_SOURCES[subgraph] as OpenDataSources)[datasetOf(id).source.name];
  if (source.kind !== 'aggregate') throw new Error(`${id} is not an aggregate`);
  const table = await source.table(await knexOf(subgraph));
  expect(new Map(table.cells.filter((cell) => cell.people > 0).map((cell) => [JSON.stringify(cell.key), cell.people]))).toEqual(new Map([...direct].filter(([, count]) => count > 0)));
}

describe("each register's open-data source", () => {
  it('population: residents by commune, gender and age band, under disclosure control', async () => {
    const published = await rowsOf('population-by-commune-gender-age');
    const knex = await knexOf('population');
    const residents: { unitCode: string; gender: string; born: string }[] = await knex('citizen').select({ unitCode: 'unit_code', gender: 'gender', born: 'date_of_birth' }).whereNull('date_of_death');
    const today = provinceDay(new Date());
    const direct = tally(residents, (row) => [row.unitCode, row.gender, ageBandOf(ageOnDay(row.born, today))]);
    expectProtectedAndConsistent('population-by-commune-gender-age', published, ['unit_code', 'gender', 'age_band'], direct);
    await expectSourceCounts('population', 'population-by-commune-gender-age', direct);
    // Every commune's total is published: the seeded communes have more than k residents each.
    const communeTotals = published.rows.filter((row) => row[1] === TOTAL);
    expect(communeTotals.every((row) => typeof row[3] === 'number')).toBe(true);
    expect(communeTotals.reduce((sum, row) => sum + (row[3] as number), 0)).toBe(residents.length);
  });

  it('civil status: people registered per month, commune and kind', async () => {
    const published = await rowsOf('civil-events-by-month-commune');
    const knex = await knexOf('civil-status');
    const month = (day: string) => day.slice(0, 7);
    const births: { on: string; unit: string }[] = await knex('birth').select({ on: 'registered_on', unit: 'unit_code' });
    const marriages: { on: string; unit: string }[] = await knex('marriage').select({ on: 'registered_on', unit: 'unit_code' });
    const deaths: { on: string; unit: string }[] = await knex('death').select({ on: 'registered_on', unit: 'unit_code' });
    const events = [
      ...births.map((row) => ({ ...row, kind: 'birth', people: 1 })),
      ...marriages.map((row) => ({ ...row, kind: 'marriage', people: 2 })),
      ...deaths.map((row) => ({ ...row, kind: 'death', people: 1 })),
    ];
    const direct = tally(events, (row) => [month(row.on), row.unit, row.kind], (row) => row.people);
    expectProtectedAndConsistent('civil-events-by-month-commune', published, ['month', 'unit_code', 'kind'], direct, { somePublished: false });
    await expectSourceCounts('civil-status', 'civil-events-by-month-commune', direct);
  });

  it('land: parcels, area and distinct land users per commune and purpose', async () => {
    const published = await rowsOf('land-area-by-purpose-commune');
    const knex = await knexOf('land');
    const parcels: { id: string; unit: string; purpose: string; area: string }[] = await knex('land_parcel').select({ id: 'id', unit: 'unit_code', purpose: 'land_use_purpose', area: 'area' });
    const holders: { parcel: string; citizen: string | null }[] = await knex('parcel_holder').select({ parcel: 'parcel_id', citizen: 'citizen_id' });
    const parcelById = new Map(parcels.map((parcel) => [parcel.id, parcel]));
    const usersByCell = new Map<string, Set<string>>();
    for (const holder of holders) {
      if (!holder.citizen) continue;
      const parcel = parcelById.get(holder.parcel)!;
      const key = JSON.stringify([parcel.unit, parcel.purpose]);
      if (!usersByCell.has(key)) usersByCell.set(key, new Set());
      usersByCell.get(key)!.add(holder.citizen);
    }
    const cellKeys = new Set(parcels.map((parcel) => JSON.stringify([parcel.unit, parcel.purpose])));
    const direct = new Map([...cellKeys].map((key) => [key, usersByCell.get(key)?.size ?? 0]));
    const [unit, purpose, parcelCount, area, people] = [0, 1, 2, 3, 4];
    // Cells of enterprise land only count 0 people and are published: compare those keys too.
    const rowsWithPeople = { ...published, rows: published.rows.filter((row) => row[people] !== 0) };
    expectProtectedAndConsistent('land-area-by-purpose-commune', rowsWithPeople, ['unit_code', 'land_use_purpose'], new Map([...direct].filter(([, count]) => count > 0)));
    await expectSourceCounts('land', 'land-area-by-purpose-commune', direct);
    for (const row of published.rows) {
      if (row[purpose] === TOTAL || row[people] === null) continue;
      const cell = parcels.filter((parcel) => parcel.unit === row[unit] && parcel.purpose === row[purpose]);
      expect(row[parcelCount]).toBe(cell.length);
      expect(row[area]).toBeCloseTo(cell.reduce((sum, parcel) => sum + Number(parcel.area), 0), 1);
    }
    // A suppressed cell hides its parcels and area with its people.
    for (const row of published.rows.filter((candidate) => candidate[people] === null)) expect([row[parcelCount], row[area]]).toEqual([null, null]);
  });

  it('social protection: distinct beneficiaries per programme and commune', async () => {
    const published = await rowsOf('social-beneficiaries-by-programme-commune');
    const knex = await knexOf('social');
    const benefits: { citizen: string; programme: string; unit: string | null }[] = await knex('benefit').select({ citizen: 'citizen_id', programme: 'program_code', unit: 'unit_code' }).where('status', 'active');
    const distinct = [...new Map(benefits.filter((row) => row.unit).map((row) => [`${row.programme} ${row.citizen}`, row])).values()];
    const direct = tally(distinct, (row) => [row.programme, row.unit!]);
    // A commune's beneficiaries of one programme are fewer than k in the test province: the cells are
    // suppressed, and each programme's total over the province is what is published.
    expectProtectedAndConsistent('social-beneficiaries-by-programme-commune', published, ['programme', 'unit_code'], direct, { somePublished: false });
    const programmeTotals = published.rows.filter((row) => row[1] === TOTAL);
    expect(programmeTotals.length).toBeGreaterThan(0);
    expect(programmeTotals.every((row) => typeof row[2] === 'number' && row[2] >= 10)).toBe(true);
    await expectSourceCounts('social', 'social-beneficiaries-by-programme-commune', direct);
  });

  it('business: the public part of every enterprise entry, never the representative or the capital', async () => {
    const published = await rowsOf('enterprises');
    const knex = await knexOf('business');
    const entries: { code: string; name: string; sector: string; representative: string; capital: string }[] = await knex('enterprise')
      .select({ code: 'code', name: 'name', sector: 'sector', representative: 'legal_representative_id', capital: 'charter_capital' })
      .orderBy('code');
    expect(published.rows.map((row) => row[0])).toEqual(entries.map((entry) => entry.code));
    expect(published.rows.map((row) => row[1])).toEqual(entries.map((entry) => entry.name));
    expect(published.rows.every((row) => typeof row[4] === 'string' && /^[A-U]$/.test(row[4]))).toBe(true);
    expect(published.rows.map((row) => row[3])).toEqual(expect.arrayContaining(['ACTIVE']));
    const text = JSON.stringify(published.rows);
    for (const entry of entries.slice(0, 50)) {
      expect(text).not.toContain(entry.representative);
      expect(text).not.toContain(`"${entry.capital}"`);
    }
  });

  it("refuses a publisher of another agency and an officer of the dataset's own agency", async () => {
    for (const dataset of list.datasets.filter((candidate) => candidate.source.subgraph !== 'platform')) {
      const other = dataset.publisher === 'so-tu-phap' ? 'so-tai-chinh' : 'so-tu-phap';
      expect(await askRegister(dataset.source.subgraph, caller(['publisher'], other), { dataset: dataset.id })).toEqual({ status: 200, body: { outcome: 'NOT_ALLOWED' } });
      expect(await askRegister(dataset.source.subgraph, caller(['officer'], dataset.publisher), { dataset: dataset.id })).toEqual({ status: 200, body: { outcome: 'NOT_ALLOWED' } });
    }
  });

  it('refuses an unknown dataset, one another register computes, and a malformed request as BAD_USER_INPUT', async () => {
    const publisher = caller(['publisher'], 'cong-an-tinh');
    expect(await askRegister('population', publisher, { dataset: 'population-by-religion' })).toEqual({
      status: 400,
      body: { errors: [{ message: 'The open-data list has no dataset "population-by-religion"', extensions: { code: 'BAD_USER_INPUT' } }] },
    });
    expect(await askRegister('population', publisher, { dataset: 'enterprises' })).toMatchObject({
      status: 400,
      body: { errors: [{ message: 'Dataset "enterprises" is not computed by this register', extensions: { code: 'BAD_USER_INPUT' } }] },
    });
    expect(await askRegister('population', publisher, { dataset: 42 })).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
  });

  it('answers only the open-data token of its own register', async () => {
    const publisher = caller(['publisher'], 'cong-an-tinh');
    expect((await askRegister('population', publisher, { dataset: 'population-by-commune-gender-age' }, 'population')).status).toBe(401);
    expect((await askRegister('population', publisher, { dataset: 'population-by-commune-gender-age' }, openDataAudience('land'))).status).toBe(401);
  });
});
