// How long each list of the public schema can be: the one table the resolvers enforce (`first` is
// refused above its maximum), the schema descriptions and README's "Lists and their limits" state,
// and a cost estimate multiplies by. test/supergraph/listBounds.test.ts fails when a list field of the
// supergraph is missing here, when a `first` argument's description does not state this maximum, or
// when README's table differs from listBoundsTable().
import { SUBGRAPH_SERVICES } from '../config/services.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize } from './pagination.ts';

/** Lists inside one record (a citizen's parcels, a household's members): `first` up to this. */
export const MAX_NESTED_LIST_SIZE = 100;
/** A page of the disclosure logs; every register is asked for `first + 1` entries. */
export const MAX_ACCESS_LOG_PAGE_SIZE = 100;
/** The platform's and the registers' catalogues (agencies, purposes, land-use purposes, ...): rows in SQL. */
export const MAX_CATALOGUE_SIZE = 500;
/** A citizen's own consents or subject requests, newest first: rows in SQL. */
export const MAX_CITIZEN_ROWS = 500;
/** A parent's minor children listed (myMinorChildren): rows in SQL. */
export const MAX_MINOR_CHILDREN = 50;
/** Holders, certificates of one parcel; former communes of one unit: rows per parent in SQL. */
export const MAX_RECORD_PARTS = 100;
/** Sentences one policy proposal's plain-language diff keeps. */
export const MAX_POLICY_CHANGE_SENTENCES = 200;
/** Problems one policy change check lists (checkPolicyChange): the first ones, in file order. */
export const MAX_POLICY_PROBLEMS = 200;
/** Agency and field pairs one policy proposal's impact replay keeps. */
export const MAX_POLICY_IMPACT_ROWS = 500;
/** A page of the sharing statistics; every register is asked for `first + 1` rows. */
export const MAX_STATISTICS_PAGE_SIZE = 500;
/** A page of an open dataset's rows (the current version, keyset-paginated by row number). */
export const MAX_OPEN_DATA_ROWS_PAGE_SIZE = 5_000;
/** Columns one open dataset may declare (and so values per row). */
export const MAX_OPEN_DATA_COLUMNS = 100;
/** Keywords per language of one open dataset (the list's, or a publisher's edit). */
export const MAX_OPEN_DATA_KEYWORDS = 30;
/** Fields one explainAccess answer lists (per response path and Type.field). */
export const MAX_EXPLAINED_FIELDS = 5_000;

const REGISTERS = SUBGRAPH_SERVICES.length;

export type ListBound =
  /** Paginated: `first` (default `default`) is refused with BAD_USER_INPUT above `max`. */
  | { kind: 'first'; max: number; default: number; fanOut?: number; bound: string }
  /** The `nodes` of a connection: as many as the `first` of the fields returning it. */
  | { kind: 'nodes'; max: number; pagedBy: readonly string[]; bound: string }
  /** Capped where it is read (a limit in SQL or in code). */
  | { kind: 'cap'; max: number; bound: string }
  /** Bounded by the data model; `max` is that bound today. */
  | { kind: 'model'; max: number; bound: string };

const connection = (max: number, defaultSize = DEFAULT_PAGE_SIZE) =>
  ({ kind: 'first', max, default: defaultSize, bound: 'a page of the register, keyset-paginated (`after`)' }) as const;
const nested = (bound: string) => ({ kind: 'first', max: MAX_NESTED_LIST_SIZE, default: DEFAULT_PAGE_SIZE, bound }) as const;
const accessLog = {
  kind: 'first',
  max: MAX_ACCESS_LOG_PAGE_SIZE,
  default: DEFAULT_PAGE_SIZE,
  fanOut: REGISTERS,
  bound: `fans out: each of the ${REGISTERS} registers is asked for \`first + 1\` entries, merged newest first; reads up to ${REGISTERS} x (first + 1)`,
} as const;
const catalogue = (what: string) => ({ kind: 'cap', max: MAX_CATALOGUE_SIZE, bound: `${what}; \`limit ${MAX_CATALOGUE_SIZE}\` in SQL` }) as const;

