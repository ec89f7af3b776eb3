// What the catalogue pages ask the gateway.
export interface ServiceRule {
  rule: string;
  roles: string[] | null;
  agencies: string[] | null;
  purposes: string[] | null;
  legalBasis: string;
  ownRecordOnly: boolean;
  consentRequired: boolean;
  subjectRequestRequired: boolean;
  caseIdRequired: boolean;
  connectionRequired: boolean;
}

export interface ServiceSummary {
  id: string;
  ownerAgency: string;
  owner: { name: string } | null;
  description: string;
  classification: string;
  status: string;
  access: { connectionRequired: boolean }[];
}

export interface ServiceDetail {
  id: string;
  policy: string;
  group: string;
  register: string;
  ownerAgency: string;
  owner: { code: string; name: string; focalPoint: { name: string; role: string; phone: string | null; email: string | null } } | null;
  description: string;
  type: string;
  fields: { name: string; type: string; description: string | null }[];
  classification: string;
  legalBases: string[];
  purposes: string[];
  access: ServiceRule[];
  exampleQuery: { operation: string; variables: string[] } | null;
  howToConnect: { endpoint: string; token: string; headers: { name: string; value: string; required: boolean }[] };
  status: string;
  disabledNotice: string | null;
  disabledSince: string | null;
  removedAt: string | null;
}

export const SERVICES = `query Catalogue($filter: SharingServiceFilter, $after: String) {
  sharingServices(filter: $filter, first: 25, after: $after) {
    nodes { id ownerAgency owner { name } description classification status access { connectionRequired } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

export const SERVICE = `query Service($id: ID!) {
  sharingService(id: $id) {
    id policy group register ownerAgency
    owner { code name focalPoint { name role phone email } }
    description type fields { name type description } classification legalBases purposes
    access { rule roles agencies purposes legalBasis ownRecordOnly consentRequired subjectRequestRequired caseIdRequired connectionRequired }
    exampleQuery { operation variables }
    howToConnect { endpoint token headers { name value required } }
    status disabledNotice disabledSince removedAt
  }
}`;

export const CLASSIFICATIONS = ['PUBLIC', 'INTERNAL', 'PERSONAL', 'SENSITIVE'];
export const SERVICE_STATUSES = ['ACTIVE', 'DISABLED', 'REMOVED'];

/** A service's page: its id holds ':' and '.', kept whole in one path segment. */
export const servicePath = (id: string) => `/agency/catalogue/${encodeURIComponent(id)}`;
