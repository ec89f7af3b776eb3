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

  /**
   * Each distinct outcome of the request once (by decision, rule and basis or reason; a rule's restriction
   * is the rule's), so that grouping and comparing subjects compares objects, not strings.
   */
  private readonly outcomes = new Map<string | null, Map<string, Outcome>>();
  /** A number per distinct (field, outcome): the same numbers in the same order are the same subject outcome. */
  private readonly entryIds = new Map<Outcome, Map<string, number>>();
  private entries = 0;

  /** Subjects whose record in this request is hidden from them (an entry of theirs still restricted was shown). */
  private restrictedSubjects?: Map<string, NonNullable<FieldOutcome['restricted']>>;

  constructor(private readonly principal: Principal) {}

  restrictSubject(subject: string, restriction: Restriction & { requestId: string }): void {
    this.restrictedSubjects ??= new Map();
    if (!this.restrictedSubjects.has(subject)) this.restrictedSubjects.set(subject, restriction);
  }

  record(subjects: readonly string[], field: string, decision: Decision, path?: ResponsePath): void {
    this.subjectsOf.push(subjects);
    this.fieldOf.push(field);
    this.outcomeOf.push(this.outcomeFor(decision));
    this.pathOf.push(path);
  }

  private outcomeFor(decision: Decision): Outcome {
    let byRule = this.outcomes.get(decision.rule);
    if (!byRule) this.outcomes.set(decision.rule, (byRule = new Map()));
    // A legal basis and a refusal reason never share a spelling (reasons are upper case): one key space.
    const key = decision.allowed ? decision.legalBasis : decision.reason;
    let outcome = byRule.get(key);
    if (!outcome) {
      outcome = decision.allowed
        ? { decision: 'disclosed', basis: decision.legalBasis, rule: decision.rule }
        : { decision: 'refused', reason: decision.reason, rule: decision.rule };
      // A restricted rule's restriction is hashed with the outcome (the subject's view hides it until released).
      if (decision.allowed && decision.restricted) outcome.restricted = decision.restricted;
      byRule.set(key, outcome);
    }
    return outcome;
  }

  private entryId(field: string, outcome: Outcome): number {
    let byField = this.entryIds.get(outcome);
    if (!byField) this.entryIds.set(outcome, (byField = new Map()));
    let id = byField.get(field);
    if (id === undefined) byField.set(field, (id = this.entries++));
    return id;
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
    // Subjects whose fields came to the same outcomes get the same object: the log stores it once (storedForm).
    const shared = new Map<string, SubjectOutcome>();
    for (const [subject, fields] of bySubject) {
      const restriction = this.restrictedSubjects?.get(subject);
      let sameAs = '';
      if (!restriction) for (const [field, outcome] of fields) sameAs += `${this.entryId(field, outcome)},`;
      let outcome = restriction ? undefined : shared.get(sameAs);
      if (!outcome) {
        outcome = subjectOutcome(fields, restriction);
        if (!restriction) shared.set(sameAs, outcome);
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

/** One person's fields grouped by outcome (a restriction of the person's own marks each group). */
function subjectOutcome(fields: Map<string, Outcome>, restriction: FieldOutcome['restricted'] | undefined): SubjectOutcome {
  const groups = new Map<Outcome, FieldOutcome>();
  for (const [field, outcome] of fields) {
    const group = groups.get(outcome);
    if (group) group.fields.push(field);
    else groups.set(outcome, restriction ? { fields: [field], ...outcome, restricted: restriction } : { fields: [field], ...outcome });
  }
  const grouped = [...groups.values()];
  return { decision: overallDecision(grouped.map((group) => group.decision)), fields: grouped };
}
