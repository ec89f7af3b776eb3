// Who a citizen may act for: their own children under 18, as the register records the parents.
// The platform asks this when a parent gives consent or makes a request for a child, with a token
// the gateway minted for that citizen's request; it learns only that citizen's own minor children.
import type { Knex } from 'knex';
import type { Principal } from '../../../shared/auth/Principal.ts';
import { hasRole } from '../../../shared/auth/Principal.ts';

const AGE_OF_MAJORITY = 18;

export async function minorChildrenOf(principal: Principal, _body: unknown, knex: Knex): Promise<{ children: string[] }> {
  if (!hasRole(principal, 'citizen') || !principal.subject) return { children: [] };
  const rows = await knex('citizen')
    .select({ id: 'id' })
    .where((query) => query.where('father_id', principal.subject).orWhere('mother_id', principal.subject))
    .whereNull('date_of_death')
    .where('date_of_birth', '>', knex.raw(`current_date - interval '${AGE_OF_MAJORITY} years'`))
    .orderBy('id');
  return { children: rows.map((row) => row.id as string) };
}
