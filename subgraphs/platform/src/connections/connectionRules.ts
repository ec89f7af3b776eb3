// Who may do what to a connection request, in which state: the one table the mutations check, that
// `connectionRules` answers and that docs/connection-agreements.md prints (REMS-style, role x state x
// action). A row not in this table is refused.
import { asEnumValue } from '../workflow/graphqlValues.ts';
import { rulesTable } from '../workflow/rulesTable.ts';

export const CONNECTION_STATES = ['draft', 'submitted', 'returned', 'approved', 'refused', 'suspended', 'ended'] as const;
/** A stored state. */
export type StoredState = (typeof CONNECTION_STATES)[number];
/** A state as everyone reads it: an approved request whose approved_until has passed reads as expired. */
export type ConnectionState = StoredState | 'expired';
export const READ_STATES: readonly ConnectionState[] = [...CONNECTION_STATES, 'expired'];

/**
 * Who acts: an officer of the consumer agency (the caller's token agency is the consumer agency), an
 * officer of the owner agency of the field groups, or a security officer (any connection, for an incident).
 */
export type ConnectionActor = 'consumer' | 'owner' | 'security-officer';
export const CONNECTION_ACTORS: readonly ConnectionActor[] = ['consumer', 'owner', 'security-officer'];

export type ConnectionAction = 'draft' | 'update' | 'submit' | 'resubmit' | 'withdraw' | 'return' | 'approve' | 'refuse' | 'suspend' | 'resume' | 'end';

/** Whether the action takes a reason: required ones are refused without (BAD_USER_INPUT). */
export type ReasonRule = 'required' | 'optional' | 'none';

export interface ConnectionRule {
  action: ConnectionAction;
  actor: ConnectionActor;
  /** The states it may start from; empty for `draft`, which makes a new request. */
  from: readonly ConnectionState[];
  /** The state it leads to; null when the state does not change (`update`). */
  to: StoredState | null;
  reason: ReasonRule;
  /** The mutation that performs it. */
  mutation: string;
}

const rule = (action: ConnectionAction, actor: ConnectionActor, from: ConnectionState[], to: StoredState | null, reason: ReasonRule, mutation: string): ConnectionRule => ({
  action,
  actor,
  from,
  to,
  reason,
  mutation,
});

export const CONNECTION_RULES: readonly ConnectionRule[] = [
  rule('draft', 'consumer', [], 'draft', 'none', 'draftConnectionRequest'),
  rule('update', 'consumer', ['draft', 'returned'], null, 'none', 'updateConnectionRequest'),
  rule('submit', 'consumer', ['draft'], 'submitted', 'none', 'submitConnectionRequest'),
  rule('resubmit', 'consumer', ['returned'], 'submitted', 'none', 'submitConnectionRequest'),
  // Withdrawing a request not yet decided closes it as ended: a new request starts again from a draft.
  rule('withdraw', 'consumer', ['draft', 'submitted', 'returned'], 'ended', 'required', 'withdrawConnectionRequest'),
  rule('end', 'consumer', ['approved', 'suspended'], 'ended', 'required', 'endConnection'),
  rule('return', 'owner', ['submitted'], 'returned', 'required', 'returnConnectionRequest'),
  rule('approve', 'owner', ['submitted'], 'approved', 'none', 'approveConnectionRequest'),
  rule('refuse', 'owner', ['submitted'], 'refused', 'required', 'refuseConnectionRequest'),
  rule('suspend', 'owner', ['approved'], 'suspended', 'required', 'suspendConnection'),
  rule('resume', 'owner', ['suspended'], 'approved', 'optional', 'resumeConnection'),
  rule('end', 'owner', ['approved', 'suspended'], 'ended', 'required', 'endConnection'),
  rule('suspend', 'security-officer', ['approved'], 'suspended', 'required', 'suspendConnection'),
];

const table = rulesTable<ConnectionAction, ConnectionActor, ConnectionState, ConnectionRule>(CONNECTION_RULES);
export const { ruleFor, mayEverTake, allowedActions, statesFor } = table;

const ACTOR_TITLES: Record<ConnectionActor, string> = {
  consumer: 'Consumer agency officer',
  owner: 'Owner agency officer',
  'security-officer': 'Security officer',
};

/** A rule as `connectionRules` answers it (enum values in capitals). */
export interface PublishedRule {
  action: string;
  actor: string;
  from: readonly string[];
  to: string | null;
  reason: string;
  mutation: string;
}

export function publishedRule(row: ConnectionRule): PublishedRule {
  return { action: asEnumValue(row.action), actor: asEnumValue(row.actor), from: row.from.map(asEnumValue), to: row.to === null ? null : asEnumValue(row.to), reason: asEnumValue(row.reason), mutation: row.mutation };
}

/**
 * The two tables of docs/connection-agreements.md, from the published rules: state x role (the actions
 * each role may take in each state; `*` marks a required reason) and action by action.
 */
export function rulesMarkdown(rules: readonly PublishedRule[]): string {
  const actors = ['CONSUMER', 'OWNER', 'SECURITY_OFFICER'];
  const title = (actor: string) => ACTOR_TITLES[actor.toLowerCase().replace(/_/g, '-') as ConnectionActor];
  const states = ['(none)', ...READ_STATES.map((state) => state.toUpperCase())];
  const cell = (state: string, actor: string) => {
    const actions = rules
      .filter((row) => row.actor === actor && (state === '(none)' ? row.from.length === 0 : row.from.includes(state)))
      .map((row) => `${row.action.toLowerCase()}${row.reason === 'REQUIRED' ? '*' : ''}`);
    return actions.length ? [...new Set(actions)].join(', ') : '–';
  };
  const matrix = [
    `| State | ${actors.map(title).join(' | ')} |`,
    `|---|${actors.map(() => '---').join('|')}|`,
    ...states.map((state) => `| ${state} | ${actors.map((actor) => cell(state, actor)).join(' | ')} |`),
  ];
  const byAction = [
    '| Action | Who | From | To | Reason | Mutation |',
    '|---|---|---|---|---|---|',
    ...rules.map((row) => `| ${row.action.toLowerCase()} | ${title(row.actor)} | ${row.from.length ? row.from.join(', ') : '(new)'} | ${row.to ?? '(unchanged)'} | ${row.reason.toLowerCase()} | \`${row.mutation}\` |`),
  ];
  return `${matrix.join('\n')}\n\n${byAction.join('\n')}\n`;
}
