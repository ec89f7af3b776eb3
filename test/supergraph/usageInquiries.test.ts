// The police (cong-an-tinh) approved the interior department's (so-noi-vu) connection to citizens'
// identity; they ask the interior department how the data was used, which answers; each side sees the
// inquiry, a third agency (justice) does not. Every answer is read through the gateway.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, provinceDay } from '../../shared/calendar/provinceDay.ts';
import { addWorkingDays } from '../../subgraphs/platform/src/connections/workingDays.ts';
import { expectAnswer } from '../support/expectAnswer.ts';
import { getStack, query, type Who } from '../support/stack.ts';

const interior: Who = { role: 'officer', agency: 'so-noi-vu', sub: 'snv-motcua-09' };
const police: Who = { role: 'officer', agency: 'cong-an-tinh', sub: 'ca-pc06-21' };
const justice: Who = { role: 'officer', agency: 'so-tu-phap', sub: 'stp-hctp-09' };
const operator: Who = { role: 'officer', agency: 'so-khoa-hoc-cong-nghe', sub: 'skhcn-cds-09' };

const today = () => provinceDay(new Date());
const INQUIRY = `id connectionRequestId ownerAgency { code } consumerAgency { code } periodStart periodEnd dataSubject question askedBy
  dueOn overdue state answer answeredBy withdrawnBy withdrawReason`;

async function connection(approve: boolean): Promise<string> {
  const input = {
    purpose: 'public-service-delivery',
    legalBasis: 'data-sharing-decree-2025',
    fieldGroups: ['population.citizen:identity'],
    systemName: 'Hệ thống một cửa điện tử Sở Nội vụ',
    contact: 'Bùi Thị Hương, 0221 3861 742',
    periodStart: today(),
    periodEnd: addDays(today(), 365),
  };
  const drafted = await query(interior, 'mutation ($input: ConnectionRequestInput!) { draftConnectionRequest(input: $input) { id } }', { variables: { input } });
  const id = drafted.body.data.draftConnectionRequest.id as string;
  expect((await query(interior, 'mutation ($id: ID!) { submitConnectionRequest(id: $id) { state } }', { variables: { id } })).body.errors).toBeUndefined();
  if (approve) {
    const approved = await query(police, `mutation ($id: ID!) { approveConnectionRequest(id: $id, approvedUntil: "${addDays(today(), 90)}") { state } }`, { variables: { id } });
    expect(approved.body.errors).toBeUndefined();
  }
  return id;
}

async function ask(who: Who, input: Record<string, unknown>, selection = INQUIRY) {
  return query(who, `mutation ($input: UsageInquiryInput!) { askUsageInquiry(input: $input) { ${selection} } }`, { variables: { input } });
}

const question = (connectionRequestId: string, overrides: Record<string, unknown> = {}) => ({
  connectionRequestId,
  periodStart: addDays(today(), -30),
  periodEnd: today(),
  dataSubject: '033194012345',
  question: 'For which dossiers did the one-stop shop read this person\'s name last month?',
  ...overrides,
});

let approvedConnection: string;

beforeAll(async () => {
  await getStack();
  approvedConnection = await connection(true);
}, 600_000);

