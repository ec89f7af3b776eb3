// What the data-error pages ask the gateway, and the mutation behind each action on a report.
import type { HistoryEvent } from '../shared/HistoryTable.tsx';

export const ERROR_STATES = ['OPEN', 'ACKNOWLEDGED', 'CORRECTED', 'REJECTED', 'WITHDRAWN'];

export interface DataErrorSummary {
  id: string;
  register: string;
  type: string;
  recordId: string;
  field: string;
  ownerAgency: { code: string; name: string };
  reportingAgency: { code: string; name: string };
  state: string;
  dueOn: string;
  overdue: boolean;
}

export interface DataErrorDetail extends DataErrorSummary {
  reportedBy: string;
  valueSeen: string;
  problem: string;
  evidence: string;
  stateReason: string | null;
  correctedValue: string | null;
  correctionNote: string | null;
  correctionNoticesSent: number | null;
  recipientsSearched: boolean | null;
  createdAt: string;
  history: HistoryEvent[];
  allowedActions: string[];
}

const SUMMARY = 'id register type recordId field ownerAgency { code name } reportingAgency { code name } state dueOn overdue';

export const REPORTS = `query DataErrorReports($filter: DataErrorReportFilter, $after: String) {
  dataErrorReports(filter: $filter, first: 20, after: $after) { nodes { ${SUMMARY} } pageInfo { hasNextPage endCursor } }
}`;

export const REPORT = `query DataErrorReport($id: ID!) {
  dataErrorReport(id: $id) {
    ${SUMMARY} reportedBy valueSeen problem evidence stateReason correctedValue correctionNote correctionNoticesSent
    recipientsSearched createdAt allowedActions
    history { at actor actorAgency action fromState toState reason }
  }
  dataErrorReportRules { action actor reason }
}`;

export const REPORT_ERROR = `mutation Report($input: DataErrorReportInput!) { reportDataError(input: $input) { id } }`;

export const NOTICES = `query Notices($after: String) {
  dataCorrectionNotices(first: 20, after: $after) {
    nodes { id agency { code name } reportId register type recordId field correctedAt }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The mutation text of an action on a report. */
export function reportActionMutation(action: string, requiredReason: boolean): string {
  switch (action) {
    case 'ACKNOWLEDGE':
      return 'mutation ($id: ID!) { acknowledgeDataErrorReport(id: $id) { id state } }';
    case 'CORRECT':
      return 'mutation ($id: ID!, $correctedValue: String!, $note: String) { correctDataErrorReport(id: $id, correctedValue: $correctedValue, note: $note) { id state } }';
    case 'REJECT':
      return `mutation ($id: ID!, $reason: String${requiredReason ? '!' : ''}) { rejectDataErrorReport(id: $id, reason: $reason) { id state } }`;
    default:
      return `mutation ($id: ID!, $reason: String${requiredReason ? '!' : ''}) { withdrawDataErrorReport(id: $id, reason: $reason) { id state } }`;
  }
}

export const reportPath = (id: string) => `/agency/data-errors/${encodeURIComponent(id)}`;
