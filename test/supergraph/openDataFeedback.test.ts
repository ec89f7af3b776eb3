// Anyone, without a token, reports a problem with an open dataset and leaves a contact; the dataset's
// publisher and the portal's operator read, answer and close it, and only they read the contact (personal,
// under the purpose open-data-feedback). Another agency's publisher sees nothing of it.
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAnswer } from '../support/expectAnswer.ts';
import { getStack } from '../support/stack.ts';
import { anonymous, call, publisherOf, tokenCaller, type OpenDataCaller } from './openDataCallers.ts';

const FEEDBACK = { 'x-purpose': 'open-data-feedback' };
const operatorPublisher: OpenDataCaller = { ...publisherOf('so-khoa-hoc-cong-nghe', 'xb-skhcn-02'), headers: FEEDBACK };
const financePublisher: OpenDataCaller = { ...publisherOf('so-tai-chinh', 'xb-stc-02'), headers: FEEDBACK };
const operatorOfficer: OpenDataCaller = { ...tokenCaller(['officer'], 'so-khoa-hoc-cong-nghe', 'cb-skhcn-01'), headers: FEEDBACK };

const REPORT = `mutation ($input: OpenDataProblemInput!) { reportOpenDataProblem(input: $input) { id dataset state createdAt } }`;
const REPORTS = `query ($filter: OpenDataProblemReportFilter) { openDataProblemReports(filter: $filter, first: 100) {
  totalCount nodes { id dataset publisher description contact state answer answeredBy answeredAt closedAt }
} }`;
const ANSWER = `mutation ($id: ID!, $answer: String!) { answerOpenDataProblemReport(id: $id, answer: $answer) { id state answer answeredBy } }`;
const CLOSE = `mutation ($id: ID!) { closeOpenDataProblemReport(id: $id) { id state closedAt } }`;

describe('a person reporting a problem with an open dataset', () => {
  let reportId: string;

  beforeAll(async () => {
    await getStack();
  });

  it('reports one without a token, and is given a receipt without their contact', async () => {
    const { body, status } = await call(anonymous, REPORT, {
      input: { dataset: 'administrative-units', description: 'Xã Tân Phong bị ghi sai tên đơn vị cũ.', contact: 'nguoidung@example.vn' },
    });
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    expect(body.data.reportOpenDataProblem).toMatchObject({ dataset: 'administrative-units', state: 'OPEN' });
    reportId = body.data.reportOpenDataProblem.id;
  });

  it('is told plainly what is wrong with a report, and nothing is kept', async () => {
    const refused = async (input: Record<string, string>, message: string) =>
      expectAnswer(await call(anonymous, REPORT, { input: { dataset: 'administrative-units', description: 'Thiếu dữ liệu của một xã.', contact: '0912 345 678', ...input } }), {
        data: null,
        errors: [{ code: 'BAD_USER_INPUT', path: 'reportOpenDataProblem', message }],
      });
    await refused({ dataset: 'no-such-dataset' }, '"input.dataset" must be a dataset of the open-data list, like "administrative-units"');
    await refused({ description: 'sai' }, '"description" must say what is wrong in 10 to 2000 characters');
    await refused({ contact: 'call me' }, '"contact" must be an e-mail address or a phone number, so that the publisher can answer you');
    const { body } = await call(operatorPublisher, REPORTS, { filter: { dataset: 'administrative-units' } });
    expect(body.data.openDataProblemReports.nodes.filter((node: { description: string }) => node.description === 'Thiếu dữ liệu của một xã.')).toEqual([]);
  });

  it('is seen with its contact by the dataset’s publisher, under the purpose of answering', async () => {
    const { body } = await call(operatorPublisher, REPORTS, { filter: { state: 'OPEN' } });
    expect(body.errors).toBeUndefined();
    expect(body.data.openDataProblemReports.nodes.find((node: { id: string }) => node.id === reportId)).toEqual({
      id: reportId,
      dataset: 'administrative-units',
      publisher: 'so-khoa-hoc-cong-nghe',
      description: 'Xã Tân Phong bị ghi sai tên đơn vị cũ.',
      contact: 'nguoidung@example.vn',
      state: 'OPEN',
      answer: null,
      answeredBy: null,
      answeredAt: null,
      closedAt: null,
    });
  });

  it('keeps the contact from a publisher who declares no purpose', async () => {
    const { body } = await call(publisherOf('so-khoa-hoc-cong-nghe', 'xb-skhcn-02'), `{ openDataProblemReports(first: 100) { nodes { id contact } } }`);
    const index = body.data.openDataProblemReports.nodes.findIndex((node: { id: string }) => node.id === reportId);
    expect(body.data.openDataProblemReports.nodes[index]).toEqual({ id: reportId, contact: null });
    expect(body.errors?.find((error) => error.path?.join('.') === `openDataProblemReports.nodes.${index}.contact`)?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PURPOSE_REQUIRED' });
  });

  it('is not seen, nor answered, by another agency’s publisher', async () => {
    const { body } = await call(financePublisher, REPORTS);
    expect(body.errors).toBeUndefined();
    expect(body.data.openDataProblemReports.nodes.map((node: { id: string }) => node.id)).not.toContain(reportId);
    expect(body.data.openDataProblemReports.nodes.every((node: { publisher: string }) => node.publisher === 'so-tai-chinh')).toBe(true);
    expectAnswer(await call(financePublisher, ANSWER, { id: reportId, answer: 'Chúng tôi sẽ kiểm tra lại.' }), {
      data: null,
      errors: [{ code: 'BAD_USER_INPUT', path: 'answerOpenDataProblemReport', message: '"id" is not a problem report you can answer' }],
    });
  });

  it('is refused to callers without a token and to citizens', async () => {
    expectAnswer(await call(anonymous, REPORTS), { status: 401, data: undefined, errors: [{ code: 'UNAUTHENTICATED' }] });
    expectAnswer(await call(tokenCaller(['citizen'], undefined, '033194012345'), REPORTS), {
      data: null,
      errors: [{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', path: 'openDataProblemReports' }],
    });
    expectAnswer(await call({ ...tokenCaller(['officer'], 'so-tu-phap'), headers: {} }, REPORTS), {
      data: null,
      errors: [{ code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED', path: 'openDataProblemReports', message: 'Only the portal\'s operator and the datasets\' publishers read problem reports' }],
    });
  });

  it('is answered by the publisher and closed by the operator, and a closed report takes no answer', async () => {
    const answered = await call(operatorPublisher, ANSWER, { id: reportId, answer: 'Cảm ơn bạn, tên đã được sửa trong phiên bản mới.' });
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data.answerOpenDataProblemReport).toEqual({ id: reportId, state: 'ANSWERED', answer: 'Cảm ơn bạn, tên đã được sửa trong phiên bản mới.', answeredBy: 'xb-skhcn-02' });
    const closed = await call(operatorOfficer, CLOSE, { id: reportId });
    expect(closed.body.errors).toBeUndefined();
    expect(closed.body.data.closeOpenDataProblemReport).toMatchObject({ id: reportId, state: 'CLOSED' });
    expectAnswer(await call(operatorPublisher, ANSWER, { id: reportId, answer: 'Một câu trả lời nữa.' }), {
      data: null,
      errors: [{ code: 'BAD_USER_INPUT', path: 'answerOpenDataProblemReport', message: 'The report is closed: it can no longer be answered' }],
    });
  });
});
