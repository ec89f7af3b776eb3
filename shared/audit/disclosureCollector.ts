// Collects, during one request, every decision on personal or sensitive data, per data subject, with
// where the field sits in the response; the subgraph writes them to the disclosure log as one record
// before the answer leaves (and sends no data if it cannot), keeping only the disclosures whose value
// is in the answer. Per person the fields are grouped by outcome (disclosed on one basis under one
// rule, or refused for one reason): usually one or two groups instead of an entry per field, which
// keeps what every request hashes and writes small.
import type { Principal } from '../auth/Principal.ts';
import type { Decision } from '../policy/decideAccess.ts';
import type { DisclosureRecorder, ResponsePath } from '../policy/PolicyContext.ts';
import type { Restriction } from '../policy/PolicyDocument.ts';
import { loggedRequest, overallDecision, type DisclosureRecord, type FieldOutcome, type SubjectOutcome } from './disclosureChain.ts';

type Outcome = Omit<FieldOutcome, 'fields'>;

/** Where values are in the response, memoised per path node (siblings share their parent's node). */
class ResponseValues {
  private readonly byPath = new Map<ResponsePath, unknown>();

  constructor(private readonly data: unknown) {}

  valueAt(path: ResponsePath | undefined): unknown {
    if (path === undefined) return this.data;
    if (this.byPath.has(path)) return this.byPath.get(path);
    const parent = this.valueAt(path.prev);
    const value = parent !== null && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[path.key] : undefined;
    this.byPath.set(path, value);
    return value;
  }

  /** The field at `path` left in the answer: the object holding it is there (no ancestor was nulled). */
  carries(path: ResponsePath): boolean {
    const holder = this.valueAt(path.prev);
    return holder !== null && typeof holder === 'object';
  }
}

export class DisclosureCollector implements DisclosureRecorder {
  // The decisions in the order made, as parallel lists (no object per decision beyond its outcome).
  private readonly subjectsOf: Array<readonly string[]> = [];
  private readonly fieldOf: string[] = [];
  private readonly outcomeOf: Outcome[] = [];
  private readonly pathOf: Array<ResponsePath | undefined> = [];
  private readonly at = new Date().toISOString();

  /** Subjects whose record in this request is hidden from them (an entry of theirs still restricted was shown). */
  private restrictedSubjects?: Map<string, NonNullable<FieldOutcome['restricted']>>;

  constructor(private readonly principal: Principal) {}

  restrictSubject(subject: string, restriction: Restriction & { requestId: string }): void {
    this.restrictedSubjects ??= new Map();
    if (!this.restrictedSubjects.has(subject)) this.restrictedSubjects.set(subject, restriction);
  }

  record(subjects: readonly string[], field: string, decision: Decision, path?: ResponsePath): void {
    const outcome: Outcome = decision.allowed
      ? { decision: 'disclosed', basis: decision.legalBasis, rule: decision.rule }
      : { decision: 'refused', reason: decision.reason, rule: decision.rule };
    // A restricted rule's restriction is hashed with the outcome (the subject's view hides it until released).
    if (decision.allowed && decision.restricted) outcome.restricted = decision.restricted;
    this.subjectsOf.push(subjects);
    this.fieldOf.push(field);
    this.outcomeOf.push(outcome);
    this.pathOf.push(path);
  }

  /**
   * Per person, per field, the first outcome that counts. A disclosure counts only if its value left in
   * `data` (the executed response): when null propagation discarded an ancestor, the field was not given
   * and is not recorded. Refusals, and decisions recorded without a path, always count.
   */
  private bySubject(data: unknown): Map<string, Map<string, Outcome>> {
    const bySubject = new Map<string, Map<string, Outcome>>();
    const response = new ResponseValues(data);
    for (let index = 0; index < this.fieldOf.length; index += 1) {
      const outcome = this.outcomeOf[index];
      const path = this.pathOf[index];
      if (outcome.decision === 'disclosed' && path !== undefined && !response.carries(path)) continue;
      const subjects = this.subjectsOf[index];
      const field = this.fieldOf[index];
      for (const subject of subjects.length ? subjects : ['']) {
        let fields = bySubject.get(subject);
        if (!fields) bySubject.set(subject, (fields = new Map()));
        // The same field of the same person, asked for several times in a request, is one entry.
        if (!fields.has(field)) fields.set(field, outcome);
      }
    }
    return bySubject;
  }

  /** The request's record given its response's `data`, or null when it touched no personal data. */
  toRecord(data: unknown): DisclosureRecord | null {
    if (this.fieldOf.length === 0) return null;
    const bySubject = this.bySubject(data);
    if (bySubject.size === 0) return null;
    const outcomes: SubjectOutcome[] = [];
    // Subjects whose outcome is the same get the same object: the log stores it once (storedForm).
    const shared = new Map<string, SubjectOutcome>();
    for (const [subject, fields] of bySubject) {
      const restriction = this.restrictedSubjects?.get(subject);
      const groups = new Map<string, FieldOutcome>();
      for (const [field, outcome] of fields) {
        const key = `${outcome.decision}\u0000${outcome.basis ?? ''}\u0000${outcome.reason ?? ''}\u0000${outcome.rule ?? ''}\u0000${outcome.restricted ? 'restricted' : ''}`;
        const group = groups.get(key);
        if (group) group.fields.push(field);
        else groups.set(key, restriction ? { fields: [field], ...outcome, restricted: restriction } : { fields: [field], ...outcome });
      }
      // The same groups of the same fields are the same outcome (a restriction of the subject's own is not shared).
      let sameAs: string | null = restriction ? null : '';
      if (sameAs !== null) for (const [key, group] of groups) sameAs += `${key}\u0001${group.fields.join('\u0001')}\u0002`;
      let outcome = sameAs === null ? undefined : shared.get(sameAs);
      if (!outcome) {
        const grouped = [...groups.values()];
        outcome = { decision: overallDecision(grouped.map((group) => group.decision)), fields: grouped };
        if (sameAs !== null) shared.set(sameAs, outcome);
      }
      outcomes.push(outcome);
    }
    return {
      ...loggedRequest(this.principal, this.at),
      dataSubjects: [...bySubject.keys()].map((subject) => subject || null),
      outcomes,
      decision: overallDecision(outcomes.map((outcome) => outcome.decision)),
    };
  }
}
