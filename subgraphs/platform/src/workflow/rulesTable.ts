// A published table of who may do what in which state (REMS-style), for the platform's workflows
// (connection agreements, data-error reports): the mutations check it, a query returns it, the docs print it.
// One row is an action an actor may take from some states; a row not in the table is refused.

export interface TableRow<Action extends string, Actor extends string, State extends string> {
  action: Action;
  actor: Actor;
  /** The states it may start from; empty for the action that makes a new item. */
  from: readonly State[];
}

export interface RulesTable<Action extends string, Actor extends string, State extends string, Row extends TableRow<Action, Actor, State>> {
  /** The row that lets one of `actors` take `action` in `state`, if any. */
  ruleFor(action: Action, actors: readonly Actor[], state: State): Row | undefined;
  /** Whether one of `actors` may take `action` in some state (else the caller's role is refused outright). */
  mayEverTake(action: Action, actors: readonly Actor[]): boolean;
  /** The actions `actors` may take in `state`, in table order, each once. */
  allowedActions(actors: readonly Actor[], state: State): Action[];
  /** The states an action may start from, for whichever actor. */
  statesFor(action: Action): State[];
}

export function rulesTable<Action extends string, Actor extends string, State extends string, Row extends TableRow<Action, Actor, State>>(
  rows: readonly Row[],
): RulesTable<Action, Actor, State, Row> {
  return {
    ruleFor: (action, actors, state) => rows.find((row) => row.action === action && actors.includes(row.actor) && row.from.includes(state)),
    mayEverTake: (action, actors) => rows.some((row) => row.action === action && actors.includes(row.actor)),
    allowedActions: (actors, state) => [...new Set(rows.filter((row) => actors.includes(row.actor) && row.from.includes(state)).map((row) => row.action))],
    statesFor: (action) => [...new Set(rows.filter((row) => row.action === action).flatMap((row) => row.from))],
  };
}
