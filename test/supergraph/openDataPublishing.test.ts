// A publisher keeps its own agency's open datasets: edits their texts, publishes versions by a refresh
// from the source or a CSV upload, withdraws and reinstates them. Another agency's publisher, an officer
// and a citizen are refused and change nothing. A refresh of unchanged rows publishes nothing new but keeps
// the data fresh; every version is kept, with who, when and how.
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAnswer } from '../support/expectAnswer.ts';
import { getStack } from '../support/stack.ts';
import { anonymous, call, publisherOf, tokenCaller } from './openDataCallers.ts';

const OPERATOR = 'so-khoa-hoc-cong-nghe';
const UNITS = 'administrative-units';
const operatorPublisher = publisherOf(OPERATOR, 'xb-skhcn-01');
const financePublisher = publisherOf('so-tai-chinh', 'xb-stc-01');

const DATASET = `query ($id: ID!) { openDataset(id: $id) {
  id title titleEn keywords status freshness dataModifiedAt metadataModifiedAt nextUpdateDue withdrawnReason withdrawnAt
  currentVersion { number how publishedBy rowCount sha256 }
  versions(first: 100) { totalCount nodes { number how publishedBy rowCount } }
} }`;
const REFRESH = `mutation ($id: ID!) { refreshOpenDataset(id: $id) { outcome versionNumber dataset { status freshness dataModifiedAt currentVersion { number how rowCount } } } }`;
const UPLOAD = `mutation ($id: ID!, $csv: String!) { uploadOpenDatasetVersion(id: $id, csv: $csv) { outcome versionNumber dataset { status currentVersion { number how rowCount publishedBy } } } }`;
const EDIT = `mutation ($id: ID!, $input: OpenDatasetMetadataInput!) { updateOpenDatasetMetadata(id: $id, input: $input) { id title titleEn keywords metadataModifiedAt dataModifiedAt } }`;
const WITHDRAW = `mutation ($id: ID!, $reason: String!) { withdrawOpenDataset(id: $id, reason: $reason) { status withdrawnReason withdrawnAt rows(first: 5) { totalCount nodes { values } } } }`;
const REINSTATE = `mutation ($id: ID!) { reinstateOpenDataset(id: $id) { status withdrawnReason rows(first: 1) { totalCount } } }`;
const UNITS_HEADER = 'unit_code,unit_name,unit_kind,effective_from,former_code,former_name,former_district,former_province_code';

async function dataset(id: string) {
  const { body } = await call(anonymous, DATASET, { id });
  expect(body.errors).toBeUndefined();
  return body.data.openDataset;
}

