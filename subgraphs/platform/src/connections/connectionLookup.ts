// The registry's answer to a subgraph about to decide fields gated by `requires_connection`: the
// connections of the token's agency, for the token's purpose, covering any of the services asked
// about, that count today (within their period and approval, Vietnam's date): in force, or suspended
// with the owner's reason. Ended, refused, expired and pending requests are not connections.
import type { Knex } from 'knex';
import type { Principal } from '../../../../shared/auth/Principal.ts';
import { connectionNeedKey, connectionNeedsOf } from '../../../../shared/connections/connectionNeeds.ts';
import { heldConnectionsFrom } from '../../../../shared/connections/heldConnections.ts';
import type { CompiledPolicies } from '../../../../shared/policy/compilePolicies.ts';
import { NO_CONNECTIONS, type HeldConnections } from '../../../../shared/policy/HeldConnections.ts';
import type { ConnectionGrant } from '../../../../shared/connections/connectionRoutes.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { provinceDay } from '../../../../shared/calendar/provinceDay.ts';

const MAX_GROUPS = 500;

function fieldGroupsOf(body: unknown): string[] {
  const groups = (body as { fieldGroups?: unknown }).fieldGroups;
  if (!Array.isArray(groups) || groups.length > MAX_GROUPS || !groups.every((group) => typeof group === 'string' && group.length <= 200)) {
    throw badUserInput(`"fieldGroups" must be at most ${MAX_GROUPS} field-group ids`, 'fieldGroups');
  }
  return groups as string[];
}

/** Connections of `agency` for `purpose` covering any of `fieldGroups` that count on `today`. */
export async function connectionsCounting(knex: Knex, agency: string, purpose: string, fieldGroups: readonly string[], today: string): Promise<ConnectionGrant[]> {
  if (fieldGroups.length === 0) return [];
  const rows: Array<{ id: string; fieldGroups: string[]; state: 'approved' | 'suspended'; reason: string | null }> = await knex('connection_request')
    .select({ id: 'id', fieldGroups: 'field_groups', state: 'state', reason: 'state_reason' })
    .where({ consumer_agency: agency, purpose })
    .whereIn('state', ['approved', 'suspended'])
    .where('period_start', '<=', today)
    .where('approved_until', '>=', today)
    .whereRaw('field_groups && ?::text[]', [[...fieldGroups]])
    .orderBy('id');
  return rows.map((row) => ({ id: row.id, fieldGroups: row.fieldGroups, state: row.state, reason: row.state === 'suspended' ? row.reason : null }));
}

/** The internal route (shared/connections): answered only for the agency and purpose of the caller's token. */
export async function connectionsFor(principal: Principal, body: unknown, knex: Knex): Promise<{ connections: ConnectionGrant[] }> {
  const fieldGroups = fieldGroupsOf(body);
  if (!principal.agency || !principal.purpose) return { connections: [] };
  return { connections: await connectionsCounting(knex, principal.agency, principal.purpose, fieldGroups, provinceDay(new Date())) };
}

/** What the registers would find for `principal` now, for every service some register gates for its agency and purpose (explainAccess). */
export async function connectionsHeldNow(knex: Knex, principal: Principal, policies: ReadonlyMap<string, CompiledPolicies>): Promise<HeldConnections> {
  if (!principal.agency || !principal.purpose) return NO_CONNECTIONS;
  const key = connectionNeedKey(principal.agency, principal.purpose);
  const groups = [...policies.values()].flatMap((compiled) => connectionNeedsOf(compiled).get(key) ?? []);
  if (groups.length === 0) return NO_CONNECTIONS;
  return heldConnectionsFrom(await connectionsCounting(knex, principal.agency, principal.purpose, groups, provinceDay(new Date())));
}
