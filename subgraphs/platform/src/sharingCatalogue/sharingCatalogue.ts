// The catalogue of sharing services, kept in the platform's `sharing_service` table so that a service
// that leaves the policies stays listed as REMOVED with the day it went. The policies on disk are
// compiled once per change (policiesOnDisk); the catalogue is rebuilt and reconciled with the table only
// when that result changes, never per request: a request costs a stat of the policy files and one query.
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import { DEV_ISSUER } from '../../../../shared/auth/devKeys.ts';
import { config } from '../../../../shared/config/config.ts';
import { subgraphTypeDefs } from '../../../../shared/config/subgraphSchemas.ts';
import { anyOf } from '../../../../shared/db/anyOf.ts';
import { policySchemaOf } from '../../../../shared/policy/checkSubgraphPolicies.ts';
import type { CompiledPolicies } from '../../../../shared/policy/compilePolicies.ts';
import { readPolicyFiles } from '../../../../shared/policy/readPolicyFiles.ts';
import { policiesOnDisk } from '../policyConsole/policiesOnDisk.ts';
import { buildSharingServices, type SharingServiceEntry } from './buildSharingServices.ts';
import { searchText } from './searchText.ts';

export type SharingServiceStatus = 'active' | 'disabled' | 'removed';

export interface SharingServiceRow {
  id: string;
  status: SharingServiceStatus;
  entry: SharingServiceEntry;
  firstSeenAt: Date | string;
  removedAt: Date | string | null;
}

export const SHARING_SERVICE_COLUMNS = { id: 'id', status: 'status', entry: 'entry', firstSeenAt: 'first_seen_at', removedAt: 'removed_at' };

let apiSchema: GraphQLSchema | undefined;
/** The public schema clients query, from the committed supergraph (as the policy console's explainAccess reads it). */
function publicSchema(): GraphQLSchema {
  apiSchema ??= Supergraph.build(readFileSync(new URL('../../../../gateway/supergraph.graphql', import.meta.url), 'utf8')).apiSchema().toGraphQLJSSchema();
  return apiSchema;
}

/** The entries of the policies in force, with the `about` of each policy read from its file. */
export function servicesOf(policies: ReadonlyMap<string, CompiledPolicies>, dir: string): SharingServiceEntry[] {
  const abouts = new Map<string, string>();
  const subgraphSchemas = new Map<string, GraphQLSchema>();
  for (const { name, typeDefs } of subgraphTypeDefs()) {
    if (!policies.has(name)) continue;
    subgraphSchemas.set(name, policySchemaOf(typeDefs));
    for (const { document } of readPolicyFiles(dir, name).files) abouts.set(document.policy, document.about);
  }
  return buildSharingServices({
    policies,
    subgraphSchemas,
    apiSchema: publicSchema(),
    abouts,
    gatewayUrl: config.publicGatewayUrl,
    tokenIssuer: config.jwtIssuer ?? DEV_ISSUER,
  });
}

