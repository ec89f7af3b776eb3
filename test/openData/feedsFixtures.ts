// Datasets as the platform's GraphQL contract answers them, for the unit tests of the feeds' pure parts
// (CKAN packages and search, the DCAT graph): plain objects, nothing started.
import type { OpenDatasetAnswer } from '../../gateway/src/openData/openDataAnswers.ts';

export const PUBLIC_URL = 'https://opendata.example.gov.vn';

export function datasetAnswer(overrides: Partial<OpenDatasetAnswer> & { id: string }): OpenDatasetAnswer {
  const { id } = overrides;
  return {
    title: `Bộ dữ liệu ${id}`,
    titleEn: `Dataset ${id}`,
    description: `Mô tả ${id}`,
    descriptionEn: `About ${id}`,
    publisher: 'so-tai-chinh',
    publisherName: 'Sở Tài chính',
    licence: 'CC-BY-4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
    keywords: ['doanh nghiệp'],
    keywordsEn: ['enterprises'],
    themes: ['ECON'],
    spatial: ['33'],
    temporalStart: '2020-01-01',
    temporalEnd: null,
    frequency: 'MONTHLY',
    columns: [
      { name: 'code', title: 'Mã', titleEn: 'Code', type: 'string' },
      { name: 'people', title: 'Số người', titleEn: 'People', type: 'integer' },
    ],
    distributions: [
      { format: 'CSV', mediaType: 'text/csv', downloadPath: `/open-data/datasets/${id}.csv` },
      { format: 'JSON', mediaType: 'application/json', downloadPath: `/open-data/datasets/${id}.json` },
    ],
    status: 'PUBLISHED',
    withdrawnReason: null,
    withdrawnAt: null,
    freshness: 'FRESH',
    dataModifiedAt: '2026-11-01T08:00:00.000Z',
    metadataModifiedAt: '2026-11-20T08:00:00.000Z',
    nextUpdateDue: '2026-12-01',
    currentVersion: { number: 2, publishedAt: '2026-11-01T08:00:00.000Z', publishedBy: 'acct-1', how: 'REFRESH', rowCount: 10, sha256: 'ab'.repeat(32) },
    ...overrides,
  };
}

/** Three publishers, four datasets: one withdrawn, one not yet published. */
export function sampleDatasets(): OpenDatasetAnswer[] {
  return [
    datasetAnswer({ id: 'enterprises', title: 'Doanh nghiệp đăng ký', titleEn: 'Registered enterprises', dataModifiedAt: '2026-11-10T00:00:00.000Z', metadataModifiedAt: '2026-10-01T00:00:00.000Z' }),
    datasetAnswer({
      id: 'population-by-commune',
      title: 'Dân số theo xã',
      titleEn: 'Population by commune',
      publisher: 'cong-an-tinh',
      publisherName: 'Công an tỉnh',
      keywords: ['dân số'],
      keywordsEn: ['population'],
      themes: ['SOCI', 'REGI'],
      frequency: 'QUARTERLY',
      dataModifiedAt: '2026-09-01T00:00:00.000Z',
      metadataModifiedAt: '2026-09-01T00:00:00.000Z',
    }),
    datasetAnswer({
      id: 'land-area',
      title: 'Diện tích đất',
      titleEn: 'Land area',
      publisher: 'so-nong-nghiep-moi-truong',
      publisherName: 'Sở Nông nghiệp và Môi trường',
      keywords: ['đất đai'],
      keywordsEn: ['land'],
      themes: ['ENVI'],
      status: 'WITHDRAWN',
      withdrawnReason: 'Sai số liệu',
      withdrawnAt: '2026-11-15T00:00:00.000Z',
      metadataModifiedAt: '2026-11-15T00:00:00.000Z',
    }),
    datasetAnswer({
      id: 'civil-events',
      title: 'Sự kiện hộ tịch',
      titleEn: 'Civil events',
      keywords: ['hộ tịch'],
      keywordsEn: ['civil status'],
      themes: ['SOCI'],
      status: 'NOT_YET_PUBLISHED',
      freshness: 'OVERDUE',
      dataModifiedAt: null,
      currentVersion: null,
      metadataModifiedAt: '2026-08-01T00:00:00.000Z',
    }),
  ];
}
