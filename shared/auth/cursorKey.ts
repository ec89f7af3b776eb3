// The key a subgraph seals its list cursors with: derived from the internal-token key of its own
// audience, which it already holds (INTERNAL_TOKEN_KEY_<NAME>, or derived from the master secret in
// development and with `npm start`), so no new secret is configured. Derived once per service and
// process; a cursor sealed by one register cannot be opened by another.
import { createHmac } from 'node:crypto';
import { config } from '../config/config.ts';
import { envPrefix } from '../config/services.ts';
import { devInternalMasterSecret } from './devKeys.ts';
import { deriveSubgraphKey } from './internalToken.ts';
import type { Principal } from './Principal.ts';

const keys = new Map<string, Buffer>();

function ownAudienceKey(subgraph: string): Buffer {
  const own = config.internalTokenKeys[envPrefix(subgraph)];
  if (own) return Buffer.from(own, 'hex');
  const master = config.internalTokenSecret ?? (config.isProduction ? undefined : devInternalMasterSecret());
  if (!master) throw new Error(`No internal-token key for ${subgraph}: cursors cannot be sealed`);
  return deriveSubgraphKey(master, subgraph);
}

/** 32 bytes (AES-256-GCM), HMAC-SHA256 of the subgraph's own internal-token key. */
export function cursorKeyOf(subgraph: string): Buffer {
  let key = keys.get(subgraph);
  if (!key) keys.set(subgraph, (key = createHmac('sha256', ownAudienceKey(subgraph)).update(`list-cursor:${subgraph}`).digest()));
  return key;
}

/**
 * What a cursor is bound to besides its list and filters: the key of the register that gave it out, the
 * caller's agency, and a citizen's own id (a citizen's cursor is theirs alone).
 */
export function cursorOwnerOf(subgraph: string, principal: Principal): { key: Buffer; agency: string | null; subject: string | null } {
  return {
    key: cursorKeyOf(subgraph),
    agency: principal.agency,
    subject: principal.roles.includes('citizen') ? principal.subject : null,
  };
}

/** The binding of one list's cursors: its coordinate and its arguments other than `first` and `after`. */
export function listCursorScope(subgraph: string, principal: Principal, field: string, args: object) {
  const { first: _first, after: _after, ...filters } = args as Record<string, unknown>;
  return { ...cursorOwnerOf(subgraph, principal), field, filters };
}