export const LIST_BOUNDS = {
  // Paginated lists: a register or a catalogue a page at a time.
  'Query.citizens': connection(MAX_PAGE_SIZE),
  'Query.enterprises': connection(MAX_PAGE_SIZE),
  'Query.civilEvents': connection(MAX_PAGE_SIZE),
  'Query.landParcels': connection(MAX_PAGE_SIZE),
  'Query.beneficiaries': connection(MAX_PAGE_SIZE),
  'Query.administrativeUnits': connection(MAX_PAGE_SIZE, 50),
  'Query.myDataAccessLog': accessLog,
  'Query.dataAccessLog': accessLog,
  'Query.policyVersions': { kind: 'first', max: MAX_NESTED_LIST_SIZE, default: DEFAULT_PAGE_SIZE, bound: 'newest first, `limit first` in SQL' },
  'Citizen.businesses': nested('oldest registration first, `first` per citizen in SQL'),
  'Citizen.civilEvents': nested('oldest first, `first` per citizen in SQL'),
  'Citizen.landParcels': nested('cadastral order, `first` per citizen in SQL'),
  'Citizen.benefits': nested('oldest first, `first` per citizen in SQL'),
  'Enterprise.landParcels': nested('cadastral order, `first` per enterprise in SQL'),
  'Household.members': nested('oldest first, `first` per household in SQL'),
  // The page of a connection.
  'CitizenConnection.nodes': { kind: 'nodes', max: MAX_PAGE_SIZE, pagedBy: ['Query.citizens'], bound: '`first` of the list' },
  'EnterpriseConnection.nodes': { kind: 'nodes', max: MAX_PAGE_SIZE, pagedBy: ['Query.enterprises'], bound: '`first` of the list' },
  'CivilEventConnection.nodes': { kind: 'nodes', max: MAX_PAGE_SIZE, pagedBy: ['Query.civilEvents'], bound: '`first` of the list' },
  'LandParcelConnection.nodes': { kind: 'nodes', max: MAX_PAGE_SIZE, pagedBy: ['Query.landParcels'], bound: '`first` of the list' },
  'BenefitConnection.nodes': { kind: 'nodes', max: MAX_PAGE_SIZE, pagedBy: ['Query.beneficiaries'], bound: '`first` of the list' },
  'AdministrativeUnitConnection.nodes': { kind: 'nodes', max: MAX_PAGE_SIZE, pagedBy: ['Query.administrativeUnits'], bound: '`first` of the list' },
  'DataAccessConnection.nodes': {
    kind: 'nodes',
    max: MAX_ACCESS_LOG_PAGE_SIZE,
    pagedBy: ['Query.myDataAccessLog', 'Query.dataAccessLog'],
    bound: '`first` of the list (after the merge)',
  },
  // Catalogues: reference data changed by a migration or an administrator, not by use.
  'Query.agencies': catalogue('the agency directory (6 today)'),
  'Query.purposes': catalogue('the purpose catalogue'),
  'Query.legalBases': catalogue('the legal-basis catalogue'),
  'Query.landUsePurposes': catalogue('the 2024 Land Law catalogue'),
  'Query.benefitPrograms': catalogue('the programmes the department pays (4 today)'),
  // Parts of one record.
  'LandParcel.holders': { kind: 'cap', max: MAX_RECORD_PARTS, bound: `largest share first, at most ${MAX_RECORD_PARTS} per parcel in SQL (one or two in practice)` },
  'LandParcel.certificates': { kind: 'cap', max: MAX_RECORD_PARTS, bound: `oldest first, at most ${MAX_RECORD_PARTS} per parcel in SQL (a new one only on transfer or reissue)` },
  'AdministrativeUnit.formerUnits': {
    kind: 'cap',
    max: MAX_RECORD_PARTS,
    bound: `the pre-reform communes merged into the unit (fixed by the 2025 reform; a handful), at most ${MAX_RECORD_PARTS} per unit in SQL`,
  },
  // A citizen's own rows.
  'Query.myConsents': { kind: 'cap', max: MAX_CITIZEN_ROWS, bound: `the citizen's own consents, newest first, \`limit ${MAX_CITIZEN_ROWS}\` in SQL` },
  'Query.myMinorChildren': { kind: 'cap', max: MAX_MINOR_CHILDREN, bound: `the citizen's living children under 18, \`limit ${MAX_MINOR_CHILDREN}\` in SQL` },
  'Query.mySubjectRequests': { kind: 'cap', max: MAX_CITIZEN_ROWS, bound: `the citizen's own requests, newest first, \`limit ${MAX_CITIZEN_ROWS}\` in SQL` },
  // Derived from the policies in force (one file per type, checked against the schemas).
  'Query.consentableFieldGroups': { kind: 'model', max: 800, bound: 'field groups of the policies in force: at most one per field of the schemas (644 today)' },
  'Query.subjectRequestableFieldGroups': { kind: 'model', max: 800, bound: 'field groups of the policies in force: at most one per field of the schemas (644 today)' },
  'ConsentableFieldGroup.fields': { kind: 'model', max: 40, bound: 'fields of one type (22 at most today: the platform\'s Query)' },
  'SubjectRequestableFieldGroup.fields': { kind: 'model', max: 40, bound: 'fields of one type (22 at most today: the platform\'s Query)' },
  'PurposeDeclarers.agencies': { kind: 'model', max: MAX_CATALOGUE_SIZE, bound: 'agencies of the agency directory' },
  'PurposeDeclarers.roles': { kind: 'model', max: 7, bound: 'the known roles (7)' },
  'ConsentableFieldGroup.purposes': { kind: 'model', max: MAX_CATALOGUE_SIZE, bound: 'purposes of the purpose catalogue' },
  'Consent.fieldGroups': { kind: 'model', max: 800, bound: 'distinct consentable field groups, checked when granted' },
  'SubjectRequest.fieldGroups': { kind: 'model', max: 800, bound: 'distinct requestable field groups, checked when asked' },
  'PolicySnapshot.files': {
    kind: 'model',
    max: 300,
    bound: 'the policy set: one policy file per type (each type once, checked), its test file beside it, agency-groups.yaml; 211 by that layout, written by security officers only',
  },
  'PolicyVersion.changedFiles': { kind: 'model', max: 300, bound: 'files of the policy set' },
  'Query.policyProposals': { kind: 'first', max: MAX_NESTED_LIST_SIZE, default: DEFAULT_PAGE_SIZE, bound: 'newest first, `limit first` in SQL' },
  'PolicyProposal.changedFiles': { kind: 'model', max: 300, bound: 'files of the policy set' },
  'PolicyProposal.changes': { kind: 'cap', max: MAX_POLICY_CHANGE_SENTENCES, bound: `sentences grouped by rule and classification, widening first; at most ${MAX_POLICY_CHANGE_SENTENCES} kept, the last saying how many more` },
  'PolicyImpact.rows': { kind: 'cap', max: MAX_POLICY_IMPACT_ROWS, bound: `agency and field pairs with something to report, most changes first; at most ${MAX_POLICY_IMPACT_ROWS} kept` },
  'PolicyImpact.unavailableRegisters': { kind: 'model', max: REGISTERS, bound: `the ${REGISTERS} registers` },
  'Query.explainAccess': {
    kind: 'cap',
    max: MAX_EXPLAINED_FIELDS,
    bound: `one entry per response path and Type.field (per distinct subgraph decision), at most ${MAX_EXPLAINED_FIELDS} fields, else refused; query at most 10,000 tokens`,
  },
  'FieldAccess.subgraphs': { kind: 'model', max: REGISTERS, bound: `the ${REGISTERS} subgraphs` },
  // The policy console's pages (subgraphs/platform/src/policyConsole: policySummaries, checkPolicyChange).
  'Query.policySummaries': { kind: 'model', max: 300, bound: 'policy files of one register: one per type of its schema (75 for the platform today)' },
  'PolicySummary.fieldGroups': { kind: 'model', max: 100, bound: 'groups of one policy: each holds at least one field of its type (54 fields at most today: the Query type)' },
  'PolicySummary.rules': { kind: 'model', max: 3_500, bound: 'rules of one policy file: a proposed file is at most 200,000 characters, a rule at least about 60' },
  'PolicyFieldGroup.fields': { kind: 'model', max: 100, bound: 'fields of one type, each in one group (54 at most today: the Query type)' },
  'PolicyRuleSummary.mayRead': { kind: 'model', max: 100, bound: 'groups of its policy' },
  'PolicyRuleSummary.roles': { kind: 'model', max: 7, bound: 'the known roles (7), checked when compiled' },
  'PolicyRuleSummary.agencies': { kind: 'model', max: MAX_CATALOGUE_SIZE, bound: 'agencies of the agency directory, groups expanded, each once' },
  'PolicyRuleSummary.purposes': { kind: 'model', max: MAX_CATALOGUE_SIZE, bound: 'purposes of the purpose catalogue, checked when compiled' },
  'PolicyRuleSummary.consentPurposes': { kind: 'model', max: MAX_CATALOGUE_SIZE, bound: 'purposes of the purpose catalogue, checked when compiled' },
  'PolicyCheck.problems': { kind: 'cap', max: MAX_POLICY_PROBLEMS, bound: `the first ${MAX_POLICY_PROBLEMS} distinct problems` },
  'PolicyProblem.params': { kind: 'model', max: 4, bound: 'the values one problem names: 4 at most (a failed policy test: case, field, expected, actual)' },
  'PolicyCheck.changedFiles': { kind: 'model', max: 300, bound: 'files of the policy set' },
  'PolicyCheck.changes': { kind: 'cap', max: MAX_POLICY_CHANGE_SENTENCES, bound: `as PolicyProposal.changes: at most ${MAX_POLICY_CHANGE_SENTENCES}, the last saying how many more` },
  'PolicyChangeDetail.fields': { kind: 'model', max: 2_000, bound: 'distinct Type.field of the schemas one sentence reaches (about 690 fields in all today)' },
  // Connection agreements (subgraphs/platform/src/connections).
  'Query.connectionRequests': { kind: 'first', max: MAX_NESTED_LIST_SIZE, default: DEFAULT_PAGE_SIZE, bound: 'newest first, keyset-paginated (`after`)' },
  'ConnectionRequestConnection.nodes': { kind: 'nodes', max: MAX_NESTED_LIST_SIZE, pagedBy: ['Query.connectionRequests'], bound: '`first` of the list' },
  'ConnectionRequest.fieldGroups': { kind: 'model', max: 100, bound: 'distinct field groups of one owner, at most 100, checked when drafted' },
  'ConnectionRequest.history': { kind: 'cap', max: 200, bound: 'the newest 200 events of the request, oldest first, in SQL' },
  'ConnectionRequest.allowedActions': { kind: 'model', max: 11, bound: 'the actions of the rules table (11)' },
  'ConnectionEvent.actorRoles': { kind: 'model', max: 7, bound: 'the actor token\'s roles, known roles only (7)' },
  'ConnectionEvent.changed': { kind: 'model', max: 7, bound: 'the fields of a request an update may change (7)' },
  'Query.connectionRules': { kind: 'model', max: 20, bound: 'rows of the rules table (13 today)' },
  'ConnectionRule.from': { kind: 'model', max: 8, bound: 'the states (8)' },
  // Data-error reports and usage inquiries (subgraphs/platform/src/dataErrorReports, usageInquiries).
  'Query.dataErrorReports': { kind: 'first', max: MAX_NESTED_LIST_SIZE, default: DEFAULT_PAGE_SIZE, bound: 'newest first, keyset-paginated (`after`)' },
  'DataErrorReportConnection.nodes': { kind: 'nodes', max: MAX_NESTED_LIST_SIZE, pagedBy: ['Query.dataErrorReports'], bound: '`first` of the list' },
  'DataErrorReport.history': { kind: 'cap', max: 50, bound: 'the newest 50 events of the report, oldest first, in SQL' },
  'DataErrorReport.allowedActions': { kind: 'model', max: 5, bound: 'the actions of the rules table (5)' },
  'DataErrorReportEvent.actorRoles': { kind: 'model', max: 7, bound: 'the actor token\'s roles, known roles only (7)' },
  'Query.dataErrorReportRules': { kind: 'model', max: 10, bound: 'rows of the rules table (5 today)' },
  'DataErrorReportRule.from': { kind: 'model', max: 5, bound: 'the states (5)' },
  'Query.dataCorrectionNotices': { kind: 'first', max: MAX_NESTED_LIST_SIZE, default: DEFAULT_PAGE_SIZE, bound: 'newest first, keyset-paginated (`after`)' },
  'DataCorrectionNoticeConnection.nodes': { kind: 'nodes', max: MAX_NESTED_LIST_SIZE, pagedBy: ['Query.dataCorrectionNotices'], bound: '`first` of the list' },
  'Query.usageInquiries': { kind: 'first', max: MAX_NESTED_LIST_SIZE, default: DEFAULT_PAGE_SIZE, bound: 'newest first, keyset-paginated (`after`)' },
  'UsageInquiryConnection.nodes': { kind: 'nodes', max: MAX_NESTED_LIST_SIZE, pagedBy: ['Query.usageInquiries'], bound: '`first` of the list' },
  'DataAccess.fields': { kind: 'model', max: 600, bound: 'fields of one register asked in one request (492 in the largest schema, the platform\'s)' },
  'DataAccess.roles': { kind: 'model', max: 7, bound: 'the caller token\'s roles, known roles only (7)' },
  'DataAccessConnection.unavailableRegisters': { kind: 'model', max: REGISTERS, bound: `the ${REGISTERS} registers` },
  // The catalogue of sharing services (issue 14, item 1).
  'Query.sharingServices': { kind: 'first', max: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, bound: 'a page of the catalogue by id, keyset-paginated (`after`)' },
  'SharingServiceConnection.nodes': { kind: 'nodes', max: MAX_PAGE_SIZE, pagedBy: ['Query.sharingServices'], bound: '`first` of the list' },
  'SharingService.fields': { kind: 'model', max: 40, bound: 'fields of one type (22 at most today: the platform\'s Query)' },
  'SharingService.legalBases': { kind: 'model', max: MAX_CATALOGUE_SIZE, bound: 'legal bases of the legal-basis catalogue' },
  'SharingService.purposes': { kind: 'model', max: MAX_CATALOGUE_SIZE, bound: 'purposes of the purpose catalogue' },
  'SharingService.access': { kind: 'model', max: 100, bound: 'rules of one policy file, written by security officers (a dozen at most today)' },
  'SharingServiceRule.roles': { kind: 'model', max: 7, bound: 'the known roles (7)' },
  'SharingServiceRule.agencies': { kind: 'model', max: MAX_CATALOGUE_SIZE, bound: 'agencies of the agency directory' },
  'SharingServiceRule.purposes': { kind: 'model', max: MAX_CATALOGUE_SIZE, bound: 'purposes of the purpose catalogue' },
  'SharingServiceRule.consentPurposes': { kind: 'model', max: MAX_CATALOGUE_SIZE, bound: 'purposes of the purpose catalogue' },
  'SharingServiceExample.variables': { kind: 'model', max: 40, bound: 'required arguments of the fields on the way and of the group (a handful at most)' },
  'SharingServiceExample.path': { kind: 'model', max: 20, bound: 'fields from a root field to the type: a shortest way, within the query depth limit (20)' },
  'HowToConnect.headers': { kind: 'model', max: 3, bound: 'Authorization, X-Purpose and X-Case-Id' },
  // Sharing statistics (issue 14, item 4).
  'Query.sharingStatistics': {
    kind: 'first',
    max: MAX_STATISTICS_PAGE_SIZE,
    default: 100,
    fanOut: REGISTERS,
    bound: `fans out: each of the ${REGISTERS} registers is asked for \`first + 1\` daily rows after the cursor, merged in key order`,
  },
  'SharingStatisticsConnection.nodes': { kind: 'nodes', max: MAX_STATISTICS_PAGE_SIZE, pagedBy: ['Query.sharingStatistics'], bound: '`first` of the list' },
  'SharingStatisticsConnection.unavailableRegisters': { kind: 'model', max: REGISTERS, bound: `the ${REGISTERS} registers` },
  'SharingStatisticsRow.refusals': { kind: 'model', max: 30, bound: 'the refusal reasons (about 20)' },
  // Open data (subgraphs/platform/src/openData): the datasets of the open-data list, their versions and rows.
  'Query.openDatasets': { kind: 'first', max: MAX_PAGE_SIZE, default: 50, bound: 'the datasets of the open-data list (one file each, 7 today), filtered and paged by id (`after`)' },
  'OpenDatasetConnection.nodes': { kind: 'nodes', max: MAX_PAGE_SIZE, pagedBy: ['Query.openDatasets'], bound: '`first` of the list' },
  'OpenDataset.versions': { kind: 'first', max: MAX_NESTED_LIST_SIZE, default: DEFAULT_PAGE_SIZE, bound: 'newest first, keyset-paginated (`after`), `limit first` in SQL' },
  'OpenDataVersionConnection.nodes': { kind: 'nodes', max: MAX_NESTED_LIST_SIZE, pagedBy: ['OpenDataset.versions'], bound: '`first` of the list' },
  'OpenDataset.rows': {
    kind: 'first',
    max: MAX_OPEN_DATA_ROWS_PAGE_SIZE,
    default: 1000,
    bound: 'the current version in row order, keyset-paginated (`after`): one range read of the primary key per page, for every dataset of the answer at once',
  },
  'OpenDataset.rowLines': {
    kind: 'first',
    max: MAX_OPEN_DATA_ROWS_PAGE_SIZE,
    default: 1000,
    bound: 'the same pages as `rows`, each as one text of JSON lines (downloads): the same range read, the same cursors',
  },
  'OpenDataRowConnection.nodes': { kind: 'nodes', max: MAX_OPEN_DATA_ROWS_PAGE_SIZE, pagedBy: ['OpenDataset.rows'], bound: '`first` of the list' },
  'OpenDataRow.values': { kind: 'model', max: MAX_OPEN_DATA_COLUMNS, bound: `the dataset's columns (at most ${MAX_OPEN_DATA_COLUMNS}, checked when a version is published)` },
  'OpenDataset.columns': { kind: 'model', max: MAX_OPEN_DATA_COLUMNS, bound: `the columns of the dataset's file (a handful today; a version with more is refused)` },
  'OpenDataset.keywords': { kind: 'model', max: MAX_OPEN_DATA_KEYWORDS, bound: `keywords of the list's file or the publisher's edit (at most ${MAX_OPEN_DATA_KEYWORDS}, checked on edit)` },
  'OpenDataset.keywordsEn': { kind: 'model', max: MAX_OPEN_DATA_KEYWORDS, bound: `keywords of the list's file or the publisher's edit (at most ${MAX_OPEN_DATA_KEYWORDS}, checked on edit)` },
  'OpenDataset.themes': { kind: 'model', max: 13, bound: 'the EU data themes (13)' },
  'OpenDataset.spatial': { kind: 'model', max: MAX_CATALOGUE_SIZE, bound: 'administrative units of the province' },
  'OpenDataset.distributions': { kind: 'model', max: 2, bound: 'CSV and JSON' },
  'Query.openDataProblemReports': { kind: 'first', max: MAX_NESTED_LIST_SIZE, default: DEFAULT_PAGE_SIZE, bound: 'newest first, keyset-paginated (`after`)' },
  'OpenDataProblemReportConnection.nodes': { kind: 'nodes', max: MAX_NESTED_LIST_SIZE, pagedBy: ['Query.openDataProblemReports'], bound: '`first` of the list' },
  'Query.openDataNotices': { kind: 'first', max: MAX_NESTED_LIST_SIZE, default: DEFAULT_PAGE_SIZE, bound: 'newest first, keyset-paginated (`after`)' },
  'OpenDataNoticeConnection.nodes': { kind: 'nodes', max: MAX_NESTED_LIST_SIZE, pagedBy: ['Query.openDataNotices'], bound: '`first` of the list' },
} as const satisfies Record<string, ListBound>;

