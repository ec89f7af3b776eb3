// Who a citizen may act for: their own children under 18, as the register records the parents. The
// gateway asks this (CHILDREN_PATH) before a request goes on as a child's (X-Child-Id), the platform
// when a parent names a child in a consent or a request; both with a token the gateway minted for that
// citizen's request, so the register tells only that citizen's own minor children. `myMinorChildren`
// tells the signed-in parent the same, so that they can choose a child to act for.
import type { Knex } from 'knex';
import type { Principal } from '../../../shared/auth/Principal.ts';
import { hasRole } from '../../../shared/auth/Principal.ts';
import { MAX_MINOR_CHILDREN } from '../../../shared/loaders/listBounds.ts';

const AGE_OF_MAJORITY = 18;

/** The personal ids of the living minors whose father or mother is `parent`, in id order. */
async function minorChildIds(knex: Knex, parent: string, limit?: number): Promise<string[]> {
  const query = knex('citizen')
    .select({ id: 'id' })
    .where((parents) => parents.where('father_id', parent).orWhere('mother_id', parent))
    .whereNull('date_of_death')
    .where('date_of_birth', '>', knex.raw(`current_date - interval '${AGE_OF_MAJORITY} years'`))
    .orderBy('id');
  if (limit !== undefined) query.limit(limit);
  return (await query).map((row) => row.id as string);
}

/** Only a citizen signed in as themself is anyone's parent here (not a parent already acting for a child). */
function parentOf(principal: Principal): string | null {
  return hasRole(principal, 'citizen') && principal.subject && !principal.guardian ? principal.subject : null;
}

/** The internal route: every minor child, so that no child is refused for being past a page. */
export async function minorChildrenOf(principal: Principal, _body: unknown, knex: Knex): Promise<{ children: string[] }> {
  const parent = parentOf(principal);
  return { children: parent ? await minorChildIds(knex, parent) : [] };
}

/** Query.myMinorChildren. */
export async function myMinorChildren(principal: Principal, knex: Knex): Promise<string[]> {
  const parent = parentOf(principal);
  return parent ? minorChildIds(knex, parent, MAX_MINOR_CHILDREN) : [];
}
