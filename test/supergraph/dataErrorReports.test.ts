// A justice officer (so-tu-phap) reads a citizen's name from the population register, finds it wrong and
// reports it; the police (cong-an-tinh), who own the register, acknowledge and correct it; the agencies
// that received the name are notified and one that did not is not; another agency cannot act; the
// operator reads everything. Every answer is read through the gateway, as each officer would see it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataErrorRulesMarkdown, type PublishedDataErrorRule } from '../../subgraphs/platform/src/dataErrorReports/dataErrorRules.ts';
import { provinceDay } from '../../shared/calendar/provinceDay.ts';
import { addWorkingDays } from '../../subgraphs/platform/src/connections/workingDays.ts';
import { expectAnswer } from '../support/expectAnswer.ts';
import { getStack, query, seededProvince, type Who } from '../support/stack.ts';

const justice: Who = { role: 'officer', agency: 'so-tu-phap', sub: 'stp-hotich-07', purpose: 'civil-status-procedure' };
const finance: Who = { role: 'officer', agency: 'so-tai-chinh', sub: 'stc-dkkd-03', purpose: 'business-registration' };
const land: Who = { role: 'officer', agency: 'so-nong-nghiep-moi-truong', sub: 'snnmt-dd-02', purpose: 'land-administration' };
const police: Who = { role: 'officer', agency: 'cong-an-tinh', sub: 'ca-pc06-11' };
const operator: Who = { role: 'officer', agency: 'so-khoa-hoc-cong-nghe', sub: 'skhcn-cds-04' };
const securityOfficer: Who = { role: 'security-officer', sub: 'so-khcn-attt-05' };
const citizenWho = (id: string): Who => ({ role: 'citizen', sub: id });

const REPORT = `id register type recordId field ownerAgency { code } reportingAgency { code } reportedBy valueSeen problem evidence
  state stateReason correctedValue correctionNote dueOn overdue correctionNoticesSent recipientsSearched version allowedActions`;
const HISTORY = 'history { action fromState toState actor actorAgency actorRoles reason }';

// People no other test file reads (counted from the end of the seeded register).
const people = () => seededProvince().citizens.slice(-40, -30);

function input(recordId: string, overrides: Record<string, unknown> = {}) {
  return {
    register: 'population',
    type: 'Citizen',
    recordId,
    field: 'fullName',
    valueSeen: 'Nguyễn Văn Aan',
    problem: 'The birth certificate spells the given name "An", not "Aan"',
    evidence: 'Trích lục khai sinh số 123/2026, UBND xã Tân Hòa',
    ...overrides,
  };
}

async function report(who: Who, values: Record<string, unknown>, selection = REPORT) {
  return query(who, `mutation ($input: DataErrorReportInput!) { reportDataError(input: $input) { ${selection} } }`, { variables: { input: values } });
}

async function reported(recordId: string): Promise<string> {
  const answer = await report(justice, input(recordId), 'id');
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data.reportDataError.id;
}

async function act(who: Who, mutation: string, id: string, args = '', selection = 'state stateReason version allowedActions') {
  return query(who, `mutation ($id: ID!) { ${mutation}(id: $id${args}) { ${selection} } }`, { variables: { id } });
}

async function readName(who: Who, id: string) {
  const answer = await query(who, `query ($id: ID!) { citizen(id: $id) { id fullName } }`, { variables: { id } });
  expect(answer.body.errors).toBeUndefined();
  expect(answer.body.data.citizen.fullName).toEqual(expect.any(String));
}

async function notices(who: Who) {
  const answer = await query(who, '{ dataCorrectionNotices(first: 100) { nodes { id agency { code } reportId register type recordId field correctedAt } } }');
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data.dataCorrectionNotices.nodes as Array<Record<string, unknown>>;
}

const event = (action: string, fromState: string | null, toState: string, who: Who, reason: string | null = null) => ({
  action,
  fromState,
  toState,
  actor: who.sub,
  actorAgency: who.agency ?? null,
  actorRoles: [who.role],
  reason,
});

beforeAll(async () => {
  await getStack();
}, 600_000);

