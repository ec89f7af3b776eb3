// What the usage-inquiry pages ask the gateway.
export const INQUIRY_STATES = ['OPEN', 'ANSWERED', 'WITHDRAWN'];

export interface InquirySummary {
  id: string;
  connectionRequestId: string;
  ownerAgency: { code: string; name: string };
  consumerAgency: { code: string; name: string };
  periodStart: string;
  periodEnd: string;
  state: string;
  dueOn: string;
  overdue: boolean;
}

export interface InquiryDetail extends InquirySummary {
  dataSubject: string | null;
  question: string;
  askedBy: string;
  askedAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  withdrawnBy: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
}

const SUMMARY = 'id connectionRequestId ownerAgency { code name } consumerAgency { code name } periodStart periodEnd state dueOn overdue';

export const INQUIRIES = `query UsageInquiries($filter: UsageInquiryFilter, $after: String) {
  usageInquiries(filter: $filter, first: 20, after: $after) { nodes { ${SUMMARY} } pageInfo { hasNextPage endCursor } }
}`;

export const INQUIRY = `query UsageInquiry($id: ID!) {
  usageInquiry(id: $id) { ${SUMMARY} dataSubject question askedBy askedAt answer answeredBy answeredAt withdrawnBy withdrawnAt withdrawReason }
}`;

export const ASK = `mutation Ask($input: UsageInquiryInput!) { askUsageInquiry(input: $input) { id } }`;
export const ANSWER = `mutation Answer($id: ID!, $answer: String!) { answerUsageInquiry(id: $id, answer: $answer) { id state } }`;
export const WITHDRAW = `mutation Withdraw($id: ID!, $reason: String) { withdrawUsageInquiry(id: $id, reason: $reason) { id state } }`;

export const inquiryPath = (id: string) => `/agency/usage-inquiries/${encodeURIComponent(id)}`;