/** JSON with keys sorted at every level: jsonb gives keys back in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1))) : inner,
  );
}

function searchTextOf(entry: SharingServiceEntry, ownerName: string | undefined): string {
  return searchText(
    [
      entry.id,
      entry.type,
      entry.description,
      ...entry.fields.flatMap((field) => [field.name, `${entry.type}.${field.name}`, field.description ?? '']),
      entry.ownerAgency,
      ownerName ?? '',
    ].join(' \n '),
  );
}

/** Writes the entries of the policies in force, and marks REMOVED those of a register whose policies no longer have them. */
export async function reconcile(knex: Knex, entries: readonly SharingServiceEntry[], registers: ReadonlySet<string>): Promise<void> {
  const owners = [...new Set(entries.map((entry) => entry.ownerAgency))];
  const names = new Map<string, string>(
    (await knex('agency').select('code', 'name').where(anyOf(knex, 'code', owners))).map((row: { code: string; name: string }) => [row.code, row.name]),
  );
  await knex.transaction(async (trx) => {
    const existing = new Map<string, { status: string; register: string; entry: unknown }>(
      (await trx('sharing_service').select('id', 'status', 'register', 'entry').forUpdate()).map((row: { id: string; status: string; register: string; entry: unknown }) => [row.id, row]),
    );
    const now = trx.fn.now();
    const inserts = [];
    for (const entry of entries) {
      const row = {
        register: entry.register,
        owner_agency: entry.ownerAgency,
        level: entry.classification,
        status: entry.disabled ? 'disabled' : 'active',
        purposes: entry.purposes,
        search_text: searchTextOf(entry, names.get(entry.ownerAgency)),
        entry: JSON.stringify(entry),
      };
      const was = existing.get(entry.id);
      if (!was) inserts.push({ id: entry.id, ...row });
      else if (was.status !== row.status || canonical(was.entry) !== canonical(entry)) {
        await trx('sharing_service').where('id', entry.id).update({ ...row, removed_at: null, updated_at: now });
      }
    }
    if (inserts.length) await trx('sharing_service').insert(inserts);
    const present = new Set(entries.map((entry) => entry.id));
    const gone = [...existing].filter(([id, row]) => row.status !== 'removed' && registers.has(row.register) && !present.has(id)).map(([id]) => id);
    if (gone.length) await trx('sharing_service').where(anyOf(trx, 'id', gone)).update({ status: 'removed', removed_at: now, updated_at: now });
  });
}

interface CatalogueState {
  /** The compiled policies the table was last reconciled with. */
  built: ReadonlyMap<string, CompiledPolicies> | null;
  running: { policies: ReadonlyMap<string, CompiledPolicies>; done: Promise<void> } | null;
}

// Per database: the test stack and `npm start` run one platform per process, a bench may run others.
const states = new WeakMap<Knex, CatalogueState>();

/**
 * Brings the table in step with the policies on disk, when they changed since the last time (one
 * reconcile at a time per database; concurrent requests wait for it). A register whose policies do
 * not compile keeps its services as they were (the subgraph keeps its last good policy too).
 */
export async function catalogueInStep(knex: Knex, dir: string): Promise<void> {
  const policies = policiesOnDisk(dir);
  let state = states.get(knex);
  if (!state) states.set(knex, (state = { built: null, running: null }));
  if (state.built === policies) return;
  if (state.running?.policies === policies) return state.running.done;
  const current = state;
  const done = (async () => {
    await current.running?.done.catch(() => undefined);
    await reconcile(knex, servicesOf(policies, dir), new Set(policies.keys()));
    current.built = policies;
  })();
  current.running = { policies, done };
  try {
    await done;
  } finally {
    if (current.running?.done === done) current.running = null;
  }
}

export interface SharingServiceFilter {
  text?: string | null;
  ownerAgency?: string | null;
  /** A level: public, internal, personal, sensitive. */
  level?: string | null;
  purpose?: string | null;
  status?: SharingServiceStatus | null;
}

/** The services matching a filter, unordered (fetchPage orders and pages them by id). */
export function sharingServiceList(knex: Knex, filter: SharingServiceFilter): Knex.QueryBuilder {
  const query = knex('sharing_service').select(SHARING_SERVICE_COLUMNS);
  if (filter.text) query.whereLike('search_text', `%${searchText(filter.text).replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
  if (filter.ownerAgency) query.where('owner_agency', filter.ownerAgency);
  if (filter.level) query.where('level', filter.level);
  if (filter.purpose) query.whereRaw('? = any(purposes)', [filter.purpose]);
  if (filter.status) query.where('status', filter.status);
  return query;
}

export function sharingServicesByIds(knex: Knex, ids: readonly string[]): Promise<SharingServiceRow[]> {
  return knex('sharing_service').select(SHARING_SERVICE_COLUMNS).where(anyOf(knex, 'id', ids));
}