export type ListField = keyof typeof LIST_BOUNDS;

const everyCivilEvent = (field: string) => ['Birth', 'Marriage', 'Death'].map((type) => `${type}.${field}`);

/**
 * What each filter or ordering argument of a list tests (every argument but `first` and `after`): the
 * fields whose values it compares. A caller may give the argument only if the policies let them read
 * every one of those fields whatever the row; otherwise FILTER_NOT_ALLOWED (shared/policy/recordVisibility.ts).
 * An input object's fields are listed one by one (`filter.dataSubject`). An empty list: the argument
 * tests nothing of another person's record (the caller's own rows, or a question that is not a filter).
 * test/supergraph/noSilentProbes.test.ts fails when an argument of a list of the schema is missing here.
 */
export const LIST_FILTERS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'Query.citizens': { unitCode: ['Citizen.residence'] },
  'Query.enterprises': { unitCode: ['Enterprise.registeredAt'], status: ['Enterprise.status'], nameContains: ['Enterprise.name'] },
  'Query.civilEvents': {
    // The kind of event is the record's type: the list itself is refused unless its records may be read.
    kind: [],
    unitCode: everyCivilEvent('registeredAt'),
    registeredFrom: everyCivilEvent('registeredOn'),
    registeredTo: everyCivilEvent('registeredOn'),
  },
  'Query.landParcels': { unitCode: ['LandParcel.location'], landUsePurpose: ['LandParcel.landUsePurpose'] },
  'Query.beneficiaries': { programCode: ['Benefit.program'], status: ['Benefit.status'] },
  'Query.administrativeUnits': { kind: ['AdministrativeUnit.kind'] },
  'Query.legalBases': { kind: ['LegalBasis.kind'] },
  'Citizen.benefits': { status: ['Benefit.status'] },
  'Query.dataAccessLog': {
    'filter.from': ['DataAccess.at'],
    'filter.until': ['DataAccess.at'],
    'filter.dataSubject': ['DataAccess.dataSubject'],
    'filter.consumerAgency': ['DataAccess.agency'],
    'filter.purpose': ['DataAccess.purpose'],
    'filter.caseId': ['DataAccess.caseId'],
    'filter.requestId': ['DataAccess.requestId'],
    'filter.decision': ['DataAccess.decision'],
  },
  // The signed-in citizen's own rows.
  'Query.myDataAccessLog': { from: [], until: [] },
  'Query.myConsents': { status: [] },
  'Query.mySubjectRequests': { status: [] },
  // Security officers' own console: the status of proposals, no one's personal data.
  'Query.policyProposals': { status: ['PolicyProposal.status'] },
  // The policy files of one register (their paths begin with it): the policies, no one's personal data.
  'Query.policySummaries': { subgraph: ['PolicySummary.path'] },
  // Connection requests: the caller's agency's side, the state and whether overdue, each a field every reader of the list may read.
  'Query.connectionRequests': {
    'filter.side': ['ConnectionRequest.consumerAgency', 'ConnectionRequest.ownerAgency'],
    'filter.state': ['ConnectionRequest.state'],
    'filter.overdue': ['ConnectionRequest.overdue'],
  },
  // Data-error reports and usage inquiries: the caller's agency's side, the state and whether overdue, each a field every reader of the list may read.
  'Query.dataErrorReports': {
    'filter.side': ['DataErrorReport.reportingAgency', 'DataErrorReport.ownerAgency'],
    'filter.state': ['DataErrorReport.state'],
    'filter.overdue': ['DataErrorReport.overdue'],
  },
  'Query.usageInquiries': {
    'filter.side': ['UsageInquiry.ownerAgency', 'UsageInquiry.consumerAgency'],
    'filter.state': ['UsageInquiry.state'],
  },
  // The catalogue of sharing services: entries generated from the policies, no one's personal data.
  'Query.sharingServices': {
    'filter.text': ['SharingService.id', 'SharingService.type', 'SharingService.fields', 'SharingService.description', 'SharingService.owner'],
    'filter.ownerAgency': ['SharingService.ownerAgency'],
    'filter.classification': ['SharingService.classification'],
    'filter.purpose': ['SharingService.purposes'],
    'filter.status': ['SharingService.status'],
  },
  // Open datasets: the list's metadata, no one's personal data.
  'Query.openDatasets': {
    'filter.text': ['OpenDataset.title', 'OpenDataset.titleEn', 'OpenDataset.description', 'OpenDataset.descriptionEn', 'OpenDataset.keywords', 'OpenDataset.keywordsEn'],
    'filter.publisher': ['OpenDataset.publisher'],
    'filter.theme': ['OpenDataset.themes'],
    'filter.keyword': ['OpenDataset.keywords', 'OpenDataset.keywordsEn'],
    'filter.freshness': ['OpenDataset.freshness'],
    'filter.status': ['OpenDataset.status'],
  },
  // Problem reports on open datasets: the state and dataset, fields every reader of the list may read.
  'Query.openDataProblemReports': { 'filter.state': ['OpenDataProblemReport.state'], 'filter.dataset': ['OpenDataProblemReport.dataset'] },
  // Sharing statistics: counts per day, service, agency and purpose, no one's personal data.
  'Query.sharingStatistics': {
    'filter.from': ['SharingStatisticsRow.day'],
    'filter.to': ['SharingStatisticsRow.day'],
    'filter.ownerAgency': ['SharingStatisticsRow.ownerAgency'],
    'filter.consumerAgency': ['SharingStatisticsRow.consumerAgency'],
    'filter.service': ['SharingStatisticsRow.service'],
    'filter.purpose': ['SharingStatisticsRow.purpose'],
  },
  // The question explained, not a filter on records.
  'Query.explainAccess': { principal: [], purpose: [], query: [] },
};

