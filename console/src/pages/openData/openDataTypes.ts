// The open datasets as the pages ask for them (gateway/supergraph.graphql, type OpenDataset).
export type Freshness = 'FRESH' | 'DUE' | 'OVERDUE';
export type DatasetStatus = 'PUBLISHED' | 'NOT_YET_PUBLISHED' | 'WITHDRAWN';

export interface Distribution {
  format: string;
  mediaType: string;
  downloadPath: string;
}

/** What the catalogue shows of a dataset, and what its facets count. */
export interface DatasetSummary {
  id: string;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  publisher: string;
  publisherName: string;
  licence: string;
  themes: string[];
  frequency: string;
  status: DatasetStatus;
  freshness: Freshness;
  dataModifiedAt: string | null;
  nextUpdateDue: string | null;
  distributions: Distribution[];
  currentVersion: { publishedAt: string } | null;
}

export interface DatasetColumn {
  name: string;
  title: string;
  titleEn: string;
  type: string;
}

export interface DatasetVersion {
  number: number;
  publishedAt: string;
  publishedBy: string;
  how: string;
  rowCount: number;
  sha256: string;
}

/** Everything a dataset's page shows, asked in one request. */
export interface DatasetDetail extends DatasetSummary {
  licenceUrl: string;
  keywords: string[];
  keywordsEn: string[];
  temporalStart: string;
  temporalEnd: string | null;
  withdrawnReason: string | null;
  withdrawnAt: string | null;
  metadataModifiedAt: string;
  columns: DatasetColumn[];
  versions: { totalCount: number; nodes: DatasetVersion[] };
  rows: { totalCount: number; nodes: { values: (string | null)[] }[] };
}
