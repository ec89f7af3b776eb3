// Collects, during one request, every decision on personal or sensitive data, per data subject; the
// subgraph writes them to the disclosure log before the answer leaves (and sends no data if it cannot).
import type { Principal } from '../auth/Principal.ts';
import type { DisclosureRecord } from './disclosureChain.ts';

type FieldEntry = DisclosureRecord['fields'][number];

export class DisclosureCollector {
  private readonly bySubject = new Map<string, Map<string, FieldEntry>>();
  private readonly at = new Date().toISOString();

  constructor(private readonly principal: Principal) {}

  record(subjects: readonly string[], field: string, outcome: { allowed: boolean; basis?: string; reason?: string; rule: string | null }): void {
    const entry: FieldEntry = outcome.allowed
      ? { field, decision: 'disclosed', basis: outcome.basis, rule: outcome.rule }
      : { field, decision: 'refused', reason: outcome.reason, rule: outcome.rule };
    for (const subject of subjects.length ? subjects : ['']) {
      let fields = this.bySubject.get(subject);
      if (!fields) this.bySubject.set(subject, (fields = new Map()));
      // The same field of the same person, asked for several times in a request, is one entry.
      if (!fields.has(field)) fields.set(field, entry);
    }
  }

  records(): DisclosureRecord[] {
    return [...this.bySubject].map(([subject, fields]) => {
      const entries = [...fields.values()];
      const disclosed = entries.filter((entry) => entry.decision === 'disclosed').length;
      return {
        requestId: this.principal.requestId,
        at: this.at,
        principal: this.principal.subject,
        agency: this.principal.agency,
        roles: this.principal.roles,
        purpose: this.principal.purpose,
        caseId: this.principal.caseId,
        dataSubject: subject || null,
        fields: entries,
        decision: disclosed === entries.length ? 'disclosed' : disclosed === 0 ? 'refused' : 'partial',
      };
    });
  }
}
