// What the data-requests page asks and does: the citizen's requests (theirs and their children's), what
// may be asked for, making and withdrawing one.
export const MY_REQUESTS_QUERY = `query MySubjectRequests($status: SubjectRequestStatus) {
  mySubjectRequests(status: $status) { id subjectId requestedBy holderAgency recipientAgency caseId fieldGroups validUntil status createdAt usedAt withdrawnAt }
}`;

export const REQUESTABLE_QUERY = `query Requestable { subjectRequestableFieldGroups { id level fields holderAgency } }`;

export const REQUEST_PROVISION = `mutation RequestDataProvision($input: DataProvisionInput!) { requestDataProvision(input: $input) { id status } }`;

export const WITHDRAW_REQUEST = `mutation WithdrawSubjectRequest($id: ID!) { withdrawSubjectRequest(id: $id) { id status } }`;

export interface SubjectRequest {
  id: string;
  subjectId: string;
  requestedBy: string;
  holderAgency: string;
  recipientAgency: string;
  caseId: string;
  fieldGroups: string[];
  validUntil: string;
  status: 'OPEN' | 'USED' | 'EXPIRED' | 'WITHDRAWN';
  createdAt: string;
  usedAt: string | null;
  withdrawnAt: string | null;
}

export interface RequestableGroup {
  id: string;
  level: string;
  fields: string[];
  holderAgency: string;
}

/** The longest a request may stay open (the platform refuses more than 90 days ahead). */
export const MAX_REQUEST_DAYS = 89;
/** A dossier number shown as an example (the format of provincial dossiers). */
export const DOSSIER_EXAMPLE = 'DKKD-2026/004217';
