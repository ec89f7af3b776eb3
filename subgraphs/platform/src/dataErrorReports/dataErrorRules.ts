// Who may do what to a data-error report, in which state: the one table the mutations check, that
// `dataErrorReportRules` answers and that docs/data-error-reports.md prints. A row not in it is refused.
import { asEnumValue } from '../workflow/graphqlValues.ts';
import { rulesTable } from '../workflow/rulesTable.ts';

export const DATA_ERROR_STATES = ['open', 'acknowledged', 'corrected', 'rejected', 'withdrawn'] as const;
export type DataErrorState = (typeof DATA_ERROR_STATES)[number];
/** States in which the owner still has to act: a report past its due date in one of them is overdue. */
export const PENDING_STATES: readonly DataErrorState[] = ['open', 'acknowledged'];

/** An officer of the reporting (consumer) agency, or of the owner agency of the field's policy. */
export type DataErrorActor = 'reporter' | 'owner';
export const DATA_ERROR_ACTORS: readonly DataErrorActor[] = ['reporter', 'owner'];

export type DataErrorAction = 'report' | 'withdraw' | 'acknowledge' | 'correct' | 'reject';

export type ReasonRule = 'required' | 'optional' | 'none';

export interface DataErrorRule {
  action: DataErrorAction;
  actor: DataErrorActor;
  /** The states it may start from; empty for `report`, which makes a new report. */
  from: readonly DataErrorState[];
  to: DataErrorState;
  reason: ReasonRule;
  mutation: string;
}

const rule = (action: DataErrorAction, actor: DataErrorActor, from: DataErrorState[], to: DataErrorState, reason: ReasonRule, mutation: string): DataErrorRule => ({
  action,
  actor,
  from,
  to,
  reason,
  mutation,
});

export const DATA_ERROR_RULES: readonly DataErrorRule[] = [
  rule('report', 'reporter', [], 'open', 'none', 'reportDataError'),
  rule('withdraw', 'reporter', ['open'], 'withdrawn', 'optional', 'withdrawDataErrorReport'),
  rule('acknowledge', 'owner', ['open'], 'acknowledged', 'none', 'acknowledgeDataErrorReport'),
  // Correcting takes the corrected value (required) and an optional note, not a reason.
  rule('correct', 'owner', ['open', 'acknowledged'], 'corrected', 'none', 'correctDataErrorReport'),
  rule('reject', 'owner', ['open', 'acknowledged'], 'rejected', 'required', 'rejectDataErrorReport'),
];

const table = rulesTable<DataErrorAction, DataErrorActor, DataErrorState, DataErrorRule>(DATA_ERROR_RULES);
export const { ruleFor, mayEverTake, allowedActions, statesFor } = table;

export interface PublishedDataErrorRule {
  action: string;
  actor: string;
  from: readonly string[];
  to: string;
  reason: string;
  mutation: string;
}


export function publishedDataErrorRule(row: DataErrorRule): PublishedDataErrorRule {
  return { action: asEnumValue(row.action), actor: asEnumValue(row.actor), from: row.from.map(asEnumValue), to: asEnumValue(row.to), reason: asEnumValue(row.reason), mutation: row.mutation };
}

const ACTOR_TITLES: Record<string, string> = { REPORTER: 'Reporting agency officer', OWNER: 'Owner agency officer' };

/** The two tables of docs/data-error-reports.md: state x role (`*` marks a required reason), and action by action. */
export function dataErrorRulesMarkdown(rules: readonly PublishedDataErrorRule[]): string {
  const actors = ['REPORTER', 'OWNER'];
  const states = ['(none)', ...DATA_ERROR_STATES.map(asEnumValue)];
  const cell = (state: string, actor: string) => {
    const actions = rules
      .filter((row) => row.actor === actor && (state === '(none)' ? row.from.length === 0 : row.from.includes(state)))
      .map((row) => `${row.action.toLowerCase()}${row.reason === 'REQUIRED' ? '*' : ''}`);
    return actions.length ? [...new Set(actions)].join(', ') : '–';
  };
  const matrix = [
    `| State | ${actors.map((actor) => ACTOR_TITLES[actor]).join(' | ')} |`,
    `|---|${actors.map(() => '---').join('|')}|`,
    ...states.map((state) => `| ${state} | ${actors.map((actor) => cell(state, actor)).join(' | ')} |`),
  ];
  const byAction = [
    '| Action | Who | From | To | Reason | Mutation |',
    '|---|---|---|---|---|---|',
    ...rules.map((row) => `| ${row.action.toLowerCase()} | ${ACTOR_TITLES[row.actor]} | ${row.from.length ? row.from.join(', ') : '(new)'} | ${row.to} | ${row.reason.toLowerCase()} | \`${row.mutation}\` |`),
  ];
  return `${matrix.join('\n')}\n\n${byAction.join('\n')}\n`;
}
