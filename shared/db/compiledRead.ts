// A read whose SQL text never depends on its arguments, only their values, is built by knex once per
// database and then run with each call's values: building and compiling a knex query costs more on every
// call than sending it (docs/request-path-costs.md, "Fixed-shape reads are compiled once").
import type { Knex } from 'knex';
import { sendStatement } from './sendStatement.ts';

/** Where a compiled statement's binding comes from: an argument of the call, or a value fixed in the build. */
type Slot = { argument: number } | { fixed: unknown };

interface Compiled {
  /** With knex's `?` placeholders, for a transaction's knex; and final ($1, $2 …), sent past knex's runner. */
  sql: string;
  native: string;
  slots: Slot[];
}

/** Stands for an argument while the query is built once; knex binds it like any value. */
class ArgumentMarker {
  constructor(readonly index: number) {}
}

function slotOf(binding: unknown, markers: readonly unknown[]): Slot {
  const direct = markers.indexOf(binding);
  if (direct >= 0) return { argument: direct };
  // A list argument built as `[...keys]` (anyOf): a copy of its marker list, holding the one marker.
  if (Array.isArray(binding) && binding.length === 1 && binding[0] instanceof ArgumentMarker) return { argument: binding[0].index };
  return { fixed: binding };
}

function compile<Args extends unknown[]>(knex: Knex, build: (knex: Knex, ...args: Args) => Knex.QueryBuilder, args: Args): Compiled {
  const markers = args.map((arg, index) => (Array.isArray(arg) ? [new ArgumentMarker(index)] : new ArgumentMarker(index)));
  const marked = build(knex, ...(markers as Args)).toSQL();
  // The precondition, checked with the first real call: the same text whatever the values.
  if (build(knex, ...args).toSQL().sql !== marked.sql) throw new Error('compiledRead: the query text depends on its arguments');
  const slots = marked.bindings.map((binding) => slotOf(binding, markers));
  const used = new Set(slots.flatMap((slot) => ('argument' in slot ? [slot.argument] : [])));
  if (used.size !== args.length) throw new Error('compiledRead: an argument is not bound as a value of the query');
  return { sql: marked.sql, native: marked.toNative().sql, slots };
}

/**
 * `build` compiled on the first call on each knex, then run with each call's arguments as the bindings.
 * Only for a query whose shape is fixed: no branch on an argument, no argument spliced into the text. Each
 * argument must reach the query as one bound value (a list through anyOf, one array parameter), which the
 * first call checks. The statement is a named read (namedStatements.ts) like a builder's select.
 */
export function compiledRead<Args extends unknown[], Row>(
  build: (knex: Knex, ...args: Args) => Knex.QueryBuilder,
): (knex: Knex, ...args: Args) => Promise<Row[]> {
  const compiledFor = new WeakMap<Knex, Compiled>();
  return async (knex, ...args) => {
    let compiled = compiledFor.get(knex);
    if (!compiled) {
      compiled = compile(knex, build, args);
      compiledFor.set(knex, compiled);
    }
    const bindings = compiled.slots.map((slot) => ('argument' in slot ? args[slot.argument] : slot.fixed));
    if (knex.isTransaction) {
      const result = await knex.raw(compiled.sql, bindings as Knex.RawBinding[]).options({ namedRead: true });
      return result.rows as Row[];
    }
    return sendStatement<Row>(knex, compiled.native, bindings, { namedRead: true });
  };
}
