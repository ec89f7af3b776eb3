// Who used the citizen's data: their entries in every agency's disclosure log, newest first, a page at a time.
export const MY_ACCESS_LOG_QUERY = `query MyDataAccessLog($from: String, $until: String, $first: Int, $after: String) {
  myDataAccessLog(from: $from, until: $until, first: $first, after: $after) {
    nodes { at requestId register holderAgency agency guardian askedByDataSubject purpose caseId decision fields { field decision legalBasis reason } }
    pageInfo { hasNextPage endCursor }
    unavailableRegisters
  }
}`;

export const PAGE_SIZE = 20;

export interface DataAccess {
  at: string;
  requestId: string;
  register: string;
  holderAgency: string;
  agency: string | null;
  /** The parent who asked for a minor child (null when no parent acted). */
  guardian: string | null;
  askedByDataSubject: boolean;
  purpose: string | null;
  caseId: string | null;
  decision: 'DISCLOSED' | 'REFUSED' | 'PARTIAL';
  fields: { field: string; decision: string; legalBasis: string | null; reason: string | null }[];
}

export interface AccessLogPage {
  nodes: (DataAccess | null)[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  unavailableRegisters: string[];
}
