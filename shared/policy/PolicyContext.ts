// What the enforced schema's rules need from a request, declared here so that the policy layer depends
// on no implementation: the subgraph runtime supplies the caller, a recorder (shared/audit) and the
// data subjects' own bases (shared/consent), each added by one stage of the pipeline.
import type { Principal } from '../auth/Principal.ts';
import type { Decision } from './decideAccess.ts';
import type { Restriction } from './PolicyDocument.ts';

/** Where a decided field sits in the response (graphql-js `info.path`): a disclosure counts only if its value is there. */
export interface ResponsePath {
  readonly prev: ResponsePath | undefined;
  readonly key: string | number;
}

/** Receives every decision on personal or sensitive data, per data subject, for the disclosure log. */
export interface DisclosureRecorder {
  /** `path`: where the field sits in the response; without one (a decision on no field's value) it is always kept. */
  record(subjects: readonly string[], coordinate: string, decision: Decision, path?: ResponsePath): void;
  /**
   * Hides what this request recorded about one data subject from that subject, as a restricted entry it
   * showed is hidden (the platform's access log shows oversight an entry the subject may not yet see).
   */
  restrictSubject?(subject: string, restriction: Restriction & { requestId: string }): void;
}

/** A legal basis the data subjects give the caller themselves. */
export type SubjectBasisKind = 'consent' | 'subject-request';

/** Looks up, batched per request, whether the data subjects gave the caller a basis of their own. */
export interface SubjectBases {
  /**
   * The id of a grant of this kind for each subject, in order, each covering `fieldGroup` (a
   * `<policy>:<group>` id); null when any subject has none or the lookup failed (fail closed).
   */
  covering(kind: SubjectBasisKind, subjects: readonly string[], fieldGroup: string, options?: { claim: boolean }): Promise<string[] | null>;
}

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

export interface PolicyContext {
  principal: Principal;
  disclosures: DisclosureRecorder;
  subjectBases: SubjectBases;
  connections: HeldConnections;
}
