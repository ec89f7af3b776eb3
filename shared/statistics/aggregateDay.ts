// One day of a register's disclosure log as sharing statistics: per service (field group), consumer
// agency and purpose, how many requests, how many records disclosed, how many refused and why, how many
// distinct people. Pure: the rows in, the figures out (sharingStatisticsAggregator.ts reads and writes).
import type { CompiledPolicies } from '../policy/compilePolicies.ts';
import { fieldGroupId } from '../policy/fieldGroups.ts';

/** A row of the log, in any of the forms it was written in (shared/audit/disclosureChain.ts). */
export interface LogRow {
  seq: string | number;
  agency: string | null;
  purpose: string | null;
  data_subjects: Array<string | null> | null;
  outcome_of: number[] | null;
  outcome_sets: StoredOutcome[] | null;
  outcomes: StoredOutcome[] | null;
  data_subject: string | null;
  fields: StoredFieldOutcome[] | null;
  decision: string | null;
}

interface StoredOutcome {
  decision: string;
  fields: StoredFieldOutcome[];
}

interface StoredFieldOutcome {
  fields?: string[];
  field?: string;
  decision: string;
  basis?: string;
  reason?: string;
  rule?: string | null;
}

export interface DayFigures {
  service: string;
  ownerAgency: string;
  consumerAgency: string;
  /** '' when no purpose was declared. */
  purpose: string;
  requests: number;
  recordsDisclosed: number;
  refusals: Record<string, number>;
  distinctSubjects: number;
}

interface Accumulator extends Omit<DayFigures, 'distinctSubjects'> {
  /** The last row counted in `requests` (rows come one at a time: a row counts once). */
  lastRequest: string;
  subjects: Set<string>;
}

/** Each data subject of a row with their outcome, whatever form the row was written in. */
function entriesOf(row: LogRow): Array<{ subject: string | null; outcome: StoredOutcome }> {
  if (row.data_subjects && row.outcome_of && row.outcome_sets) {
    const sets = row.outcome_sets;
    return row.data_subjects.map((subject, index) => ({ subject, outcome: sets[row.outcome_of![index]] })).filter((entry) => entry.outcome);
  }
  if (row.data_subjects && row.outcomes) {
    const outcomes = row.outcomes;
    return row.data_subjects.map((subject, index) => ({ subject, outcome: outcomes[index] })).filter((entry) => entry.outcome);
  }
  return [{ subject: row.data_subject, outcome: { decision: row.decision ?? 'refused', fields: row.fields ?? [] } }];
}

/**
 * Adds rows of one day to `figures` (keyed by service, consumer agency and purpose). Rows of no agency
 * (a citizen's own requests) and fields in no field group of the policies in force (the log's record of
 * its own reads) are not sharing between agencies and are left out.
 */
export function addRows(figures: Map<string, Accumulator>, rows: Iterable<LogRow>, policies: CompiledPolicies): void {
  for (const row of rows) {
    if (!row.agency) continue;
    const purpose = row.purpose ?? '';
    const requestKey = String(row.seq);
    for (const { subject, outcome } of entriesOf(row)) {
      // What this record came to per service: disclosed at all, refused for which reasons.
      const perService = new Map<string, { owner: string; disclosed: boolean; reasons: Set<string> }>();
      for (const fieldOutcome of outcome.fields ?? []) {
        const names = fieldOutcome.fields ?? (fieldOutcome.field ? [fieldOutcome.field] : []);
        for (const name of names) {
          const field = policies.fields.get(name);
          if (!field) continue;
          const id = fieldGroupId(field);
          let service = perService.get(id);
          if (!service) perService.set(id, (service = { owner: field.owner, disclosed: false, reasons: new Set() }));
          if (fieldOutcome.decision === 'disclosed') service.disclosed = true;
          else service.reasons.add(fieldOutcome.reason ?? 'UNKNOWN');
        }
      }
      for (const [id, service] of perService) {
        const key = `${id}\u0000${row.agency}\u0000${purpose}`;
        let figure = figures.get(key);
        if (!figure) {
          figure = { service: id, ownerAgency: service.owner, consumerAgency: row.agency, purpose, requests: 0, lastRequest: '', recordsDisclosed: 0, refusals: {}, subjects: new Set() };
          figures.set(key, figure);
        }
        if (figure.lastRequest !== requestKey) {
          figure.lastRequest = requestKey;
          figure.requests += 1;
        }
        if (service.disclosed) {
          figure.recordsDisclosed += 1;
          if (subject) figure.subjects.add(subject);
        }
        for (const reason of service.reasons) figure.refusals[reason] = (figure.refusals[reason] ?? 0) + 1;
      }
    }
  }
}

export function newFigures(): Map<string, Accumulator> {
  return new Map();
}

/** The accumulated figures as rows, in key order. */
export function finish(figures: Map<string, Accumulator>): DayFigures[] {
  return [...figures.values()]
    .map(({ lastRequest: _lastRequest, subjects, ...rest }) => ({ ...rest, distinctSubjects: subjects.size }))
    .sort((a, b) => (a.service !== b.service ? (a.service < b.service ? -1 : 1) : a.consumerAgency !== b.consumerAgency ? (a.consumerAgency < b.consumerAgency ? -1 : 1) : a.purpose < b.purpose ? -1 : a.purpose > b.purpose ? 1 : 0));
}
