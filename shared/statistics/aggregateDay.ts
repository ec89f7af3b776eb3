// One day of a register's disclosure log as sharing statistics: per service (field group), consumer
// agency and purpose, how many requests, how many records disclosed, how many refused and why, how many
// distinct people. Pure: the rows in, the figures out (sharingStatisticsAggregator.ts reads and writes).
import { createHash } from 'node:crypto';
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

/** Each field of a day's figures (DayFigures) and its column in sharing_statistics. */
export const DAY_FIGURE_COLUMNS = {
  service: 'service',
  ownerAgency: 'owner_agency',
  consumerAgency: 'consumer_agency',
  purpose: 'purpose',
  requests: 'requests',
  recordsDisclosed: 'records_disclosed',
  refusals: 'refusals',
  distinctSubjects: 'distinct_subjects',
} as const satisfies Record<keyof DayFigures, string>;

interface Accumulator extends Omit<DayFigures, 'distinctSubjects'> {
  /** The last row counted in `requests` (rows come one at a time: a row counts once). */
  lastRequest: string;
  subjects: Set<string>;
  /** People added to `subjects` since the figures were last saved (the aggregator keeps them for a restart). */
  unsavedSubjects: string[];
}

const groupings = new WeakMap<CompiledPolicies, string>();

/** What counting a row depends on in the policies: each field's group and owner. Equal fingerprints count alike. */
export function fieldGrouping(policies: CompiledPolicies): string {
  let fingerprint = groupings.get(policies);
  if (fingerprint === undefined) {
    const hash = createHash('sha256');
    for (const name of [...policies.fields.keys()].sort()) {
      const field = policies.fields.get(name)!;
      hash.update(`${name}\u0000${fieldGroupId(field)}\u0000${field.owner}\n`);
    }
    fingerprint = hash.digest('hex');
    groupings.set(policies, fingerprint);
  }
  return fingerprint;
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

/** What one outcome came to for one service: the figure it counts in, disclosed at all, refused for which reasons. */
interface ServiceTally {
  figure: Accumulator;
  disclosed: boolean;
  reasons: Set<string>;
}

/**
 * Adds rows of one day to `figures` (keyed by service, consumer agency and purpose). Rows of no agency
 * (a citizen's own requests) and fields in no field group of the policies in force (the log's record of
 * its own reads) are not sharing between agencies and are left out.
 */
export function addRows(figures: Map<string, Accumulator>, rows: Iterable<LogRow>, policies: CompiledPolicies): void {
  for (const row of rows) {
    if (!row.agency) continue;
    const consumer = { consumerAgency: row.agency, purpose: row.purpose ?? '' };
    const requestKey = String(row.seq);
    // The people of a row share its few distinct outcomes (outcome_sets): each is tallied once per row.
    const tallies = new Map<StoredOutcome, ServiceTally[]>();
    for (const { subject, outcome } of entriesOf(row)) {
      let perService = tallies.get(outcome);
      if (!perService) tallies.set(outcome, (perService = tallyByService(figures, outcome, consumer, policies)));
      for (const { figure, disclosed, reasons } of perService) {
        if (figure.lastRequest !== requestKey) {
          figure.lastRequest = requestKey;
          figure.requests += 1;
        }
        if (disclosed) {
          figure.recordsDisclosed += 1;
          if (subject && !figure.subjects.has(subject)) {
            figure.subjects.add(subject);
            figure.unsavedSubjects.push(subject);
          }
        }
        for (const reason of reasons) figure.refusals[reason] = (figure.refusals[reason] ?? 0) + 1;
      }
    }
  }
}

/** What a record with this outcome came to per service (field group), each with the figure it counts in. */
function tallyByService(
  figures: Map<string, Accumulator>,
  outcome: StoredOutcome,
  consumer: Pick<DayFigures, 'consumerAgency' | 'purpose'>,
  policies: CompiledPolicies,
): ServiceTally[] {
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
  return [...perService].map(([id, { owner, disclosed, reasons }]) => ({
    figure: figureOf(figures, { service: id, ownerAgency: owner, ...consumer }),
    disclosed,
    reasons,
  }));
}

type FigureKey = Pick<DayFigures, 'service' | 'ownerAgency' | 'consumerAgency' | 'purpose'>;

/** People counted in a figure's distinct subjects, as saved for a restart (a list per round). */
export type SavedSubjects = Omit<FigureKey, 'ownerAgency'> & { subjects: string[] };

const figureId = (key: Omit<FigureKey, 'ownerAgency'>) => `${key.service}\u0000${key.consumerAgency}\u0000${key.purpose}`;

/** The figure of a service, consumer agency and purpose, made empty when there is none yet. */
function figureOf(figures: Map<string, Accumulator>, key: FigureKey): Accumulator {
  const id = figureId(key);
  let figure = figures.get(id);
  if (!figure) {
    figure = { ...key, requests: 0, lastRequest: '', recordsDisclosed: 0, refusals: {}, subjects: new Set(), unsavedSubjects: [] };
    figures.set(id, figure);
  }
  return figure;
}

export function newFigures(): Map<string, Accumulator> {
  return new Map();
}

/** Figures saved earlier (the rows `finish` gave, and the people counted in them), to go on counting from. */
export function restoredFigures(saved: DayFigures[], lists: SavedSubjects[]): Map<string, Accumulator> {
  const figures = newFigures();
  for (const { distinctSubjects: _counted, refusals, ...row } of saved) Object.assign(figureOf(figures, row), { ...row, refusals: { ...refusals } });
  for (const { subjects, ...key } of lists) {
    const figure = figures.get(figureId(key));
    if (figure) for (const subject of subjects) figure.subjects.add(subject);
  }
  return figures;
}

/** The people counted since the figures were last saved: a list for each figure that has any. */
export function unsavedSubjectsOf(figures: Map<string, Accumulator>): SavedSubjects[] {
  return [...figures.values()].filter(({ unsavedSubjects }) => unsavedSubjects.length > 0).map(({ service, consumerAgency, purpose, unsavedSubjects }) => ({ service, consumerAgency, purpose, subjects: unsavedSubjects }));
}

export function markSubjectsSaved(figures: Map<string, Accumulator>): void {
  for (const figure of figures.values()) figure.unsavedSubjects = [];
}

/** The accumulated figures as rows, in key order. */
export function finish(figures: Map<string, Accumulator>): DayFigures[] {
  return [...figures.values()]
    .map(({ lastRequest: _lastRequest, subjects, unsavedSubjects: _unsaved, ...rest }) => ({ ...rest, distinctSubjects: subjects.size }))
    .sort((a, b) => (a.service !== b.service ? (a.service < b.service ? -1 : 1) : a.consumerAgency !== b.consumerAgency ? (a.consumerAgency < b.consumerAgency ? -1 : 1) : a.purpose < b.purpose ? -1 : a.purpose > b.purpose ? 1 : 0));
}
