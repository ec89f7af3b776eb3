// What the enforced schema's rules need from a request, declared here so that the policy layer depends
// on no implementation: the subgraph runtime supplies the caller, a recorder (shared/audit) and the
// data subjects' own bases (shared/consent), each added by one stage of the pipeline.
import type { Principal } from '../auth/Principal.ts';
import type { Decision } from './decideAccess.ts';
import type { HeldConnections } from './HeldConnections.ts';
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

export interface PolicyContext {
  principal: Principal;
  disclosures: DisclosureRecorder;
  subjectBases: SubjectBases;
  connections: HeldConnections;
}
