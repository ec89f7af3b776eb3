// Statistical disclosure control of an aggregate open dataset (issue 15, item 2): no published cell
// counts fewer than k people, and no suppressed value can be worked out from what is published.
//
// The table. Cells are keyed by dimensions (commune, gender, age band...) and count people; a cell may
// carry other additive measures (parcels, area), published or suppressed with its count. A cell the
// register has no row for counts nobody: it is absent from the published rows, so a reader knows it is 0.
//
// The totals it publishes. Each aggregate declares its margins (`totalsBy`): a total row per value of the
// dimensions it is *by*, summing every measure over the other dimensions, written with the label TOTAL in
// the summed dimensions. The seeded datasets publish one margin each: a total row per commune (population,
// land), per month and commune (civil events), per programme over the province (social protection, whose
// communes' cells are small), so a reader gets those figures even where their cells are suppressed.
// A total is the sum of its cells: where a cell counts distinct people (land users, beneficiaries) a
// person counted in two cells counts twice in the total, which keeps every total an exact linear
// constraint (what the proof below reasons about) instead of an inequality.
//
// Zeros. A cell counting 0 people is published (by its absence, or as 0 where it has other measures):
// it discloses nothing about any person, and a structural zero (no men in a maternity programme) would
// be known anyway. Zeros are never suppressed and never chosen as complements.
//
// Primary suppression: every cell, and every total, counting 1 to k-1 people.
// Complementary suppression, repeated until nothing changes:
//   1. a published total whose line holds exactly one suppressed cell would give that cell away: the
//      smallest other cell counting people in the line is suppressed too (its total, if the line has
//      none left);
//   2. exactly: a suppressed cell (or a suppressed total) is determined by what is published when its
//      unit vector (the indicator of its suppressed cells) lies in the row space of the published totals'
//      equations over the suppressed cells; Gaussian elimination per connected group of lines says so.
//      Each determined one gets one more complement in a line through it.
// Why the rank test is the right one: every suppressed cell counts at least one person (zeros are never
// suppressed), so the true table is an interior point of the non-negative tables consistent with the
// publication; a value outside the row space can then be moved both ways along a direction of the null
// space while staying non-negative, so its minimum and maximum differ; a value inside it is fixed. The
// unit tests check the same property independently with a linear program (min and max of each cell).
// Suppressed values are published as null; other measures of a suppressed cell are suppressed with it.

export const DEFAULT_MINIMUM_CELL_COUNT = 10;
/** The label of a summed dimension in a total row. */
export const TOTAL = 'TOTAL';

export interface AggregateCell {
  /** The dimension values, in the table's dimension order. */
  key: readonly string[];
  /** The people the cell counts: the k rule applies to it. */
  people: number;
  /** Other additive measures, in the table's `measures` order. */
  measures?: readonly number[];
}

export interface AggregateTable {
  dimensions: readonly string[];
  /** The name of the count of people (a column of the dataset), `people` by default. */
  countName?: string;
  measures?: readonly string[];
  cells: readonly AggregateCell[];
  /** The published margins: each the dimensions a total is by (it sums over the others). */
  totalsBy: readonly (readonly string[])[];
}

export type Suppression = 'primary' | 'complementary' | null;

export interface PublishedCell {
  key: string[];
  people: number | null;
  measures: (number | null)[];
  suppression: Suppression;
}

export interface PublishedTotal extends PublishedCell {
  /** The dimensions this total is by. */
  by: string[];
  /** Indexes of its cells in `cells`. */
  members: number[];
}

export interface ProtectedTable {
  dimensions: string[];
  countName: string;
  measures: string[];
  cells: PublishedCell[];
  totals: PublishedTotal[];
}

interface Line {
  by: string[];
  key: string[];
  members: number[];
  people: number;
  measures: number[];
  suppression: Suppression;
}

