// Collects, during one request, every decision on personal or sensitive data, per data subject; the
// subgraph writes them to the disclosure log as one record before the answer leaves (and sends no
// data if it cannot). Per person the fields are grouped by outcome (disclosed on one basis under one
// rule, or refused for one reason): usually one or two groups instead of an entry per field, which
// keeps what every request hashes and writes small.
import type { Principal } from '../auth/Principal.ts';
import type { Decision } from '../policy/decideAccess.ts';
import type { DisclosureRecorder } from '../policy/PolicyContext.ts';
import type { Restriction } from '../policy/PolicyDocument.ts';
import { overallDecision, type DisclosureRecord, type FieldOutcome, type SubjectOutcome } from './disclosureChain.ts';

type Outcome = Omit<FieldOutcome, 'fields'>;

export class DisclosureCollector implements DisclosureRecorder {
  private readonly bySubject = new Map<string, Map<string, Outcome>>();
  private readonly at = new Date().toISOString();

  /** Subjects whose record in this request is hidden from them (an entry of theirs still restricted was shown). */
  private restrictedSubjects?: Map<string, NonNullable<FieldOutcome['restricted']>>;

  constructor(private readonly principal: Principal) {}

  restrictSubject(subject: string, restriction: Restriction & { requestId: string }): void {
    this.restrictedSubjects ??= new Map();
    if (!this.restrictedSubjects.has(subject)) this.restrictedSubjects.set(subject, restriction);
  }

  record(subjects: readonly string[], field: string, decision: Decision): void {
    const entry: Outcome = decision.allowed
      ? { decision: 'disclosed', basis: decision.legalBasis, rule: decision.rule }
      : { decision: 'refused', reason: decision.reason, rule: decision.rule };
    // A restricted rule's restriction is hashed with the outcome (the subject's view hides it until released).
    if (decision.allowed && decision.restricted) entry.restricted = decision.restricted;
    for (const subject of subjects.length ? subjects : ['']) {
      let fields = this.bySubject.get(subject);
      if (!fields) this.bySubject.set(subject, (fields = new Map()));
      // The same field of the same person, asked for several times in a request, is one entry.
      if (!fields.has(field)) fields.set(field, entry);
    }
  }

  /** The request's record, or null when it touched no personal data. */
  toRecord(): DisclosureRecord | null {
    if (this.bySubject.size === 0) return null;
    const outcomes: SubjectOutcome[] = [];
    for (const [subject, fields] of this.bySubject) {
      const restriction = this.restrictedSubjects?.get(subject);
      const groups = new Map<string, FieldOutcome>();
      for (const [field, outcome] of fields) {
        const key = `${outcome.decision}\u0000${outcome.basis ?? ''}\u0000${outcome.reason ?? ''}\u0000${outcome.rule ?? ''}\u0000${outcome.restricted ? 'restricted' : ''}`;
        const group = groups.get(key);
        if (group) group.fields.push(field);
        else groups.set(key, restriction ? { fields: [field], ...outcome, restricted: restriction } : { fields: [field], ...outcome });
      }
      const grouped = [...groups.values()];
      outcomes.push({ decision: overallDecision(grouped.map((group) => group.decision)), fields: grouped });
    }
    return {
      requestId: this.principal.requestId,
      at: this.at,
      principal: this.principal.subject,
      agency: this.principal.agency,
      roles: this.principal.roles,
      purpose: this.principal.purpose,
      caseId: this.principal.caseId,
      dataSubjects: [...this.bySubject.keys()].map((subject) => subject || null),
      outcomes,
      decision: overallDecision(outcomes.map((outcome) => outcome.decision)),
    };
  }
}
