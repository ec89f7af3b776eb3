// Problems people report with open datasets (Thái Bình QĐ 27/2025 Đ9): anyone, with or without a token,
// names a dataset, says what is wrong and leaves a contact (an e-mail address or a phone number; nothing
// else personal is asked for). The operator and the dataset's publisher agency read, answer and close them;
// the contact is a personal field (open-data-problem-report.policy.yaml), read under open-data-feedback.
import type { Knex } from 'knex';
import type { Principal } from '../../../../shared/auth/Principal.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { actorOf, listedDataset } from './openDataPublishers.ts';
import { openDataViewerOf, type OpenDataViewer } from './openDataViewer.ts';

export type ProblemState = 'open' | 'answered' | 'closed';

export interface ProblemReportRow {
  id: string;
  datasetId: string;
  publisherAgency: string;
  description: string;
  contact: string;
  state: ProblemState;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | string | null;
  closedAt: Date | string | null;
  createdAt: Date | string;
}

export const PROBLEM_REPORT_COLUMNS = {
  id: 'id',
  datasetId: 'dataset_id',
  publisherAgency: 'publisher_agency',
  description: 'description',
  contact: 'contact',
  state: 'state',
  answer: 'answer',
  answeredBy: 'answered_by',
  answeredAt: 'answered_at',
  closedAt: 'closed_at',
  createdAt: 'created_at',
};

const DESCRIPTION = { min: 10, max: 2000 };
const ANSWER = { min: 10, max: 2000 };
const EMAIL = /^[^\s@<>(),;:"]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const PHONE = /^\+?[0-9][0-9 .-]{6,18}[0-9]$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An e-mail address (at most 254 characters) or a phone number of 8 to 15 digits (spaces, dots, dashes and a leading + allowed). */
export function isContact(text: string): boolean {
  if (text.length > 254) return false;
  if (EMAIL.test(text)) return true;
  const digits = text.replace(/\D/g, '').length;
  return PHONE.test(text) && digits >= 8 && digits <= 15;
}

export interface ProblemInput {
  dataset: string;
  description: string;
  contact: string;
}

export async function reportProblem(knex: Knex, input: ProblemInput): Promise<ProblemReportRow> {
  const entry = listedDataset(input.dataset, 'input.dataset');
  const description = input.description.trim();
  if (description.length < DESCRIPTION.min || description.length > DESCRIPTION.max) {
    throw badUserInput(`"description" must say what is wrong in ${DESCRIPTION.min} to ${DESCRIPTION.max} characters`, 'input.description');
  }
  const contact = input.contact.trim();
  if (!isContact(contact)) throw badUserInput('"contact" must be an e-mail address or a phone number, so that the publisher can answer you', 'input.contact');
  const [row] = await knex('open_data_problem_report')
    .insert({ dataset_id: entry.id, publisher_agency: entry.publisher, description, contact })
    .returning(Object.entries(PROBLEM_REPORT_COLUMNS).map(([alias, column]) => `${column} as ${alias}`));
  return row as ProblemReportRow;
}

export interface ProblemFilter {
  state: ProblemState | null;
  dataset: string | null;
}

/** A page of reports the viewer reads, newest first: `limit` after the position (created_at|id). */
export function problemReportPage(knex: Knex, viewer: OpenDataViewer, filter: ProblemFilter, after: { at: string; id: string } | null, limit: number): Promise<ProblemReportRow[]> {
  const query = problemReportBase(knex, viewer, filter)
    .select(PROBLEM_REPORT_COLUMNS)
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
    .limit(limit);
  if (after) query.whereRaw('(created_at, id) < (?::timestamptz, ?::uuid)', [after.at, after.id]);
  return query;
}

export function problemReportBase(knex: Knex, viewer: OpenDataViewer, filter: ProblemFilter): Knex.QueryBuilder {
  const query = knex('open_data_problem_report');
  if (viewer.agency) query.where('publisher_agency', viewer.agency);
  if (filter.state) query.where('state', filter.state);
  if (filter.dataset) query.where('dataset_id', filter.dataset);
  return query;
}

/** The report, locked, when the caller may act on it: the operator, or a publisher of its agency. */
async function reportToActOn(trx: Knex.Transaction, principal: Principal, id: string): Promise<ProblemReportRow> {
  const viewer = openDataViewerOf(principal, 'problem reports');
  const row: ProblemReportRow | undefined = UUID.test(id) ? await trx('open_data_problem_report').select(PROBLEM_REPORT_COLUMNS).where('id', id).forUpdate().first() : undefined;
  // Another agency's report reads as absent: its existence is not theirs to learn.
  if (!row || (viewer.agency && row.publisherAgency !== viewer.agency)) throw badUserInput('"id" is not a problem report you can answer', 'id');
  return row;
}

export async function answerProblem(knex: Knex, principal: Principal, id: string, answer: string): Promise<void> {
  const text = answer.trim();
  if (text.length < ANSWER.min || text.length > ANSWER.max) throw badUserInput(`"answer" must be ${ANSWER.min} to ${ANSWER.max} characters`, 'answer');
  await knex.transaction(async (trx) => {
    const row = await reportToActOn(trx, principal, id);
    if (row.state === 'closed') throw badUserInput('The report is closed: it can no longer be answered', 'id');
    await trx('open_data_problem_report').where('id', row.id).update({ state: 'answered', answer: text, answered_by: actorOf(principal), answered_at: trx.fn.now() });
  });
}

export async function closeProblem(knex: Knex, principal: Principal, id: string): Promise<void> {
  await knex.transaction(async (trx) => {
    const row = await reportToActOn(trx, principal, id);
    if (row.state === 'closed') throw badUserInput('The report is already closed', 'id');
    await trx('open_data_problem_report').where('id', row.id).update({ state: 'closed', closed_by: actorOf(principal), closed_at: trx.fn.now() });
  });
}

export function problemReportById(knex: Knex, id: string): Promise<ProblemReportRow> {
  return knex('open_data_problem_report').select(PROBLEM_REPORT_COLUMNS).where('id', id).first();
}