/** Statistical disclosure control of `table` with threshold `k` (at least 2). */
export function protectTable(table: AggregateTable, k: number = DEFAULT_MINIMUM_CELL_COUNT): ProtectedTable {
  if (!Number.isInteger(k) || k < 2) throw new Error(`The minimum cell count must be a whole number of at least 2, not ${k}`);
  const dimensions = [...table.dimensions];
  const measures = [...(table.measures ?? [])];
  const cells = table.cells.map((cell) => {
    if (cell.key.length !== dimensions.length) throw new Error(`A cell has ${cell.key.length} dimension values, the table ${dimensions.length}`);
    if (!Number.isInteger(cell.people) || cell.people < 0) throw new Error(`A cell counts ${cell.people} people`);
    return { key: [...cell.key], people: cell.people, measures: measures.map((_, m) => cell.measures?.[m] ?? 0) };
  });
  const lines = linesOf(dimensions, measures.length, cells, table.totalsBy);
  const suppression: Suppression[] = cells.map((cell) => (cell.people > 0 && cell.people < k ? 'primary' : null));
  for (const line of lines) if (line.people > 0 && line.people < k) line.suppression = 'primary';

  const byPeople = (a: number, b: number) => cells[a].people - cells[b].people || compareKeys(cells[a].key, cells[b].key);
  /** Suppresses the smallest published cell counting people in `line` besides `except`; false when there is none. */
  const complementIn = (line: Line, except: ReadonlySet<number>): boolean => {
    const candidates = line.members.filter((i) => suppression[i] === null && cells[i].people > 0 && !except.has(i)).sort(byPeople);
    if (candidates.length === 0) return false;
    suppression[candidates[0]] = 'complementary';
    return true;
  };

  for (;;) {
    // 1. No published line with a single suppressed cell.
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) {
        if (line.suppression !== null) continue;
        const suppressed = line.members.filter((i) => suppression[i] !== null);
        if (suppressed.length !== 1) continue;
        if (!complementIn(line, new Set(suppressed))) line.suppression = 'complementary';
        changed = true;
      }
    }
    // 2. Exactly: nothing suppressed determined by the published equations.
    const determined = determinedTargets(cells.length, suppression, lines);
    if (determined.length === 0) break;
    const support = determined[0];
    const through = lines.filter((line) => line.suppression === null && line.members.some((i) => support.has(i)));
    // Only a published total can determine anything: there is one through what it determines.
    if (through.length === 0) throw new Error('Disclosure control found a suppressed value determined by no published total');
    if (!through.some((line) => complementIn(line, support))) for (const line of through) line.suppression = 'complementary';
  }

  const publishedCells: PublishedCell[] = cells.map((cell, i) =>
    suppression[i] === null
      ? { key: cell.key, people: cell.people, measures: cell.measures, suppression: null }
      : { key: cell.key, people: null, measures: cell.measures.map(() => null), suppression: suppression[i] },
  );
  const totals: PublishedTotal[] = lines.map((line) => ({
    by: line.by,
    key: line.key,
    members: line.members,
    people: line.suppression === null ? line.people : null,
    // Sums of decimals (areas) without binary noise: 6500.5, not 6500.500000000001.
    measures: line.suppression === null ? line.measures.map((value) => Math.round(value * 1e6) / 1e6) : line.measures.map(() => null),
    suppression: line.suppression,
  }));
  return { dimensions, countName: table.countName ?? 'people', measures, cells: publishedCells, totals };
}

function linesOf(dimensions: string[], measureCount: number, cells: { key: string[]; people: number; measures: number[] }[], totalsBy: AggregateTable['totalsBy']): Line[] {
  const lines: Line[] = [];
  for (const by of totalsBy) {
    const indexes = by.map((name) => {
      const index = dimensions.indexOf(name);
      if (index < 0) throw new Error(`A total is by "${name}", which is not a dimension of the table`);
      return index;
    });
    const byKey = new Map<string, Line>();
    cells.forEach((cell, i) => {
      const key = dimensions.map((_, d) => (indexes.includes(d) ? cell.key[d] : TOTAL));
      const id = JSON.stringify(key);
      let line = byKey.get(id);
      if (!line) {
        line = { by: [...by], key, members: [], people: 0, measures: new Array(measureCount).fill(0), suppression: null };
        byKey.set(id, line);
        lines.push(line);
      }
      line.members.push(i);
      line.people += cell.people;
      cell.measures.forEach((value, m) => (line!.measures[m] += value));
    });
  }
  return lines;
}

/**
 * The suppressed values (as the sets of suppressed cells they sum) that the published totals determine:
 * each suppressed cell, and each suppressed total's suppressed cells.
 */