describe('usage inquiries', () => {
  it('lets the police ask the interior department how the data was used, the interior department answer, both sides see it and a third agency not', async () => {
    const asked = await ask(police, question(approvedConnection));
    expectAnswer(asked, {
      data: {
        askUsageInquiry: {
          id: expect.any(String),
          connectionRequestId: approvedConnection,
          ownerAgency: { code: 'cong-an-tinh' },
          consumerAgency: { code: 'so-noi-vu' },
          periodStart: addDays(today(), -30),
          periodEnd: today(),
          dataSubject: '033194012345',
          question: 'For which dossiers did the one-stop shop read this person\'s name last month?',
          askedBy: 'ca-pc06-21',
          dueOn: addWorkingDays(today(), 10),
          overdue: false,
          state: 'OPEN',
          answer: null,
          answeredBy: null,
          withdrawnBy: null,
          withdrawReason: null,
        },
      },
    });
    const id = asked.body.data.askUsageInquiry.id as string;

    const listed = await query(interior, '{ usageInquiries(filter: { side: CONSUMER, state: OPEN }, first: 100) { nodes { id state } } }');
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data.usageInquiries.nodes).toContainEqual({ id, state: 'OPEN' });

    // The police cannot answer their own question; the interior department cannot withdraw it.
    expectAnswer(await query(police, 'mutation ($id: ID!) { answerUsageInquiry(id: $id, answer: "x") { state } }', { variables: { id } }), {
      data: { answerUsageInquiry: null },
      errors: [{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', path: 'answerUsageInquiry', message: 'Only officers of the consumer agency asked may answer a usage inquiry' }],
    });
    expectAnswer(await query(interior, 'mutation ($id: ID!) { withdrawUsageInquiry(id: $id, reason: "x") { state } }', { variables: { id } }), {
      data: { withdrawUsageInquiry: null },
      errors: [{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', path: 'withdrawUsageInquiry' }],
    });
    // An empty answer changes nothing.
    expectAnswer(await query(interior, 'mutation ($id: ID!) { answerUsageInquiry(id: $id, answer: "  ") { state } }', { variables: { id } }), {
      data: { answerUsageInquiry: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'answerUsageInquiry', message: '"answer" must not be empty; nothing changed' }],
    });

    const answer = 'Two dossiers: HS-2026/1180 (birth registration) and HS-2026/1203 (residence confirmation).';
    const answered = await query(interior, `mutation ($id: ID!, $answer: String!) { answerUsageInquiry(id: $id, answer: $answer) { state answer answeredBy answeredAt } }`, {
      variables: { id, answer },
    });
    expectAnswer(answered, { data: { answerUsageInquiry: { state: 'ANSWERED', answer, answeredBy: 'snv-motcua-09', answeredAt: expect.any(String) } } });

    for (const who of [police, interior, operator]) {
      expectAnswer(await query(who, 'query ($id: ID!) { usageInquiry(id: $id) { state answer askedBy answeredBy } }', { variables: { id } }), {
        data: { usageInquiry: { state: 'ANSWERED', answer, askedBy: 'ca-pc06-21', answeredBy: 'snv-motcua-09' } },
      });
    }
    expectAnswer(await query(justice, 'query ($id: ID!) { usageInquiry(id: $id) { state } }', { variables: { id } }), { data: { usageInquiry: null } });
    const third = await query(justice, '{ usageInquiries(first: 100) { nodes { id } } }');
    expect(third.body.errors).toBeUndefined();
    expect(third.body.data.usageInquiries.nodes).not.toContainEqual({ id });
    expectAnswer(await query(justice, 'mutation ($id: ID!) { answerUsageInquiry(id: $id, answer: "x") { state } }', { variables: { id } }), {
      data: { answerUsageInquiry: null },
      errors: [{ code: 'FORBIDDEN', reason: 'ROW_OUT_OF_SCOPE', path: 'answerUsageInquiry' }],
    });
    // Answered, it cannot be answered again.
    expectAnswer(await query(interior, 'mutation ($id: ID!) { answerUsageInquiry(id: $id, answer: "again") { state } }', { variables: { id } }), {
      data: { answerUsageInquiry: null },
      errors: [{ code: 'BAD_USER_INPUT', reason: 'INQUIRY_STATE', path: 'answerUsageInquiry', message: 'An ANSWERED usage inquiry cannot be answered: only an OPEN one. Nothing changed.' }],
    });
  });

  it('lets the police withdraw an open inquiry only with a reason', async () => {
    const id = (await ask(police, question(approvedConnection, { dataSubject: null }), 'id')).body.data.askUsageInquiry.id as string;
    expectAnswer(await query(police, 'mutation ($id: ID!) { withdrawUsageInquiry(id: $id) { state } }', { variables: { id } }), {
      data: { withdrawUsageInquiry: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'withdrawUsageInquiry', message: 'A reason is required to withdraw a usage inquiry; nothing changed' }],
    });
    expectAnswer(await query(police, 'mutation ($id: ID!) { withdrawUsageInquiry(id: $id, reason: "Asked by mistake") { state withdrawnBy withdrawReason } }', { variables: { id } }), {
      data: { withdrawUsageInquiry: { state: 'WITHDRAWN', withdrawnBy: 'ca-pc06-21', withdrawReason: 'Asked by mistake' } },
    });
  });

  it('refuses an inquiry on a bad period, person or connection, or by an agency that does not own the connection, writing nothing', async () => {
    const knex = (await getStack()).subgraphs.platform.database.knex;
    const before = await knex('usage_inquiry').count({ count: '*' }).first();
    const neverApproved = await connection(false);
    const badInput: Array<[Record<string, unknown>, string]> = [
      [question(approvedConnection, { periodStart: today(), periodEnd: addDays(today(), -1) }), '"periodEnd" must not be before "periodStart"; nothing changed'],
      [question(approvedConnection, { periodStart: '2026-02-30' }), '"periodStart" must be a date written as YYYY-MM-DD'],
      [question(approvedConnection, { dataSubject: '12345' }), '"dataSubject" must be a 12-digit personal identification number'],
      [question('not-a-uuid'), '"connectionRequestId" must be a connection request id (a UUID)'],
      [question(neverApproved), 'This connection was never approved (it is SUBMITTED): no data was shared under it to ask about'],
      [question(approvedConnection, { question: '' }), '"question" must not be empty; nothing changed'],
    ];
    for (const [input, message] of badInput) {
      expectAnswer(await ask(police, input, 'id'), { data: { askUsageInquiry: null }, errors: [{ code: 'BAD_USER_INPUT', path: 'askUsageInquiry', message }] });
    }
    // The consumer, and an agency that is no party, cannot ask about the police's connection; nor about an unknown one.
    for (const [who, connectionId] of [[interior, approvedConnection], [justice, approvedConnection], [police, '00000000-0000-4000-8000-000000000000']] as const) {
      expectAnswer(await ask(who, question(connectionId), 'id'), { data: { askUsageInquiry: null }, errors: [{ code: 'FORBIDDEN', reason: 'ROW_OUT_OF_SCOPE', path: 'askUsageInquiry' }] });
    }
    expect(await knex('usage_inquiry').count({ count: '*' }).first()).toEqual(before);
  });
});