/** Lists of the signed-in caller's own records: open to them whatever the policies say of other people's rows. */
export const OWN_RECORD_LISTS: ReadonlySet<string> = new Set(['Query.myDataAccessLog', 'Query.myConsents', 'Query.mySubjectRequests']);

/**
 * The page size a paginated list field serves: `first` (its default when null), refused with
 * BAD_USER_INPUT, naming the maximum, outside 1..max.
 */
export function pageSizeOf(field: ListField, first: number | null | undefined): number {
  const bound: ListBound = LIST_BOUNDS[field];
  if (bound.kind !== 'first') throw new Error(`${field} takes no "first"`);
  return pageSize(first ?? bound.default, bound.max);
}

/**
 * What one occurrence of a list field may cost, in items read: `first` (or its default) for a
 * paginated list, times the registers asked for `first + 1` each when it fans out; the bound for the
 * others. Undefined for a field that is not a list. For cost estimates.
 */
export function listCost(field: string, first?: number | null): number | undefined {
  const bound = (LIST_BOUNDS as Record<string, ListBound>)[field];
  if (!bound) return undefined;
  if (bound.kind !== 'first') return bound.max;
  const size = Math.min(Math.max(first ?? bound.default, 1), bound.max);
  return bound.fanOut ? bound.fanOut * (size + 1) : size;
}

/** README's "Lists and their limits" table. */
export function listBoundsTable(): string {
  const rows = Object.entries(LIST_BOUNDS as Record<string, ListBound>).map(([field, bound]) => {
    const limit =
      bound.kind === 'first'
        ? `\`first\` 1-${bound.max} (default ${bound.default})${bound.fanOut ? `; reads up to ${bound.fanOut * (bound.max + 1)}` : ''}`
        : bound.kind === 'nodes'
          ? `up to ${bound.max}`
          : `at most ${bound.max}`;
    return `| \`${field}\` | ${limit} | ${bound.bound} |`;
  });
  return ['| list | limit | what keeps it bounded |', '|---|---|---|', ...rows].join('\n');
}