describe('a publisher keeping its agency’s open datasets', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('publishes administrative units from the platform’s tables, and a second refresh of unchanged rows keeps dataModifiedAt', async () => {
    const before = await dataset(UNITS);
    // A CSV first, so the refresh below has something different to replace whatever ran before this file.
    const upload = await call(operatorPublisher, UPLOAD, { id: UNITS, csv: `${UNITS_HEADER}\n33,Tỉnh Hưng Yên,province,2025-07-01,,,,\n` });
    expect(upload.body.errors).toBeUndefined();
    const uploaded = before.versions.totalCount + 1;
    expect(upload.body.data.uploadOpenDatasetVersion).toEqual({
      outcome: 'PUBLISHED',
      versionNumber: uploaded,
      dataset: { status: 'PUBLISHED', currentVersion: { number: uploaded, how: 'UPLOAD', rowCount: 1, publishedBy: 'xb-skhcn-01' } },
    });

    const first = await call(operatorPublisher, REFRESH, { id: UNITS });
    expect(first.body.errors).toBeUndefined();
    const published = first.body.data.refreshOpenDataset;
    expect(published).toMatchObject({ outcome: 'PUBLISHED', versionNumber: uploaded + 1, dataset: { status: 'PUBLISHED', freshness: 'FRESH', currentVersion: { number: uploaded + 1, how: 'REFRESH' } } });
    expect(published.dataset.currentVersion.rowCount).toBeGreaterThan(50);

    const second = await call(operatorPublisher, REFRESH, { id: UNITS });
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data.refreshOpenDataset).toEqual({ ...published, outcome: 'UNCHANGED' });

    const after = await dataset(UNITS);
    expect(after.versions.totalCount).toBe(uploaded + 1);
    expect(after.versions.nodes.slice(0, 2)).toEqual([
      { number: uploaded + 1, how: 'REFRESH', publishedBy: 'xb-skhcn-01', rowCount: published.dataset.currentVersion.rowCount },
      { number: uploaded, how: 'UPLOAD', publishedBy: 'xb-skhcn-01', rowCount: 1 },
    ]);
    expect(after.currentVersion.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(after.dataModifiedAt).toBe(published.dataset.dataModifiedAt);
  });

  it('publishes the first version of the catalogue of sharing services, numbered after those before', async () => {
    const before = await dataset('sharing-services');
    const { body } = await call(operatorPublisher, REFRESH, { id: 'sharing-services' });
    expect(body.errors).toBeUndefined();
    if (before.currentVersion === null) expect(body.data.refreshOpenDataset.versionNumber).toBe(1);
    expect(body.data.refreshOpenDataset.dataset.status).toBe('PUBLISHED');
    expect(body.data.refreshOpenDataset.dataset.freshness).toBe('FRESH');
  });

  it('publishes a register’s dataset through the register’s own route: the enterprises, by the finance department’s publisher', async () => {
    const before = await dataset('enterprises');
    const { body } = await call(financePublisher, REFRESH, { id: 'enterprises' });
    expect(body.errors).toBeUndefined();
    const refreshed = body.data.refreshOpenDataset;
    expect(refreshed.dataset).toMatchObject({ status: 'PUBLISHED', freshness: 'FRESH', currentVersion: { how: 'REFRESH' } });
    if (before.currentVersion === null) expect(refreshed).toMatchObject({ outcome: 'PUBLISHED', versionNumber: 1 });
    const rows = await call(anonymous, `{ openDataset(id: "enterprises") { columns { name } rows(first: 5) { totalCount nodes { values } } } }`);
    expect(rows.body.errors).toBeUndefined();
    const { columns, rows: page } = rows.body.data.openDataset;
    expect(page.totalCount).toBe(refreshed.dataset.currentVersion.rowCount);
    expect(page.nodes.length).toBe(Math.min(5, page.totalCount));
    for (const row of page.nodes) expect(row.values).toHaveLength(columns.length);

    const again = await call(financePublisher, REFRESH, { id: 'enterprises' });
    expect(again.body.data.refreshOpenDataset).toMatchObject({ outcome: 'UNCHANGED', versionNumber: refreshed.versionNumber, dataset: { dataModifiedAt: refreshed.dataset.dataModifiedAt } });
    expectAnswer(await call(operatorPublisher, REFRESH, { id: 'enterprises' }), { data: null, errors: [{ code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED', path: 'refreshOpenDataset' }] });
  });

  it('publishes an aggregate of a register under its disclosure control: population by commune, by the police’s publisher', async () => {
    const { body } = await call(publisherOf('cong-an-tinh', 'xb-ca-01'), REFRESH, { id: 'population-by-commune-gender-age' });
    expect(body.errors).toBeUndefined();
    expect(body.data.refreshOpenDataset.dataset).toMatchObject({ status: 'PUBLISHED', freshness: 'FRESH' });
    expect(body.data.refreshOpenDataset.dataset.currentVersion.rowCount).toBeGreaterThan(0);
  });

  it('refuses a CSV whose values do not fit the declared columns, naming line and column, and changes nothing', async () => {
    const before = await dataset(UNITS);
    const bad = await call(operatorPublisher, UPLOAD, { id: UNITS, csv: `${UNITS_HEADER}\n33,Tỉnh Hưng Yên,province,2025-13-01,,,,\n34,x,commune\n` });
    expectAnswer(bad, {
      data: null,
      errors: [{ code: 'BAD_USER_INPUT', path: 'uploadOpenDatasetVersion', message: 'The file was refused, nothing changed: line 2, column effective_from: "2025-13-01" is not a date (YYYY-MM-DD) (the column is date) (and 1 more)' }],
    });
    expect(bad.body.errors?.[0].extensions?.problems).toEqual([
      { line: 2, column: 'effective_from', message: '"2025-13-01" is not a date (YYYY-MM-DD) (the column is date)' },
      { line: 3, column: null, message: '3 values where the header has 8' },
    ]);
    const header = await call(operatorPublisher, UPLOAD, { id: UNITS, csv: 'unit_code,unit_name\n33,x\n' });
    expectAnswer(header, { data: null, errors: [{ code: 'BAD_USER_INPUT', path: 'uploadOpenDatasetVersion', message: `The file was refused, nothing changed: line 1: The header must be exactly: ${UNITS_HEADER}` }] });
    expect(await dataset(UNITS)).toEqual(before);
  });

  it('edits its own dataset’s texts, kept over the list’s, without touching the data’s dates', async () => {
    const before = await dataset(UNITS);
    const edit = await call(operatorPublisher, EDIT, { id: UNITS, input: { titleEn: 'Communes and wards of Hưng Yên, with the units they replaced', keywords: ['đơn vị hành chính', 'xã', 'phường'] } });
    expect(edit.body.errors).toBeUndefined();
    expect(edit.body.data.updateOpenDatasetMetadata).toMatchObject({
      id: UNITS,
      title: before.title,
      titleEn: 'Communes and wards of Hưng Yên, with the units they replaced',
      keywords: ['đơn vị hành chính', 'xã', 'phường'],
      dataModifiedAt: before.dataModifiedAt,
    });
    expect(Date.parse(edit.body.data.updateOpenDatasetMetadata.metadataModifiedAt)).toBeGreaterThan(Date.parse(before.metadataModifiedAt));
    expect((await dataset(UNITS)).freshness).toBe(before.freshness);
  });

  it('refuses bad metadata with a plain message and changes nothing', async () => {
    const before = await dataset(UNITS);
    expectAnswer(await call(operatorPublisher, EDIT, { id: UNITS, input: { title: 'x' } }), {
      data: null,
      errors: [{ code: 'BAD_USER_INPUT', path: 'updateOpenDatasetMetadata', message: '"title" must be 3 to 200 characters' }],
    });
    expectAnswer(await call(operatorPublisher, EDIT, { id: 'no-such-dataset', input: { title: 'A title' } }), {
      data: null,
      errors: [{ code: 'BAD_USER_INPUT', path: 'updateOpenDatasetMetadata', message: '"id" must be a dataset of the open-data list, like "administrative-units"' }],
    });
    expect(await dataset(UNITS)).toEqual(before);
  });

  it('refuses another agency’s publisher, an officer, a citizen and a caller without a token, changing nothing', async () => {
    const before = await dataset(UNITS);
    expectAnswer(await call(financePublisher, EDIT, { id: UNITS, input: { title: 'Tiêu đề khác' } }), {
      data: null,
      errors: [{ code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED', path: 'updateOpenDatasetMetadata', message: 'The dataset "administrative-units" is published by so-khoa-hoc-cong-nghe: a publisher of so-tai-chinh may not change it. Nothing changed.' }],
    });
    expectAnswer(await call(financePublisher, REFRESH, { id: UNITS }), { data: null, errors: [{ code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED', path: 'refreshOpenDataset' }] });
    expectAnswer(await call(financePublisher, WITHDRAW, { id: UNITS, reason: 'Dữ liệu không còn đúng nữa' }), { data: null, errors: [{ code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED', path: 'withdrawOpenDataset' }] });
    expectAnswer(await call(tokenCaller(['officer'], OPERATOR), EDIT, { id: UNITS, input: { title: 'Tiêu đề khác' } }), {
      data: null,
      errors: [{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', path: 'updateOpenDatasetMetadata' }],
    });
    expectAnswer(await call(tokenCaller(['citizen'], undefined, '033194012345'), REFRESH, { id: UNITS }), { data: null, errors: [{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', path: 'refreshOpenDataset' }] });
    expectAnswer(await call(anonymous, REFRESH, { id: UNITS }), { status: 401, data: undefined, errors: [{ code: 'UNAUTHENTICATED' }] });
    expect(await dataset(UNITS)).toEqual(before);
  });

  it('withdraws a dataset only with a reason: it stays listed as WITHDRAWN, its rows no longer served, until reinstated', async () => {
    const blank = await call(operatorPublisher, WITHDRAW, { id: 'sharing-services', reason: '   ' });
    expectAnswer(blank, {
      data: null,
      errors: [{ code: 'BAD_USER_INPUT', path: 'withdrawOpenDataset', message: '"reason" is required: say why the dataset is withdrawn, in 10 to 1000 characters' }],
    });
    expect((await dataset('sharing-services')).status).toBe('PUBLISHED');

    const withdrawn = await call(operatorPublisher, WITHDRAW, { id: 'sharing-services', reason: 'Danh mục đang được rà soát lại' });
    expect(withdrawn.body.errors).toBeUndefined();
    expect(withdrawn.body.data.withdrawOpenDataset).toMatchObject({ status: 'WITHDRAWN', withdrawnReason: 'Danh mục đang được rà soát lại', rows: { totalCount: 0, nodes: [] } });
    const listed = await call(anonymous, `{ openDatasets(filter: {status: WITHDRAWN}) { nodes { id withdrawnReason withdrawnAt } } }`);
    expect(listed.body.data.openDatasets.nodes).toEqual([{ id: 'sharing-services', withdrawnReason: 'Danh mục đang được rà soát lại', withdrawnAt: withdrawn.body.data.withdrawOpenDataset.withdrawnAt }]);
    expectAnswer(await call(operatorPublisher, REFRESH, { id: 'sharing-services' }), {
      data: null,
      errors: [{ code: 'BAD_USER_INPUT', path: 'refreshOpenDataset', message: 'The dataset "sharing-services" is withdrawn: reinstate it before publishing a version' }],
    });

    const reinstated = await call(operatorPublisher, REINSTATE, { id: 'sharing-services' });
    expect(reinstated.body.errors).toBeUndefined();
    expect(reinstated.body.data.reinstateOpenDataset.status).toBe('PUBLISHED');
    expect(reinstated.body.data.reinstateOpenDataset.withdrawnReason).toBeNull();
    expect(reinstated.body.data.reinstateOpenDataset.rows.totalCount).toBeGreaterThan(0);
  });
});
