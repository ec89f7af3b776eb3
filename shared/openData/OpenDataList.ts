// The province's open-data list (Thái Bình QĐ 27/2025 Đ7.1): which datasets the agencies publish, as
// files security officers and publishers review like policies (open-data/). The shapes every open-data
// module reads: the check, the platform's store and catalogue, the gateway's downloads, CKAN and DCAT.

/** A text in Vietnamese (the portal's language) and English. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** EU frequency authority codes (DCAT-AP's dct:accrualPeriodicity vocabulary) the list may declare. */
export const UPDATE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'ANNUAL', 'IRREG'] as const;
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number];

/** EU data-theme authority codes (DCAT-AP's dcat:theme vocabulary). */
export const DATA_THEMES = ['AGRI', 'ECON', 'EDUC', 'ENER', 'ENVI', 'GOVE', 'HEAL', 'INTR', 'JUST', 'REGI', 'SOCI', 'TECH', 'TRAN'] as const;
export type DataTheme = (typeof DATA_THEMES)[number];

export const COLUMN_TYPES = ['string', 'integer', 'number', 'date', 'boolean'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface OpenDataColumn {
  /** snake_case, the CSV header and the JSON key. */
  name: string;
  title: Bilingual;
  type: ColumnType;
  /**
   * For a register source: the `Type.field` of the owner's schema the column publishes (its policy's
   * classification must be `public`). For an aggregate: the count column (`counts`) or a dimension.
   */
  field?: string;
}

/**
 * Where a dataset's rows come from, computed by the owner's subgraph (its `openDataSources`):
 * - `register`: rows of public fields of a register, one per record;
 * - `aggregate`: counts of people per cell, under statistical disclosure control (cells under k suppressed);
 * - `catalogue`: a list the platform itself keeps (administrative units, sharing services).
 */
export interface OpenDataSource {
  kind: 'register' | 'aggregate' | 'catalogue';
  /** The subgraph that computes the rows (population, civil-status, business, land, social, platform). */
  subgraph: string;
  /** The name of the source in that subgraph's openDataSources. */
  name: string;
  /** Aggregates: the least number of people a published cell may count (default 10). */
  minimumCellCount?: number;
}

export interface OpenDataset {
  /** kebab-case, stable: the download path and the CKAN package name. */
  id: string;
  title: Bilingual;
  description: Bilingual;
  /** Agency code (agency directory) whose publishers keep this dataset. */
  publisher: string;
  /** SPDX licence id, e.g. CC-BY-4.0. */
  licence: string;
  keywords: { vi: string[]; en: string[] };
  themes: DataTheme[];
  /** Administrative-unit codes after the 2025 reform (the province '33', or communes). */
  spatial: string[];
  /** ISO dates; `end` null while the dataset is kept current. */
  temporal: { start: string; end: string | null };
  frequency: UpdateFrequency;
  source: OpenDataSource;
  columns: OpenDataColumn[];
  /** Download formats offered. */
  distributions: ('csv' | 'json')[];
}

/** open-data/list.yaml: the list as reviewed, and the datasets it names. */
export interface OpenDataList {
  /** ISO date of the last review of the list (at most 6 months old: Thái Bình QĐ 10/2021 Đ6.3). */
  reviewedOn: string;
  reviewedBy: string;
  datasets: OpenDataset[];
}
