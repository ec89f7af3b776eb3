// What the collector keeps of a request's decisions once the answer is known: a disclosure only where
// its value is in the answer; refusals and decisions without a path always.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/Principal.ts';
import type { Decision } from '../policy/decideAccess.ts';
import type { ResponsePath } from '../policy/PolicyContext.ts';
import { DisclosureCollector } from './disclosureCollector.ts';

const principal: Principal = { subject: 'officer-1', agency: 'so-noi-vu', roles: ['officer'], purpose: 'public-service-delivery', caseId: null, requestId: 'r-1' };
const given: Decision = { allowed: true, policy: 'population.citizen', rule: 'with-consent', legalBasis: 'consent:c-1' };
const refused: Decision = { allowed: false, policy: 'population.citizen', rule: 'with-consent', reason: 'CONSENT_REQUIRED' };

/** A graphql-js style path: siblings share their parent's node. */
function at(prev: ResponsePath | undefined, key: string | number): ResponsePath {
  return { prev, key };
}

describe('a request’s disclosures, once its answer is known', () => {
  const nodes = at(at(undefined, 'citizens'), 'nodes');
  const first = at(nodes, 0);
  const second = at(nodes, 1);

  it('keeps the fields of the records in the answer and drops those of a record null propagation discarded', () => {
    const collector = new DisclosureCollector(principal);
    collector.record(['A'], 'Citizen.id', refused, at(first, 'id'));
    collector.record(['A'], 'Citizen.fullName', given, at(first, 'fullName'));
    collector.record(['B'], 'Citizen.id', given, at(second, 'id'));
    collector.record(['B'], 'Citizen.fullName', given, at(second, 'fullName'));
    const record = collector.toRecord({ citizens: { nodes: [null, { id: 'B', fullName: 'Bùi Văn B' }] } });
    expect(record?.dataSubjects).toEqual(['A', 'B']);
    expect(record?.outcomes).toEqual([
      { decision: 'refused', fields: [{ fields: ['Citizen.id'], decision: 'refused', reason: 'CONSENT_REQUIRED', rule: 'with-consent' }] },
      { decision: 'disclosed', fields: [{ fields: ['Citizen.id', 'Citizen.fullName'], decision: 'disclosed', basis: 'consent:c-1', rule: 'with-consent' }] },
    ]);
    expect(record?.decision).toBe('partial');
  });

  it('counts a field asked twice when one of its places is in the answer, and keeps a decision without a path', () => {
    const collector = new DisclosureCollector(principal);
    collector.record(['A'], 'Citizen.fullName', given, at(at(undefined, 'gone'), 'fullName'));
    collector.record(['A'], 'Citizen.fullName', given, at(at(undefined, 'kept'), 'fullName'));
    collector.record(['C'], 'Citizen.id', given);
    const record = collector.toRecord({ gone: null, kept: { fullName: 'Bùi Văn A' } });
    expect(record?.dataSubjects).toEqual(['A', 'C']);
    expect(record?.outcomes.map((outcome) => outcome.fields.map((group) => group.fields))).toEqual([[['Citizen.fullName']], [['Citizen.id']]]);
  });

  it('records nothing when nothing personal left in the answer and nothing was refused', () => {
    const collector = new DisclosureCollector(principal);
    collector.record(['A'], 'Citizen.fullName', given, at(at(undefined, 'citizen'), 'fullName'));
    expect(collector.toRecord({ citizen: null })).toBeNull();
    expect(collector.toRecord(null)).toBeNull();
  });

  it('gives the people whose fields came to the same outcomes one shared outcome, and the others their own', () => {
    const collector = new DisclosureCollector(principal);
    for (const [subject, row] of [['A', first], ['B', second], ['C', at(nodes, 2)]] as const) {
      collector.record([subject], 'Citizen.id', given, at(row, 'id'));
      collector.record([subject], 'Citizen.fullName', subject === 'C' ? refused : given, at(row, 'fullName'));
    }
    const record = collector.toRecord({ citizens: { nodes: [{ id: 'A', fullName: 'A' }, { id: 'B', fullName: 'B' }, { id: 'C', fullName: null }] } });
    const [a, b, c] = record!.outcomes;
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(c.fields).toEqual([
      { fields: ['Citizen.id'], decision: 'disclosed', basis: 'consent:c-1', rule: 'with-consent' },
      { fields: ['Citizen.fullName'], decision: 'refused', reason: 'CONSENT_REQUIRED', rule: 'with-consent' },
    ]);
  });
});
