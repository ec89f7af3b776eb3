// Statistical disclosure control, proved on adversarial small tables and on the seeded province's
// aggregates: no published count below k, and no suppressed count determined by what is published
// (each one's minimum and maximum over every non-negative table consistent with the publication differ,
// by linear programming over the published rows: test/openData/disclosureProof.ts).
import { describe, expect, it } from 'vitest';
import { findDisclosures } from '../../test/openData/disclosureProof.ts';
import { generateProvince, DEFAULT_CITIZENS, DEFAULT_SEED } from '../../synthetic/index.ts';
import { ageBandOf, ageOnDay } from './ageBands.ts';
import { protectedRows, protectTable, TOTAL, type AggregateCell, type AggregateTable } from './disclosureControl.ts';

function publish(table: AggregateTable, k = 10) {
  const prot = protectTable(table, k);
  const columns = [...table.dimensions, 'people', ...(table.measures ?? [])];
  const rows = protectedRows(prot, columns);
  return { prot, rows, finding: findDisclosures({ columns, dimensions: table.dimensions, count: 'people', rows }, k) };
}

/** A two-way table with its row and column totals published. */
function twoWay(values: number[][]): AggregateTable {
  const cells: AggregateCell[] = values.flatMap((row, r) => row.map((people, c) => ({ key: [`r${r}`, `c${c}`], people })));
  return { dimensions: ['row', 'col'], cells, totalsBy: [['row'], ['col']] };
}

function expectSafe(finding: ReturnType<typeof findDisclosures>) {
  expect(finding.smallCounts).toEqual([]);
  expect(finding.determined).toEqual([]);
}

describe('statistical disclosure control', () => {
  it('hides a row\'s one small cell and a second cell, so the row total does not give it away', () => {
    const { prot, rows, finding } = publish({ dimensions: ['unit', 'kind'], cells: [{ key: ['01', 'a'], people: 3 }, { key: ['01', 'b'], people: 20 }, { key: ['01', 'c'], people: 30 }], totalsBy: [['unit']] });
    expect(prot.cells.map((cell) => cell.suppression)).toEqual(['primary', 'complementary', null]);
    expect(rows).toEqual([['01', 'a', null], ['01', 'b', null], ['01', 'c', 30], ['01', TOTAL, 53]]);
    expectSafe(finding);
    expect(finding.provedFree).toBe(2);
  });

  it('protects a cell that row and column totals together would give away', () => {
    const { prot, finding } = publish(twoWay([[20, 25, 30], [22, 3, 40], [35, 28, 50]]));
    expect(prot.cells.filter((cell) => cell.suppression !== null).length).toBeGreaterThanOrEqual(4);
    expectSafe(finding);
  });

  it('protects a table where two suppressions in every row and column would still give a value away', () => {
    // Found by searching random tables: after the per-line rule, the published row and column totals
    // still determined a suppressed value; the exact row-space test adds the complement that frees it.
    const { finding } = publish(twoWay([[36, 38, 25, 26], [11, 0, 33, 18], [0, 0, 11, 26], [29, 4, 38, 30], [14, 15, 15, 29]]));
    expectSafe(finding);
  });

  it('suppresses a total under k with all its cells, and publishes zeros', () => {
    const { rows, finding } = publish({ dimensions: ['unit', 'kind'], cells: [{ key: ['01', 'a'], people: 4 }, { key: ['01', 'b'], people: 2 }, { key: ['01', 'c'], people: 0 }, { key: ['02', 'a'], people: 15 }, { key: ['02', 'b'], people: 0 }], totalsBy: [['unit']] });
    expect(rows).toEqual([['01', 'a', null], ['01', 'b', null], ['01', 'c', 0], ['01', TOTAL, null], ['02', 'a', 15], ['02', 'b', 0], ['02', TOTAL, 15]]);
    expectSafe(finding);
  });

  it('suppresses other measures with the count and publishes their totals', () => {
    const { rows } = publish({ dimensions: ['unit', 'purpose'], measures: ['area'], cells: [{ key: ['01', 'LUC'], people: 5, measures: [1200.5] }, { key: ['01', 'ONT'], people: 40, measures: [300] }, { key: ['01', 'SKC'], people: 12, measures: [5000] }], totalsBy: [['unit']] });
    expect(rows).toEqual([['01', 'LUC', null, null], ['01', 'ONT', 40, 300], ['01', 'SKC', null, null], ['01', TOTAL, 57, 6500.5]]);
  });

  it('leaves nothing derivable in many small two-way tables with both margins', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let t = 0; t < 40; t++) {
      const rows = 2 + Math.floor(next() * 4);
      const cols = 2 + Math.floor(next() * 4);
      const values = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (next() < 0.15 ? 0 : Math.floor(next() * 30))));
      const { finding } = publish(twoWay(values));
      expectSafe(finding);
    }
  });

  it('the proof finds what suppressing small cells alone would give away', () => {
    const rows = [['01', 'a', null], ['01', 'b', 20], ['01', 'c', 30], ['01', TOTAL, 53]];
    expect(findDisclosures({ columns: ['unit', 'kind', 'people'], dimensions: ['unit', 'kind'], count: 'people', rows }, 10).determined).toEqual([{ key: ['01', 'a'], min: 3, max: 3 }]);
    const small = [['01', 'a', 3], ['01', TOTAL, 3]];
    expect(findDisclosures({ columns: ['unit', 'kind', 'people'], dimensions: ['unit', 'kind'], count: 'people', rows: small }, 10).smallCounts).toEqual(small);
  });

  it('refuses a threshold under 2', () => {
    expect(() => protectTable({ dimensions: ['a'], cells: [], totalsBy: [] }, 1)).toThrow('at least 2');
  });

  describe('on the seeded province', () => {
    const province = generateProvince({ seed: DEFAULT_SEED, citizens: DEFAULT_CITIZENS });
    const count = (keys: string[][]): AggregateCell[] => {
      const cells = new Map<string, AggregateCell & { people: number }>();
      for (const key of keys) {
        const id = JSON.stringify(key);
        const cell = cells.get(id) ?? { key, people: 0 };
        cell.people += 1;
        cells.set(id, cell);
      }
      return [...cells.values()];
    };

    it('population by commune, gender and age band', () => {
      const today = '2026-11-01';
      const cells = count(province.citizens.filter((c) => c.dateOfDeath === null).map((c) => [c.unitCode, c.gender, ageBandOf(ageOnDay(c.dateOfBirth, today))]));
      const { prot, finding } = publish({ dimensions: ['unit_code', 'gender', 'age_band'], cells, totalsBy: [['unit_code']] });
      expect(prot.cells.some((cell) => cell.suppression === 'primary')).toBe(true);
      expect(prot.cells.some((cell) => cell.suppression === null && (cell.people ?? 0) >= 10)).toBe(true);
      expectSafe(finding);
    });

    it('social-protection beneficiaries by programme and commune', () => {
      const unitOf = new Map(province.citizens.map((c) => [c.id, c.unitCode]));
      // Distinct people per programme: a person with two benefits of one programme counts once.
      const people = new Map(province.benefits.filter((b) => b.status === 'active').map((b) => [`${b.programCode} ${b.citizenId}`, [b.programCode, unitOf.get(b.citizenId)!]]));
      const keys = [...people.values()];
      expect(keys.length).toBeGreaterThan(50);
      const { finding } = publish({ dimensions: ['programme', 'unit_code'], cells: count(keys), totalsBy: [['unit_code']] });
      expectSafe(finding);
    });
  });
});
