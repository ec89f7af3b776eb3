import { describe, expect, it } from 'vitest';
import type { CompiledField, CompiledPolicies } from '../policy/compilePolicies.ts';
import { addRows, finish, newFigures, unsavedSubjectsOf, type LogRow } from './aggregateDay.ts';

const field = (type: string, name: string, group: string): [string, CompiledField] => [
  `${type}.${name}`,
  { policy: 'population.citizen', owner: 'cong-an-tinh', type, field: name, group, level: 'personal', rules: [], dataDependent: false, subjectFields: [], subjectFromEnclosingRecord: false, disabled: null },
];
const policies: CompiledPolicies = {
  subgraph: 'population',
  fields: new Map([field('Citizen', 'fullName', 'identity'), field('Citizen', 'dateOfBirth', 'identity'), field('Citizen', 'religion', 'beliefs')]),
  stateSecrets: new Set(),
};
const base = { data_subjects: null, outcome_of: null, outcome_sets: null, outcomes: null, data_subject: null, fields: null, decision: null };

describe('a day of the disclosure log as sharing statistics', () => {
  it('counts requests once, records per person, refusals per reason and distinct people per service, in every form rows were written in', () => {
    const figures = newFigures();
    const name = { fields: ['Citizen.fullName', 'Citizen.dateOfBirth'], decision: 'disclosed', basis: 'b', rule: 'r' };
    const religion = { fields: ['Citizen.religion'], decision: 'refused', reason: 'AGENCY_NOT_ALLOWED', rule: 'r' };
    const rows: LogRow[] = [
      // Since Dec 2026: shared outcomes; two people, the same outcome.
      { ...base, seq: 1, agency: 'bhxh-tinh', purpose: 'social-insurance', data_subjects: ['A', 'B'], outcome_of: [0, 0], outcome_sets: [{ decision: 'partial', fields: [name, religion] }] },
      // Nov-Dec 2026: one outcome per person; A again.
      { ...base, seq: 2, agency: 'bhxh-tinh', purpose: 'social-insurance', data_subjects: ['A'], outcomes: [{ decision: 'disclosed', fields: [name] }] },
      // Before: one person per row, one entry per field; another purpose.
      { ...base, seq: 3, agency: 'bhxh-tinh', purpose: null, data_subject: 'C', decision: 'refused', fields: [{ field: 'Citizen.fullName', decision: 'refused', reason: 'NOT_GRANTED' }] },
      // A citizen's own request, and a field of no group: not sharing between agencies.
      { ...base, seq: 4, agency: null, purpose: null, data_subjects: ['A'], outcome_of: [0], outcome_sets: [{ decision: 'disclosed', fields: [name] }] },
      { ...base, seq: 5, agency: 'bhxh-tinh', purpose: 'social-insurance', data_subjects: ['D'], outcome_of: [0], outcome_sets: [{ decision: 'disclosed', fields: [{ fields: ['DataAccess.entry'], decision: 'disclosed', rule: 'x' }] }] },
    ];
    addRows(figures, rows, policies);
    const common = { ownerAgency: 'cong-an-tinh', consumerAgency: 'bhxh-tinh' };
    expect(finish(figures)).toEqual([
      { ...common, service: 'population.citizen:beliefs', purpose: 'social-insurance', requests: 1, recordsDisclosed: 0, refusals: { AGENCY_NOT_ALLOWED: 2 }, distinctSubjects: 0 },
      { ...common, service: 'population.citizen:identity', purpose: '', requests: 1, recordsDisclosed: 0, refusals: { NOT_GRANTED: 1 }, distinctSubjects: 0 },
      { ...common, service: 'population.citizen:identity', purpose: 'social-insurance', requests: 2, recordsDisclosed: 3, refusals: {}, distinctSubjects: 2 },
    ]);
  });

  it('counts each person of a row by their own outcome when the people of one row came to different outcomes', () => {
    const figures = newFigures();
    const disclosed = { decision: 'disclosed', fields: [{ fields: ['Citizen.fullName', 'Citizen.religion'], decision: 'disclosed', rule: 'r' }] };
    const refused = { decision: 'refused', fields: [{ fields: ['Citizen.fullName'], decision: 'refused', reason: 'NO_CONSENT', rule: 'r' }, { fields: ['Citizen.religion'], decision: 'refused', reason: 'NO_CONSENT', rule: 'r' }] };
    const row = { ...base, seq: 7, agency: 'so-noi-vu', purpose: 'public-service-delivery', data_subjects: ['A', 'B', 'C', 'D', 'E'], outcome_of: [0, 1, 0, 1, 1], outcome_sets: [disclosed, refused] };
    addRows(figures, [row], policies);
    const common = { ownerAgency: 'cong-an-tinh', consumerAgency: 'so-noi-vu', purpose: 'public-service-delivery', requests: 1, recordsDisclosed: 2, refusals: { NO_CONSENT: 3 }, distinctSubjects: 2 };
    expect(finish(figures)).toEqual([
      { ...common, service: 'population.citizen:beliefs' },
      { ...common, service: 'population.citizen:identity' },
    ]);
    expect(unsavedSubjectsOf(figures).flatMap(({ service, subjects }) => subjects.map((subject) => `${service} ${subject}`)).sort()).toEqual([
      'population.citizen:beliefs A',
      'population.citizen:beliefs C',
      'population.citizen:identity A',
      'population.citizen:identity C',
    ]);
  });

  it('gives the same figures when the same rows come in batches', () => {
    const rows: LogRow[] = Array.from({ length: 10 }, (_, index) => ({
      ...base,
      seq: index + 1,
      agency: 'so-tu-phap',
      purpose: 'civil-status-procedure',
      data_subjects: [`P${index % 3}`],
      outcome_of: [0],
      outcome_sets: [{ decision: 'disclosed', fields: [{ fields: ['Citizen.fullName'], decision: 'disclosed', rule: 'r' }] }],
    }));
    const whole = newFigures();
    addRows(whole, rows, policies);
    const batched = newFigures();
    addRows(batched, rows.slice(0, 4), policies);
    addRows(batched, rows.slice(4), policies);
    expect(finish(batched)).toEqual(finish(whole));
    expect(finish(whole)[0]).toMatchObject({ requests: 10, recordsDisclosed: 10, distinctSubjects: 3 });
  });
});
