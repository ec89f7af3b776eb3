// The one request of each open-data page: anonymous callers are rate limited per address, so a page
// view asks once, and the catalogue's facets are counted from the same answer.
// Open data answers anyone alike: asked with the session's token if there is one, but for no purpose
// (NO_PURPOSE, graphql/ask.ts).

const SUMMARY_FIELDS = `
  id title titleEn description descriptionEn publisher publisherName licence themes frequency
  status freshness dataModifiedAt nextUpdateDue
  distributions { format mediaType downloadPath }
  currentVersion { publishedAt }`;

/** The whole list (at most 200, the API's page; the province lists a handful), narrowed by words only. */
export const CATALOGUE_QUERY = `query OpenDataCatalogue($filter: OpenDatasetFilter) {
  openDatasets(filter: $filter, first: 200) { totalCount nodes { ${SUMMARY_FIELDS} } }
}`;

export const PREVIEW_ROWS = 20;

export const DATASET_QUERY = `query OpenDatasetPage($id: ID!) {
  openDataset(id: $id) {
    ${SUMMARY_FIELDS}
    licenceUrl keywords keywordsEn temporalStart temporalEnd withdrawnReason withdrawnAt metadataModifiedAt
    columns { name title titleEn type }
    versions(first: 20) { totalCount nodes { number publishedAt publishedBy how rowCount sha256 } }
    rows(first: ${PREVIEW_ROWS}) { totalCount nodes { values } }
  }
}`;

export const REPORT_PROBLEM_MUTATION = `mutation ReportOpenDataProblem($input: OpenDataProblemInput!) {
  reportOpenDataProblem(input: $input) { id dataset state createdAt }
}`;
