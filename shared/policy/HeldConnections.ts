// What the policy layer knows of the caller agency's connection agreements for one request: the
// decision (decideAccess.ts) reads it, the subgraph runtime supplies it (shared/connections).

/**
 * An approved connection of the caller's agency to a sharing service (a field group), for the declared
 * purpose, as the platform's registry of connection agreements holds it: in force, or suspended by the
 * owner (with the reason the owner gave, which the refusal passes on).
 */
export type HeldConnection = { id: string; state: 'approved' } | { id: string; state: 'suspended'; reason: string };

/** The caller agency's connections for its declared purpose, looked up once before the call executes. */
export interface HeldConnections {
  /** The connection covering `fieldGroup` (a `<policy>:<group>` id): one in force first, else a suspended one, else null. */
  covering(fieldGroup: string): HeldConnection | null;
}

/** A caller holding no connection (no agency or purpose, a service whose policies need none, a failed lookup). */
export const NO_CONNECTIONS: HeldConnections = { covering: () => null };
