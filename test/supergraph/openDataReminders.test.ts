// Overdue open datasets are chased (Thái Bình QĐ 27/2025 Đ10.2): the platform's periodic pass writes one
// notice per overdue dataset and overdue period to the outbox, naming the agency's focal point, never twice;
// the operator and security officers read every notice, a publisher its own agency's. A dataset published
// by a refresh is fresh and gets none. The list's own review is at most six months old.
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENCIES } from '../../shared/catalogue/platformCatalogue.ts';
import { readOpenDataList } from '../../shared/openData/readOpenDataList.ts';
import { OPEN_DATA_REMINDERS } from '../../subgraphs/platform/src/openData/openDataNotices.ts';
import { expectAnswer } from '../support/expectAnswer.ts';
import { getStack } from '../support/stack.ts';
import { anonymous, call, publisherOf, tokenCaller } from './openDataCallers.ts';

const NOTICES = `{ openDataNotices(first: 100) { totalCount nodes { id dataset publisherAgency focalPoint kind createdAt message } } }`;
const operator = tokenCaller(['platform-admin'], undefined, 'qt-01');
const securityOfficer = tokenCaller(['security-officer'], undefined, 'an-01');

interface Notice {
  id: string;
  dataset: string;
  publisherAgency: string;
  focalPoint: string | null;
  kind: string;
  message: string;
}

async function notices(caller = operator): Promise<Notice[]> {
  const { body } = await call(caller, NOTICES);
  expect(body.errors).toBeUndefined();
  return body.data.openDataNotices.nodes;
}

async function remind(): Promise<void> {
  const { subgraphs } = await getStack();
  await subgraphs.platform.runPeriodicTask(OPEN_DATA_REMINDERS);
}

describe('reminders of overdue open datasets', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('writes one notice per overdue dataset, naming its agency’s focal point, and never the same one twice', async () => {
    const { body } = await call(anonymous, `{ openDatasets(filter: {freshness: OVERDUE}) { nodes { id publisher status nextUpdateDue } } }`);
    const overdue: Array<{ id: string; publisher: string; status: string }> = body.data.openDatasets.nodes.filter((node: { status: string }) => node.status !== 'WITHDRAWN');
    expect(overdue.length).toBeGreaterThan(0);

    await remind();
    const once = await notices();
    for (const dataset of overdue) {
      const mine = once.filter((notice) => notice.dataset === dataset.id);
      expect(mine).toHaveLength(1);
      const agency = AGENCIES.find((entry) => entry.code === dataset.publisher)!;
      expect(mine[0]).toMatchObject({ publisherAgency: dataset.publisher, kind: 'OVERDUE', focalPoint: `${agency.focalPoint[0]}, ${agency.focalPoint[1]} <${agency.focalPoint[3]}>` });
      expect(mine[0].message).toContain(`(${dataset.id})`);
    }

    await remind();
    expect(await notices()).toEqual(once);
  });

  it('shows a publisher its own agency’s notices only, and the security officers every one', async () => {
    const all = await notices();
    const agency = all[0].publisherAgency;
    const own = await notices(publisherOf(agency));
    expect(own.length).toBeGreaterThan(0);
    expect(own).toEqual(all.filter((notice) => notice.publisherAgency === agency));
    expect(await notices(securityOfficer)).toEqual(all);
    expectAnswer(await call(tokenCaller(['citizen'], undefined, '033194012345'), NOTICES), {
      data: null,
      errors: [{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', path: 'openDataNotices' }],
    });
  });

  it('writes nothing for a dataset freshly published by a refresh', async () => {
    const refresh = await call(publisherOf('so-khoa-hoc-cong-nghe'), `mutation { refreshOpenDataset(id: "sharing-services") { dataset { freshness } } }`);
    expect(refresh.body.errors).toBeUndefined();
    expect(refresh.body.data.refreshOpenDataset.dataset.freshness).toBe('FRESH');
    const before = (await notices()).filter((notice) => notice.dataset === 'sharing-services');
    await remind();
    expect((await notices()).filter((notice) => notice.dataset === 'sharing-services')).toEqual(before);
  });

  it('states the list’s review, at most six months old, to anyone', async () => {
    const list = readOpenDataList();
    expectAnswer(await call(anonymous, `{ openDataList { reviewedOn reviewedBy datasetCount } }`), {
      data: { openDataList: { reviewedOn: list.reviewedOn, reviewedBy: list.reviewedBy, datasetCount: list.datasets.length } },
    });
  });
});