describe('data-error reports', () => {
  it('lets a justice officer report a wrong name, the police acknowledge and correct it, and notifies every agency that received the name and no other', async () => {
    const person = people()[0];
    await readName(justice, person.id);
    await readName(finance, person.id);
    // The land office reads another person's name, not this one's.
    await readName(land, people()[1].id);

    const made = await report(justice, input(person.id));
    const today = provinceDay(new Date());
    expectAnswer(made, {
      data: {
        reportDataError: {
          id: expect.any(String),
          register: 'population',
          type: 'Citizen',
          recordId: person.id,
          field: 'fullName',
          ownerAgency: { code: 'cong-an-tinh' },
          reportingAgency: { code: 'so-tu-phap' },
          reportedBy: 'stp-hotich-07',
          valueSeen: 'Nguyễn Văn Aan',
          problem: 'The birth certificate spells the given name "An", not "Aan"',
          evidence: 'Trích lục khai sinh số 123/2026, UBND xã Tân Hòa',
          state: 'OPEN',
          stateReason: null,
          correctedValue: null,
          correctionNote: null,
          dueOn: addWorkingDays(today, 5),
          overdue: false,
          correctionNoticesSent: null,
          recipientsSearched: null,
          version: 1,
          allowedActions: ['WITHDRAW'],
        },
      },
    });
    const id = made.body.data.reportDataError.id;

    // The police see it as owner, with what they may do.
    expectAnswer(await query(police, '{ dataErrorReports(filter: { side: OWNER, state: OPEN }, first: 100) { nodes { id allowedActions } } }'), {
      data: { dataErrorReports: { nodes: expect.arrayContaining([{ id, allowedActions: ['ACKNOWLEDGE', 'CORRECT', 'REJECT'] }]) } },
    });

    expectAnswer(await act(police, 'acknowledgeDataErrorReport', id), { data: { acknowledgeDataErrorReport: { state: 'ACKNOWLEDGED', stateReason: null, version: 2, allowedActions: ['CORRECT', 'REJECT'] } } });
    // Not yet corrected: nobody has a notice of it.
    expect((await notices(justice)).filter((notice) => notice.reportId === id)).toEqual([]);

    const corrected = await act(police, 'correctDataErrorReport', id, ', correctedValue: "Nguyễn Văn An", note: "Corrected in the register from the birth certificate"', 'state correctedValue correctionNote correctionNoticesSent recipientsSearched version allowedActions');
    expectAnswer(corrected, {
      data: {
        correctDataErrorReport: {
          state: 'CORRECTED',
          correctedValue: 'Nguyễn Văn An',
          correctionNote: 'Corrected in the register from the birth certificate',
          correctionNoticesSent: 2,
          recipientsSearched: true,
          version: 3,
          allowedActions: [],
        },
      },
    });

    const notice = (agency: string) => ({
      id: expect.any(String),
      agency: { code: agency },
      reportId: id,
      register: 'population',
      type: 'Citizen',
      recordId: person.id,
      field: 'fullName',
      correctedAt: expect.any(String),
    });
    expect((await notices(justice)).filter((row) => row.reportId === id)).toEqual([notice('so-tu-phap')]);
    expect((await notices(finance)).filter((row) => row.reportId === id)).toEqual([notice('so-tai-chinh')]);
    expect((await notices(land)).filter((row) => row.reportId === id)).toEqual([]);
    // The owner corrected its own register: it is not a recipient.
    expect((await notices(police)).filter((row) => row.reportId === id)).toEqual([]);
    // The operator sees every notice.
    expect((await notices(operator)).filter((row) => row.reportId === id).map((row) => (row.agency as { code: string }).code).sort()).toEqual(['so-tai-chinh', 'so-tu-phap']);

    // The reporter is told the outcome, with the whole history.
    expectAnswer(await query(justice, `query ($id: ID!) { dataErrorReport(id: $id) { state correctedValue ${HISTORY} } }`, { variables: { id } }), {
      data: {
        dataErrorReport: {
          state: 'CORRECTED',
          correctedValue: 'Nguyễn Văn An',
          history: [event('REPORT', null, 'OPEN', justice), event('ACKNOWLEDGE', 'OPEN', 'ACKNOWLEDGED', police), event('CORRECT', 'ACKNOWLEDGED', 'CORRECTED', police)],
        },
      },
    });

    // The citizen sees, in their access log, that the police searched the log for the correction.
    const log = await query(citizenWho(person.id), '{ myDataAccessLog(first: 50) { nodes { register agency fields { field decision legalBasis } } } }');
    expect(log.body.errors).toBeUndefined();
    expect(log.body.data.myDataAccessLog.nodes).toContainEqual({
      register: 'population',
      agency: 'cong-an-tinh',
      fields: [{ field: 'DataAccess.entry', decision: 'DISCLOSED', legalBasis: 'pdpl-2025-state-duties' }],
    });
  });

  it('tells the reporter why the police rejected a report, and refuses a rejection without a reason, changing nothing', async () => {
    const id = await reported(people()[2].id);
    for (const args of ['', ', reason: "   "']) {
      expectAnswer(await act(police, 'rejectDataErrorReport', id, args), {
        data: { rejectDataErrorReport: null },
        errors: [{ code: 'BAD_USER_INPUT', path: 'rejectDataErrorReport', message: 'A reason is required to reject a data-error report; nothing changed' }],
      });
    }
    expectAnswer(await query(justice, `query ($id: ID!) { dataErrorReport(id: $id) { state version } }`, { variables: { id } }), { data: { dataErrorReport: { state: 'OPEN', version: 1 } } });

    expectAnswer(await act(police, 'rejectDataErrorReport', id, ', reason: "The register matches the birth certificate on file"'), {
      data: { rejectDataErrorReport: { state: 'REJECTED', stateReason: 'The register matches the birth certificate on file', version: 2, allowedActions: [] } },
    });
    expectAnswer(await query(justice, `query ($id: ID!) { dataErrorReport(id: $id) { state stateReason ${HISTORY} } }`, { variables: { id } }), {
      data: {
        dataErrorReport: {
          state: 'REJECTED',
          stateReason: 'The register matches the birth certificate on file',
          history: [event('REPORT', null, 'OPEN', justice), event('REJECT', 'OPEN', 'REJECTED', police, 'The register matches the birth certificate on file')],
        },
      },
    });
    // A rejected report cannot be corrected afterwards.
    expectAnswer(await act(police, 'correctDataErrorReport', id, ', correctedValue: "X"'), {
      data: { correctDataErrorReport: null },
      errors: [{ code: 'BAD_USER_INPUT', reason: 'REPORT_STATE', path: 'correctDataErrorReport', message: 'A REJECTED data-error report cannot be marked corrected: only one that is OPEN or ACKNOWLEDGED. Nothing changed.' }],
    });
  });

  it('lets neither another agency nor the reporter act as the owner, nor the owner withdraw, and hides the report from a third agency', async () => {
    const id = await reported(people()[3].id);
    expectAnswer(await act(land, 'acknowledgeDataErrorReport', id), {
      data: { acknowledgeDataErrorReport: null },
      errors: [{ code: 'FORBIDDEN', reason: 'ROW_OUT_OF_SCOPE', path: 'acknowledgeDataErrorReport' }],
    });
    expectAnswer(await act(justice, 'correctDataErrorReport', id, ', correctedValue: "Nguyễn Văn An"'), {
      data: { correctDataErrorReport: null },
      errors: [{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', path: 'correctDataErrorReport', message: 'Only officers of the owner agency may mark corrected a data-error report' }],
    });
    expectAnswer(await act(police, 'withdrawDataErrorReport', id), {
      data: { withdrawDataErrorReport: null },
      errors: [{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', path: 'withdrawDataErrorReport' }],
    });
    expectAnswer(await query(land, `query ($id: ID!) { dataErrorReport(id: $id) { id } }`, { variables: { id } }), { data: { dataErrorReport: null } });
    const landList = await query(land, '{ dataErrorReports(first: 100) { nodes { id } } }');
    expect(landList.body.data.dataErrorReports.nodes).not.toContainEqual({ id });
    // The operator and a security officer read every report; nobody changed it.
    for (const who of [operator, securityOfficer]) {
      expectAnswer(await query(who, `query ($id: ID!) { dataErrorReport(id: $id) { state version allowedActions } }`, { variables: { id } }), {
        data: { dataErrorReport: { state: 'OPEN', version: 1, allowedActions: [] } },
      });
    }
    // The reporter may withdraw it while OPEN, and then nobody may act on it.
    expectAnswer(await act(justice, 'withdrawDataErrorReport', id, ', reason: "Reported on the wrong person"'), {
      data: { withdrawDataErrorReport: { state: 'WITHDRAWN', stateReason: 'Reported on the wrong person', version: 2, allowedActions: [] } },
    });
    expectAnswer(await act(police, 'acknowledgeDataErrorReport', id), {
      data: { acknowledgeDataErrorReport: null },
      errors: [{ code: 'BAD_USER_INPUT', reason: 'REPORT_STATE', path: 'acknowledgeDataErrorReport' }],
    });
  });

  it('refuses a report on an unknown register, type or field, a state secret, a malformed record id, or the reporter\'s own data, writing nothing', async () => {
    const knex = (await getStack()).subgraphs.platform.database.knex;
    const before = await knex('data_error_report').count({ count: '*' }).first();
    const person = people()[4].id;
    const cases: Array<[Who, Record<string, unknown>, string]> = [
      [justice, input(person, { register: 'weather' }), 'Unknown register "weather": name a subgraph (population, civil-status, business, land, social)'],
      [justice, input(person, { type: 'Spaceship' }), 'The population register has no type "Spaceship" under its policies'],
      [justice, input(person, { field: 'shoeSize' }), '"shoeSize" is not a shared field of Citizen (a field of a non-state-secret field group of its policy)'],
      [justice, input(person, { field: 'securityNotes' }), '"securityNotes" is not a shared field of Citizen (a field of a non-state-secret field group of its policy)'],
      [justice, input('12345'), '"recordId" must be the record\'s 12-digit personal identification number'],
      [justice, input(person, { problem: '  ' }), '"problem" must not be empty'],
      [police, input(person), 'cong-an-tinh owns Citizen.fullName: correct it in your own register, a data-error report is for data another agency shares with you'],
    ];
    for (const [who, values, message] of cases) {
      expectAnswer(await report(who, values, 'id'), { data: { reportDataError: null }, errors: [{ code: 'BAD_USER_INPUT', path: 'reportDataError', message }] });
    }
    expectAnswer(await report(citizenWho(person), input(person), 'id'), {
      data: { reportDataError: null },
      errors: [{ code: 'FORBIDDEN', reason: expect.any(String), path: 'reportDataError' }],
    });
    expect(await knex('data_error_report').count({ count: '*' }).first()).toEqual(before);
  });

  it('lists a report past its due date as overdue to the police, and not one answered in time', async () => {
    const knex = (await getStack()).subgraphs.platform.database.knex;
    const late = await reported(people()[5].id);
    const onTime = await reported(people()[6].id);
    await knex('data_error_report').where('id', late).update({ due_on: '2026-01-05' });
    const overdue = await query(police, '{ dataErrorReports(filter: { side: OWNER, overdue: true }, first: 100) { nodes { id overdue dueOn } } }');
    expect(overdue.body.errors).toBeUndefined();
    expect(overdue.body.data.dataErrorReports.nodes).toContainEqual({ id: late, overdue: true, dueOn: '2026-01-05' });
    expect(overdue.body.data.dataErrorReports.nodes.map((node: { id: string }) => node.id)).not.toContain(onTime);
    expect(overdue.body.data.dataErrorReports.nodes.every((node: { overdue: boolean }) => node.overdue)).toBe(true);
    // Rejected, it is no longer overdue.
    expect((await act(police, 'rejectDataErrorReport', late, ', reason: "Matches the source record"')).body.errors).toBeUndefined();
    expectAnswer(await query(police, `query ($id: ID!) { dataErrorReport(id: $id) { overdue } }`, { variables: { id: late } }), { data: { dataErrorReport: { overdue: false } } });
  });

  it('keeps the history append-only', async () => {
    const knex = (await getStack()).subgraphs.platform.database.knex;
    const id = await reported(people()[7].id);
    await knex('data_error_report_event').where('report_id', id).update({ actor: 'someone-else' });
    await knex('data_error_report_event').where('report_id', id).delete();
    expect(await knex('data_error_report_event').select('actor').where('report_id', id)).toEqual([{ actor: 'stp-hotich-07' }]);
  });

  it('publishes its rules table to anyone signed in, as docs/data-error-reports.md prints it', async () => {
    const answer = await query(citizenWho(people()[8].id), '{ dataErrorReportRules { action actor from to reason mutation } }');
    expect(answer.body.errors).toBeUndefined();
    const rules = answer.body.data.dataErrorReportRules as PublishedDataErrorRule[];
    expect(rules).toContainEqual({ action: 'REJECT', actor: 'OWNER', from: ['OPEN', 'ACKNOWLEDGED'], to: 'REJECTED', reason: 'REQUIRED', mutation: 'rejectDataErrorReport' });
    const docs = readFileSync(new URL('../../docs/data-error-reports.md', import.meta.url), 'utf8');
    expect(docs).toContain(`<!-- data-error-rules:start -->\n${dataErrorRulesMarkdown(rules)}<!-- data-error-rules:end -->`);
  });
});
