// The append-only history of a platform workflow (connection agreements, data-error reports): one event
// per action, who, when, from which state to which, why, written in the transaction of the change, and
// read back per item through a per-request DataLoader (the newest events of each item, oldest first).
import type { Knex } from 'knex';
import type { Principal } from '../../../../shared/auth/Principal.ts';
import { anyOf } from '../../../../shared/db/anyOf.ts';
import { limitPerGroup } from '../../../../shared/db/limitPerGroup.ts';

/** An event table and the column naming the item it belongs to, with the name that column reads as. */
export interface EventTable<Key extends string> {
  table: string;
  itemColumn: string;
  itemAlias: Key;
}

export type WorkflowEvent<Key extends string, Action extends string, State extends string> = { [K in Key]: string } & {
  seq: string;
  at: Date;
  actor: string;
  actorAgency: string | null;
  actorRoles: string[];
  action: Action;
  fromState: State | null;
  toState: State;
  reason: string | null;
  details: Record<string, unknown> | null;
};

const EVENT_COLUMNS = {
  seq: 'seq',
  at: 'at',
  actor: 'actor',
  actorAgency: 'actor_agency',
  actorRoles: 'actor_roles',
  action: 'action',
  fromState: 'from_state',
  toState: 'to_state',
  reason: 'reason',
  details: 'details',
};

/** The row to insert for one action by `principal` on item `id`. */
export function eventRow<Key extends string>(
  events: EventTable<Key>,
  principal: Principal,
  id: string,
  change: { action: string; from: string | null; to: string; reason: string | null; details: Record<string, unknown> | null },
) {
  return {
    [events.itemColumn]: id,
    actor: principal.subject,
    actor_agency: principal.agency,
    actor_roles: principal.roles,
    action: change.action,
    from_state: change.from,
    to_state: change.to,
    reason: change.reason,
    details: change.details ? JSON.stringify(change.details) : null,
  };
}

/** The histories of a batch of items in one statement, the newest `max` events of each, oldest first. */
export async function historiesOf<Key extends string, Action extends string, State extends string>(
  knex: Knex,
  events: EventTable<Key>,
  ids: readonly string[],
  max: number,
): Promise<Array<WorkflowEvent<Key, Action, State>>> {
  const columns = { ...EVENT_COLUMNS, [events.itemAlias]: events.itemColumn };
  const rows: Array<WorkflowEvent<Key, Action, State>> = await limitPerGroup(knex, knex(events.table).select(columns).where(anyOf(knex, events.itemColumn, ids)), {
    partitionBy: events.itemColumn,
    orderBy: 'seq desc',
    columns: Object.keys(columns).map((alias) => `ranked.${alias}`),
    limit: max,
  });
  return rows.sort((a, b) => Number(a.seq) - Number(b.seq));
}
