// What the connection-agreement pages ask the gateway, and the mutation behind each action.
import type { HistoryEvent } from '../shared/HistoryTable.tsx';

export const CONNECTION_STATES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REFUSED', 'SUSPENDED', 'ENDED', 'EXPIRED'];

export interface ConnectionSummary {
  id: string;
  consumerAgency: { code: string; name: string };
  ownerAgency: { code: string; name: string };
  purpose: string;
  fieldGroups: string[];
  state: string;
  updatedAt: string;
  ageWorkingDays: number | null;
  overdue: boolean;
}

export interface ConnectionEvent extends HistoryEvent {
  changed: string[] | null;
  approvedUntil: string | null;
  conditions: string | null;
}

export interface ConnectionDetail extends ConnectionSummary {
  requestedBy: string;
  legalBasis: string;
  systemName: string;
  contact: string;
  periodStart: string;
  periodEnd: string;
  approvedUntil: string | null;
  conditions: string | null;
  stateReason: string | null;
  createdAt: string;
  submittedAt: string | null;
  version: number;
  history: ConnectionEvent[];
  allowedActions: string[];
}

export interface ConnectionRule {
  action: string;
  actor: string;
  reason: 'REQUIRED' | 'OPTIONAL' | 'NONE';
}

const SUMMARY = 'id consumerAgency { code name } ownerAgency { code name } purpose fieldGroups state updatedAt ageWorkingDays overdue';

export const CONNECTIONS = `query ConnectionRequests($filter: ConnectionRequestFilter, $after: String) {
  connectionRequests(filter: $filter, first: 20, after: $after) { nodes { ${SUMMARY} } pageInfo { hasNextPage endCursor } }
}`;

export const CONNECTION = `query ConnectionRequest($id: ID!) {
  connectionRequest(id: $id) {
    ${SUMMARY} requestedBy legalBasis systemName contact periodStart periodEnd approvedUntil conditions stateReason
    createdAt submittedAt version allowedActions
    history { at actor actorAgency actorRoles action fromState toState reason changed approvedUntil conditions }
  }
  connectionRules { action actor reason }
}`;

export const DRAFT = `mutation Draft($input: ConnectionRequestInput!) { draftConnectionRequest(input: $input) { id } }`;
export const UPDATE = `mutation Update($id: ID!, $input: ConnectionRequestChanges!) { updateConnectionRequest(id: $id, input: $input) { id } }`;

/** The mutation of each action on an existing request, with the arguments it takes besides the id. */
export const ACTION_MUTATIONS: Record<string, { mutation: string; args: string[] }> = {
  SUBMIT: { mutation: 'submitConnectionRequest', args: [] },
  RESUBMIT: { mutation: 'submitConnectionRequest', args: [] },
  WITHDRAW: { mutation: 'withdrawConnectionRequest', args: ['reason'] },
  RETURN: { mutation: 'returnConnectionRequest', args: ['reason'] },
  APPROVE: { mutation: 'approveConnectionRequest', args: ['approvedUntil', 'conditions'] },
  REFUSE: { mutation: 'refuseConnectionRequest', args: ['reason'] },
  SUSPEND: { mutation: 'suspendConnection', args: ['reason'] },
  RESUME: { mutation: 'resumeConnection', args: ['reason'] },
  END: { mutation: 'endConnection', args: ['reason'] },
};

const ARG_TYPES: Record<string, string> = { reason: 'String', approvedUntil: 'String!', conditions: 'String' };

/** The mutation text of an action: `mutation ($id: ID!, $reason: String) { endConnection(id: $id, reason: $reason) { id } }`. */
export function actionMutation(action: string, requiredReason: boolean): string {
  const { mutation, args } = ACTION_MUTATIONS[action];
  const type = (arg: string) => (arg === 'reason' && requiredReason ? 'String!' : ARG_TYPES[arg]);
  const declared = ['$id: ID!', ...args.map((arg) => `$${arg}: ${type(arg)}`)].join(', ');
  const passed = ['id: $id', ...args.map((arg) => `${arg}: $${arg}`)].join(', ');
  return `mutation (${declared}) { ${mutation}(${passed}) { id state } }`;
}

export const connectionPath = (id: string) => `/agency/connections/${encodeURIComponent(id)}`;
