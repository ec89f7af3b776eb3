// An open dataset as the OpenDataset type answers it: the list's entry, overlaid with what publishers
// changed (their metadata edits, the current version, a withdrawal), and its freshness now.
import { LICENCES } from '../../../../shared/openData/licences.ts';
import type { OpenDataset } from '../../../../shared/openData/OpenDataList.ts';
import { isoOrNull } from '../workflow/graphqlValues.ts';
import { freshnessOf, type Freshness } from './freshness.ts';
import type { DatasetStateRow } from './openDataStore.ts';

export type OpenDatasetStatus = 'PUBLISHED' | 'NOT_YET_PUBLISHED' | 'WITHDRAWN';

export const MEDIA_TYPES = { csv: 'text/csv', json: 'application/json' } as const;

/** The licence's page (the list's check admits only these licences; the SPDX page for any other). */
export function licenceUrlOf(licence: string): string {
  return LICENCES[licence] ?? `https://spdx.org/licenses/${encodeURIComponent(licence)}.html`;
}

export interface OpenDatasetView {
  id: string;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  publisher: string;
  licence: string;
  licenceUrl: string;
  keywords: string[];
  keywordsEn: string[];
  themes: string[];
  spatial: string[];
  temporalStart: string;
  temporalEnd: string | null;
  frequency: string;
  columns: Array<{ name: string; title: string; titleEn: string; type: string }>;
  distributions: Array<{ format: string; mediaType: string; downloadPath: string }>;
  status: OpenDatasetStatus;
  withdrawnReason: string | null;
  withdrawnAt: string | null;
  freshness: Freshness;
  dataModifiedAt: string | null;
  metadataModifiedAt: string;
  nextUpdateDue: string | null;
  /** For the field resolvers: the current version (null: none). */
  currentVersionId: string | null;
}

/** A day of the list as YYYY-MM-DD (a YAML 1.1 reader would give a Date). */
function isoDay(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

export function statusOf(state: DatasetStateRow | null): OpenDatasetStatus {
  if (state?.withdrawnAt) return 'WITHDRAWN';
  return state?.currentVersionId ? 'PUBLISHED' : 'NOT_YET_PUBLISHED';
}

export function openDatasetView(entry: OpenDataset, state: DatasetStateRow | null, listReviewedOn: string, now: Date): OpenDatasetView {
  const edits = state?.metadata ?? {};
  const reviewedAt = new Date(`${listReviewedOn}T00:00:00Z`);
  const editedAt = state?.metadataModifiedAt ? new Date(state.metadataModifiedAt) : null;
  const { freshness, nextUpdateDue } = freshnessOf({
    frequency: entry.frequency,
    dataConfirmedAt: state?.dataConfirmedAt ? new Date(state.dataConfirmedAt) : null,
    listReviewedOn,
    now,
  });
  const status = statusOf(state);
  return {
    id: entry.id,
    title: edits.title?.vi ?? entry.title.vi,
    titleEn: edits.title?.en ?? entry.title.en,
    description: edits.description?.vi ?? entry.description.vi,
    descriptionEn: edits.description?.en ?? entry.description.en,
    publisher: entry.publisher,
    licence: entry.licence,
    licenceUrl: licenceUrlOf(entry.licence),
    keywords: edits.keywords?.vi ?? entry.keywords.vi,
    keywordsEn: edits.keywords?.en ?? entry.keywords.en,
    themes: [...entry.themes],
    spatial: entry.spatial.map(String),
    temporalStart: isoDay(entry.temporal.start),
    temporalEnd: entry.temporal.end === null ? null : isoDay(entry.temporal.end),
    frequency: entry.frequency,
    columns: entry.columns.map((column) => ({ name: column.name, title: column.title.vi, titleEn: column.title.en, type: column.type })),
    distributions: entry.distributions.map((format) => ({
      format: format.toUpperCase(),
      mediaType: MEDIA_TYPES[format],
      downloadPath: `/open-data/datasets/${entry.id}.${format}`,
    })),
    status,
    withdrawnReason: status === 'WITHDRAWN' ? state!.withdrawnReason : null,
    withdrawnAt: status === 'WITHDRAWN' ? isoOrNull(state!.withdrawnAt) : null,
    freshness,
    dataModifiedAt: isoOrNull(state?.dataModifiedAt ?? null),
    metadataModifiedAt: (editedAt && editedAt > reviewedAt ? editedAt : reviewedAt).toISOString(),
    nextUpdateDue,
    currentVersionId: state?.currentVersionId ?? null,
  };
}