function determinedTargets(cellCount: number, suppression: readonly Suppression[], lines: readonly Line[]): Set<number>[] {
  const equations = lines.filter((line) => line.suppression === null).map((line) => line.members.filter((i) => suppression[i] !== null)).filter((vars) => vars.length > 0);
  // Connected groups of suppressed cells: cells sharing an equation.
  const parent = Array.from({ length: cellCount }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const vars of equations) for (const i of vars.slice(1)) parent[find(i)] = find(vars[0]);
  const groups = new Map<number, { vars: number[]; equations: number[][] }>();
  for (let i = 0; i < cellCount; i++) {
    if (suppression[i] === null) continue;
    const root = find(i);
    if (!groups.has(root)) groups.set(root, { vars: [], equations: [] });
    groups.get(root)!.vars.push(i);
  }
  for (const vars of equations) groups.get(find(vars[0]))!.equations.push(vars);
  const reducers = new Map<number, (target: ReadonlyMap<number, number>) => boolean>();
  for (const [root, group] of groups) reducers.set(root, rowSpaceTest(group.vars, group.equations));

  const inRowSpace = (support: ReadonlySet<number>): boolean => {
    // A sum over several groups is determined when each group's part is.
    const parts = new Map<number, Map<number, number>>();
    for (const i of support) {
      const root = find(i);
      if (!parts.has(root)) parts.set(root, new Map());
      parts.get(root)!.set(i, 1);
    }
    return [...parts].every(([root, part]) => reducers.get(root)!(part));
  };
  const determined: Set<number>[] = [];
  for (let i = 0; i < cellCount; i++) if (suppression[i] !== null && inRowSpace(new Set([i]))) determined.push(new Set([i]));
  for (const line of lines) {
    if (line.suppression === null) continue;
    const support = new Set(line.members.filter((i) => suppression[i] !== null));
    // A suppressed total whose cells are all published is their sum: determined.
    if (support.size === 0 ? line.people > 0 : inRowSpace(support)) determined.push(support.size === 0 ? new Set(line.members) : support);
  }
  return determined;
}

/** Whether a vector over `vars` lies in the row space of the 0/1 equations (reduced row echelon form). */
function rowSpaceTest(vars: number[], equations: number[][]): (target: ReadonlyMap<number, number>) => boolean {
  const column = new Map(vars.map((v, c) => [v, c]));
  const rows = equations.map((eq) => {
    const row = new Array<number>(vars.length).fill(0);
    for (const v of eq) row[column.get(v)!] = 1;
    return row;
  });
  const EPSILON = 1e-9;
  const pivots: { column: number; row: number[] }[] = [];
  let remaining = rows;
  for (let c = 0; c < vars.length && remaining.length > 0; c++) {
    const at = remaining.findIndex((row) => Math.abs(row[c]) > EPSILON);
    if (at < 0) continue;
    const pivot = remaining[at].map((value) => value / remaining[at][c]);
    remaining = remaining.filter((_, r) => r !== at).map((row) => (Math.abs(row[c]) > EPSILON ? row.map((value, j) => value - row[c] * pivot[j]) : row));
    for (const earlier of pivots) {
      const factor = earlier.row[c];
      if (Math.abs(factor) > EPSILON) earlier.row = earlier.row.map((value, j) => value - factor * pivot[j]);
    }
    pivots.push({ column: c, row: pivot });
  }
  return (target) => {
    const vector = new Array<number>(vars.length).fill(0);
    for (const [v, value] of target) vector[column.get(v)!] = value;
    for (const { column: c, row } of pivots) {
      const factor = vector[c];
      if (Math.abs(factor) > EPSILON) for (let j = 0; j < vector.length; j++) vector[j] -= factor * row[j];
    }
    return vector.every((value) => Math.abs(value) <= EPSILON);
  };
}

/** Dimension values in order, TOTAL after every other value. */
export function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let d = 0; d < a.length; d++) {
    if (a[d] === b[d]) continue;
    if (a[d] === TOTAL) return 1;
    if (b[d] === TOTAL) return -1;
    return a[d] < b[d] ? -1 : 1;
  }
  return 0;
}

/**
 * The published rows of a protected table in a dataset's column order (each column a dimension, the
 * count or a measure, by name): cells and totals together, sorted by their dimension values, a total
 * after the cells it sums. Suppressed values are null.
 */
export function protectedRows(table: ProtectedTable, columns: readonly string[]): (string | number | null)[][] {
  const pick = columns.map((name) => {
    const dimension = table.dimensions.indexOf(name);
    if (dimension >= 0) return (row: PublishedCell) => row.key[dimension];
    if (name === table.countName) return (row: PublishedCell) => row.people;
    const measure = table.measures.indexOf(name);
    if (measure >= 0) return (row: PublishedCell) => row.measures[measure];
    throw new Error(`Column "${name}" is neither a dimension nor a measure of the table`);
  });
  return [...table.cells, ...table.totals]
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((row) => pick.map((value) => value(row)));
}
