// The proof, from the published rows alone (what anyone downloads), that an aggregate open dataset
// discloses no small count: no published count is between 1 and k-1, and every suppressed count can
// take more than one value over the non-negative tables consistent with what is published. Each
// suppressed cell is minimised and maximised by a linear program (javascript-lp-solver): the published
// total rows are the equations, the suppressed cells the unknowns (>= 0). A linear program rather than
// an enumeration: the constraint is exactly "consistent with the publication", and the tables have
// hundreds of unknowns. Solved per connected group of equations, which are independent.
import lpModule, { type SolverAPI } from 'javascript-lp-solver';
import { TOTAL } from '../../shared/openData/disclosureControl.ts';

// The package is CommonJS with ES-module typings: its default export arrives wrapped once under TypeScript's view.
const lp = ((lpModule as unknown as { default?: SolverAPI }).default ?? lpModule) as unknown as SolverAPI;

export interface PublishedAggregate {
  columns: readonly string[];
  dimensions: readonly string[];
  /** The column counting people. */
  count: string;
  rows: readonly (readonly (string | number | null)[])[];
}

export interface DisclosureFinding {
  /** Published counts from 1 to k-1. */
  smallCounts: (string | number | null)[][];
  /** Suppressed cells whose value the publication fixes: the key, its minimum and maximum. */
  determined: { key: string[]; min: number; max: number }[];
  /** How many suppressed cells were proved free. */
  provedFree: number;
}

export function findDisclosures(table: PublishedAggregate, k: number): DisclosureFinding {
  const dims = table.dimensions.map((name) => table.columns.indexOf(name));
  const countAt = table.columns.indexOf(table.count);
  if (dims.some((index) => index < 0) || countAt < 0) throw new Error('The columns do not name the dimensions and the count');
  const smallCounts = table.rows.filter((row) => typeof row[countAt] === 'number' && (row[countAt] as number) > 0 && (row[countAt] as number) < k).map((row) => [...row]);

  const keyOf = (row: readonly (string | number | null)[]) => dims.map((index) => String(row[index]));
  const cells = table.rows.filter((row) => dims.every((index) => row[index] !== TOTAL)).map((row) => ({ key: keyOf(row), count: row[countAt] as number | null }));
  const totals = table.rows.filter((row) => dims.some((index) => row[index] === TOTAL)).map((row) => ({ key: keyOf(row), count: row[countAt] as number | null }));
  const equations = totals
    .filter((total) => total.count !== null)
    .map((total) => {
      const members = cells.map((cell, i) => ({ cell, i })).filter(({ cell }) => total.key.every((value, d) => value === TOTAL || value === cell.key[d]));
      const known = members.reduce((sum, { cell }) => sum + (cell.count ?? 0), 0);
      return { unknowns: members.filter(({ cell }) => cell.count === null).map(({ i }) => i), rhs: total.count! - known };
    })
    .filter((equation) => equation.unknowns.length > 0);

  // Connected groups of unknowns.
  const parent = new Map<number, number>();
  const find = (i: number): number => {
    const p = parent.get(i) ?? i;
    if (p === i) return i;
    const root = find(p);
    parent.set(i, root);
    return root;
  };
  for (const { unknowns } of equations) for (const i of unknowns.slice(1)) parent.set(find(i), find(unknowns[0]));

  const determined: DisclosureFinding['determined'] = [];
  let provedFree = 0;
  cells.forEach((cell, target) => {
    if (cell.count !== null) return;
    const group = equations.filter((equation) => find(equation.unknowns[0]) === find(target));
    const unknowns = [...new Set(group.flatMap((equation) => equation.unknowns))];
    if (!unknowns.includes(target)) unknowns.push(target);
    const constraints = Object.fromEntries(group.map((equation, e) => [`e${e}`, { equal: equation.rhs }]));
    const variables = Object.fromEntries(
      unknowns.map((i) => [`x${i}`, { objective: i === target ? 1 : 0, ...Object.fromEntries(group.flatMap((equation, e) => (equation.unknowns.includes(i) ? [[`e${e}`, 1]] : []))) }]),
    );
    const solve = (opType: 'min' | 'max') => lp.Solve({ optimize: 'objective', opType, constraints, variables } as never) as { feasible: boolean; bounded?: boolean; result: number };
    const max = solve('max');
    const min = solve('min');
    if (!max.feasible || !min.feasible) throw new Error(`The published totals are inconsistent around ${cell.key.join(', ')}`);
    const maxValue = max.bounded === false ? Infinity : max.result;
    if (maxValue - min.result > 1e-6) provedFree += 1;
    else determined.push({ key: cell.key, min: min.result, max: maxValue });
  });
  return { smallCounts, determined, provedFree };
}
