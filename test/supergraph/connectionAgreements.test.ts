// The interior department (so-noi-vu) asks the provincial police (cong-an-tinh) to connect its one-stop
// shop system to citizens' identity; the police decide; another agency, a citizen and the operator look
// on. Every answer is read through the gateway, as each officer would see it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, provinceDay } from '../../shared/calendar/provinceDay.ts';
import { rulesMarkdown, type PublishedRule } from '../../subgraphs/platform/src/connections/connectionRules.ts';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { getStack, query, type Who } from '../support/stack.ts';

const interior: Who = { role: 'officer', agency: 'so-noi-vu', sub: 'snv-motcua-01' };
const police: Who = { role: 'officer', agency: 'cong-an-tinh', sub: 'ca-pc06-01' };
const secondPoliceOfficer: Who = { role: 'officer', agency: 'cong-an-tinh', sub: 'ca-pc06-02' };
const justice: Who = { role: 'officer', agency: 'so-tu-phap', sub: 'stp-hctp-01' };
const operator: Who = { role: 'officer', agency: 'so-khoa-hoc-cong-nghe', sub: 'skhcn-cds-01' };
const securityOfficer: Who = { role: 'security-officer', sub: 'so-khcn-attt-01' };
const citizen: Who = { role: 'citizen', sub: '033194012345' };

const today = () => provinceDay(new Date());
const request = () => ({
  purpose: 'public-service-delivery',
  legalBasis: 'data-sharing-decree-2025',
  fieldGroups: ['population.citizen:identity'],
  systemName: 'Hệ thống một cửa điện tử Sở Nội vụ',
  contact: 'Bùi Thị Hương, 0221 3861 742',
  periodStart: today(),
  periodEnd: addDays(today(), 365),
});

const FIELDS = `id consumerAgency { code } ownerAgency { code } requestedBy purpose legalBasis fieldGroups systemName contact
  periodStart periodEnd state approvedUntil conditions stateReason submittedAt ageWorkingDays overdue version allowedActions`;
const HISTORY = 'history { action fromState toState actor actorAgency actorRoles reason changed approvedUntil conditions }';

async function draft(who: Who, input: Record<string, unknown> = request()) {
  return query(who, `mutation ($input: ConnectionRequestInput!) { draftConnectionRequest(input: $input) { ${FIELDS} } }`, { variables: { input } });
}

async function drafted(): Promise<string> {
  const { body } = await draft(interior);
  expect(body.errors).toBeUndefined();
  return body.data.draftConnectionRequest.id;
}

async function act(who: Who, mutation: string, id: string, args = '', selection = 'state stateReason version allowedActions') {
  return query(who, `mutation ($id: ID!) { ${mutation}(id: $id${args}) { ${selection} } }`, { variables: { id } });
}

async function submitted(): Promise<string> {
  const id = await drafted();
  expect((await act(interior, 'submitConnectionRequest', id)).body.errors).toBeUndefined();
  return id;
}

async function approved(): Promise<string> {
  const id = await submitted();
  expect((await act(police, 'approveConnectionRequest', id, `, approvedUntil: "${addDays(today(), 90)}"`)).body.errors).toBeUndefined();
  return id;
}

async function read(who: Who, id: string, selection = `state version ${HISTORY}`) {
  return query(who, `query ($id: ID!) { connectionRequest(id: $id) { ${selection} } }`, { variables: { id } });
}

async function platformKnex() {
  return (await getStack()).subgraphs.platform.database.knex;
}

const event = (action: string, fromState: string | null, toState: string, who: Who, extra: Record<string, unknown> = {}) => ({
  action,
  fromState,
  toState,
  actor: who.sub,
  actorAgency: who.agency ?? null,
  actorRoles: [who.role],
  reason: null,
  changed: null,
  approvedUntil: null,
  conditions: null,
  ...extra,
});

describe('an interior department officer asking the police to connect to citizens’ identity', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('drafts, is returned with a reason, resubmits, is approved, suspended, resumed and ended, each step in the history', async () => {
    const answer = await draft(interior);
    expect(answer.body.errors).toBeUndefined();
    const created = answer.body.data.draftConnectionRequest;
    const id = created.id;
    expect(created).toEqual({
      id,
      consumerAgency: { code: 'so-noi-vu' },
      ownerAgency: { code: 'cong-an-tinh' },
      requestedBy: 'snv-motcua-01',
      ...request(),
      state: 'DRAFT',
      approvedUntil: null,
      conditions: null,
      stateReason: null,
      submittedAt: null,
      ageWorkingDays: null,
      overdue: false,
      version: 1,
      allowedActions: ['UPDATE', 'SUBMIT', 'WITHDRAW'],
    });
    // A draft is the consumer's working copy: the police do not see it yet.
    expectAnswer(await read(police, id, 'state'), { data: { connectionRequest: null } });

    const sent = await act(interior, 'submitConnectionRequest', id, '', 'state submittedAt ageWorkingDays overdue allowedActions');
    expectAnswer(sent, { data: { submitConnectionRequest: { state: 'SUBMITTED', submittedAt: expect.any(String), ageWorkingDays: 0, overdue: false, allowedActions: ['WITHDRAW'] } } });
    expectAnswer(await read(police, id, 'state allowedActions'), { data: { connectionRequest: { state: 'SUBMITTED', allowedActions: ['RETURN', 'APPROVE', 'REFUSE'] } } });

    expectAnswer(await act(police, 'returnConnectionRequest', id, ', reason: "Name the one-stop shop procedures that need it"'), {
      data: { returnConnectionRequest: { state: 'RETURNED', stateReason: 'Name the one-stop shop procedures that need it', version: 3, allowedActions: [] } },
    });
    const changed = await query(interior, 'mutation ($id: ID!) { updateConnectionRequest(id: $id, input: { systemName: "Một cửa điện tử: thủ tục cấp phép lao động" }) { state systemName version } }', {
      variables: { id },
    });
    expectAnswer(changed, { data: { updateConnectionRequest: { state: 'RETURNED', systemName: 'Một cửa điện tử: thủ tục cấp phép lao động', version: 4 } } });
    expectAnswer(await act(interior, 'submitConnectionRequest', id), {
      data: { submitConnectionRequest: { state: 'SUBMITTED', stateReason: 'Name the one-stop shop procedures that need it', version: 5, allowedActions: ['WITHDRAW'] } },
    });

    const until = addDays(today(), 180);
    expectAnswer(await act(police, 'approveConnectionRequest', id, `, approvedUntil: "${until}", conditions: "Identity only; no bulk export"`, 'state approvedUntil conditions allowedActions'), {
      data: { approveConnectionRequest: { state: 'APPROVED', approvedUntil: until, conditions: 'Identity only; no bulk export', allowedActions: ['SUSPEND', 'END'] } },
    });

    const started = Date.now();
    expectAnswer(await act(police, 'suspendConnection', id, ', reason: "Incident under review"'), {
      data: { suspendConnection: { state: 'SUSPENDED', stateReason: 'Incident under review', version: 7, allowedActions: ['RESUME', 'END'] } },
    });
    // Not before no subgraph can still hold the approval (CONSENT_CACHE_TTL_MS + REVOCATION_MARGIN_MS).
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
    expectAnswer(await act(police, 'resumeConnection', id, ', reason: "Review closed"'), {
      data: { resumeConnection: { state: 'APPROVED', stateReason: 'Incident under review', version: 8, allowedActions: ['SUSPEND', 'END'] } },
    });
    expectAnswer(await act(interior, 'endConnection', id, ', reason: "The procedure moved to the national portal"'), {
      data: { endConnection: { state: 'ENDED', stateReason: 'The procedure moved to the national portal', version: 9, allowedActions: [] } },
    });

    expectAnswer(await read(police, id), {
      data: {
        connectionRequest: {
          state: 'ENDED',
          version: 9,
          history: [
            event('DRAFT', null, 'DRAFT', interior),
            event('SUBMIT', 'DRAFT', 'SUBMITTED', interior),
            event('RETURN', 'SUBMITTED', 'RETURNED', police, { reason: 'Name the one-stop shop procedures that need it' }),
            event('UPDATE', 'RETURNED', 'RETURNED', interior, { changed: ['systemName'] }),
            event('RESUBMIT', 'RETURNED', 'SUBMITTED', interior),
            event('APPROVE', 'SUBMITTED', 'APPROVED', police, { approvedUntil: until, conditions: 'Identity only; no bulk export' }),
            event('SUSPEND', 'APPROVED', 'SUSPENDED', police, { reason: 'Incident under review' }),
            event('RESUME', 'SUSPENDED', 'APPROVED', police, { reason: 'Review closed' }),
            event('END', 'APPROVED', 'ENDED', interior, { reason: 'The procedure moved to the national portal' }),
          ],
        },
      },
    });
  });

  it('refuses a refusal without a reason, and changes nothing', async () => {
    const id = await submitted();
    expectAnswer(await act(police, 'refuseConnectionRequest', id, ', reason: "   "'), {
      data: { refuseConnectionRequest: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'refuseConnectionRequest', message: 'A reason is required to refuse a connection request; nothing changed' }],
    });
    expectAnswer(await read(police, id, 'state stateReason version history { action }'), {
      data: { connectionRequest: { state: 'SUBMITTED', stateReason: null, version: 2, history: [{ action: 'DRAFT' }, { action: 'SUBMIT' }] } },
    });
    expectAnswer(await act(police, 'refuseConnectionRequest', id, ', reason: "The purpose does not need identity data"'), {
      data: { refuseConnectionRequest: { state: 'REFUSED', stateReason: 'The purpose does not need identity data', version: 3, allowedActions: [] } },
    });
  });

  it('lets a security officer suspend it for an incident, but not approve anything', async () => {
    const id = await approved();
    const pending = await submitted();
    expectAnswer(await act(securityOfficer, 'approveConnectionRequest', pending, `, approvedUntil: "${addDays(today(), 30)}"`), {
      data: { approveConnectionRequest: null },
      errors: [{ ...refused('approveConnectionRequest', 'ROLE_NOT_ALLOWED'), message: 'Only officers of the owner agency may approve a connection request' }],
    });
    expectAnswer(await act(securityOfficer, 'suspendConnection', id, ', reason: "Credentials of the consuming system leaked"'), {
      data: { suspendConnection: { state: 'SUSPENDED', stateReason: 'Credentials of the consuming system leaked', version: 4, allowedActions: [] } },
    });
  });

  it('keeps it from another agency’s officer, who can neither see it nor act on it, while the operator sees it', async () => {
    const id = await submitted();
    expectAnswer(await read(justice, id, 'state'), { data: { connectionRequest: null } });
    const listed = await query(justice, '{ connectionRequests(first: 100) { nodes { id } } }');
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data.connectionRequests.nodes).not.toContainEqual({ id });
    expectAnswer(await act(justice, 'approveConnectionRequest', id, `, approvedUntil: "${addDays(today(), 30)}"`), {
      data: { approveConnectionRequest: null },
      errors: [{ ...refused('approveConnectionRequest', 'ROW_OUT_OF_SCOPE'), message: 'No connection request with this id is open to you: only officers of its consumer and owner agencies act on it' }],
    });
    // The consumer cannot decide its own request.
    expectAnswer(await act(interior, 'approveConnectionRequest', id, `, approvedUntil: "${addDays(today(), 30)}"`), {
      data: { approveConnectionRequest: null },
      errors: [refused('approveConnectionRequest', 'ROLE_NOT_ALLOWED')],
    });
    expectAnswer(await read(operator, id, 'state allowedActions'), { data: { connectionRequest: { state: 'SUBMITTED', allowedActions: [] } } });
    expectAnswer(await read(police, id, 'state version'), { data: { connectionRequest: { state: 'SUBMITTED', version: 2 } } });
  });

  it('gives a citizen nothing of it', async () => {
    const id = await submitted();
    expectAnswer(await read(citizen, id, 'state'), { data: { connectionRequest: null }, errors: [refused('connectionRequest', 'ROLE_NOT_ALLOWED')] });
    expectAnswer(await draft(citizen), { data: { draftConnectionRequest: null }, errors: [refused('draftConnectionRequest', 'ROLE_NOT_ALLOWED')] });
  });

  it('refuses bad input with a plain message, and writes nothing', async () => {
    const knex = await platformKnex();
    const before = Number((await knex('connection_request').count({ count: '*' }).first())!.count);
    const cases: Array<[Who, Record<string, unknown>, string, string]> = [
      [interior, { periodStart: addDays(today(), 30), periodEnd: addDays(today(), 10) }, 'periodEnd', '"periodEnd" must not be before "periodStart"'],
      [interior, { fieldGroups: ['population.citizen:horoscope'] }, 'fieldGroups', '"population.citizen:horoscope" is not a field group of the policies in force (name it as <policy>:<group>, e.g. population.citizen:identity)'],
      [interior, { fieldGroups: ['population.citizen:dossier'] }, 'fieldGroups', '"population.citizen:dossier" is classified as a state secret: it is never shared, so no connection can be asked for it'],
      [interior, { fieldGroups: ['population.citizen:identity', 'land.land-parcel:cadastre'] }, 'fieldGroups', 'The field groups belong to several owner agencies (cong-an-tinh, so-nong-nghiep-moi-truong): ask each owner in a request of its own'],
      [police, { purpose: 'residence-management' }, 'fieldGroups', 'cong-an-tinh owns these field groups: an agency reads its own data under its own policies, without a connection request'],
      [interior, { purpose: 'fortune-telling' }, 'purpose', 'Unknown purpose "fortune-telling" (see purposes)'],
      [interior, { purpose: 'criminal-investigation' }, 'purpose', 'so-noi-vu may not declare the purpose "criminal-investigation" (see purposes { declarableBy }), so it cannot connect for it'],
      [interior, { legalBasis: 'hearsay' }, 'legalBasis', 'Unknown legal basis "hearsay" (see legalBases)'],
      [interior, { systemName: '  ' }, 'systemName', '"systemName" must not be empty'],
      [interior, { contact: '' }, 'contact', '"contact" must not be empty'],
      [interior, { periodStart: '2026-02-30' }, 'periodStart', '"periodStart" must be a date written as YYYY-MM-DD'],
    ];
    for (const [who, change, field, message] of cases) {
      const answer = await draft(who, { ...request(), ...change });
      expectAnswer(answer, { data: { draftConnectionRequest: null }, errors: [{ code: 'BAD_USER_INPUT', path: 'draftConnectionRequest', message }] });
      expect(answer.body.errors?.[0].extensions?.field).toBe(field);
    }
    expect(Number((await knex('connection_request').count({ count: '*' }).first())!.count)).toBe(before);
  });

  it('refuses a transition the state does not allow, and an approval without a usable end date', async () => {
    const id = await approved();
    expectAnswer(await act(interior, 'submitConnectionRequest', id), {
      data: { submitConnectionRequest: null },
      errors: [{ code: 'BAD_USER_INPUT', reason: 'CONNECTION_STATE', path: 'submitConnectionRequest', message: 'An APPROVED connection request cannot be submitted: only one that is DRAFT. Nothing changed.' }],
    });
    const pending = await submitted();
    expectAnswer(await act(police, 'approveConnectionRequest', pending, ', approvedUntil: "2020-01-01"'), {
      data: { approveConnectionRequest: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'approveConnectionRequest', message: '"approvedUntil" is already past' }],
    });
    expectAnswer(await act(police, 'approveConnectionRequest', pending, `, approvedUntil: "${addDays(today(), 400)}"`), {
      data: { approveConnectionRequest: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'approveConnectionRequest', message: `"approvedUntil" must not be after the period asked for (until ${addDays(today(), 365)})` }],
    });
    expectAnswer(await read(police, pending, 'state version'), { data: { connectionRequest: { state: 'SUBMITTED', version: 2 } } });
  });

  it('lets only the first of two police officers deciding at once decide', async () => {
    const id = await submitted();
    const answers = await Promise.all([
      act(police, 'approveConnectionRequest', id, `, approvedUntil: "${addDays(today(), 30)}"`),
      act(secondPoliceOfficer, 'refuseConnectionRequest', id, ', reason: "Not needed"'),
    ]);
    const won = answers.filter((answer) => answer.body.errors === undefined);
    const lost = answers.filter((answer) => answer.body.errors !== undefined);
    expect({ won: won.length, lost: lost.length }).toEqual({ won: 1, lost: 1 });
    expect(['CONNECTION_VERSION_CONFLICT', 'CONNECTION_STATE']).toContain(lost[0].body.errors![0].extensions!.reason);
    expect(lost[0].body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const { body } = await read(police, id, 'state version history { action }');
    expect(body.data.connectionRequest.version).toBe(3);
    expect(body.data.connectionRequest.history.map((row: { action: string }) => row.action)).toEqual(['DRAFT', 'SUBMIT', won[0] === answers[0] ? 'APPROVE' : 'REFUSE']);
  });

  it('shows the police a request waiting more than ten working days as overdue, and lists it under the overdue filter', async () => {
    const knex = await platformKnex();
    const fresh = await submitted();
    // A request submitted 20 calendar days ago (at least 14 working days), written as the store would.
    const long = new Date(Date.now() - 20 * 24 * 3600 * 1000);
    const [{ id: old }] = await knex('connection_request')
      .insert({
        consumer_agency: 'so-noi-vu',
        owner_agency: 'cong-an-tinh',
        requested_by: 'snv-motcua-01',
        purpose: 'public-service-delivery',
        legal_basis: 'data-sharing-decree-2025',
        field_groups: ['population.citizen:identity'],
        system_name: 'Hệ thống cũ',
        contact: 'Bùi Thị Hương',
        period_start: today(),
        period_end: addDays(today(), 365),
        state: 'submitted',
        created_at: long,
        submitted_at: long,
        updated_at: long,
        version: 2,
      })
      .returning('id');
    for (const [action, from, to] of [['draft', null, 'draft'], ['submit', 'draft', 'submitted']]) {
      await knex('connection_request_event').insert({ request_id: old, at: long, actor: 'snv-motcua-01', actor_agency: 'so-noi-vu', actor_roles: ['officer'], action, from_state: from, to_state: to });
    }
    const answer = await read(police, old, 'state ageWorkingDays overdue');
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.connectionRequest).toEqual({ state: 'SUBMITTED', ageWorkingDays: expect.any(Number), overdue: true });
    expect(answer.body.data.connectionRequest.ageWorkingDays).toBeGreaterThanOrEqual(14);
    expectAnswer(await read(police, fresh, 'ageWorkingDays overdue'), { data: { connectionRequest: { ageWorkingDays: 0, overdue: false } } });

    const overdue = await query(police, '{ connectionRequests(filter: { side: OWNER, overdue: true }, first: 100) { nodes { id overdue } } }');
    expect(overdue.body.errors).toBeUndefined();
    expect(overdue.body.data.connectionRequests.nodes).toContainEqual({ id: old, overdue: true });
    expect(overdue.body.data.connectionRequests.nodes.every((node: { overdue: boolean }) => node.overdue)).toBe(true);
    const onTime = await query(police, '{ connectionRequests(filter: { side: OWNER, overdue: false }, first: 100) { nodes { id overdue } } }');
    expect(onTime.body.data.connectionRequests.nodes).toContainEqual({ id: fresh, overdue: false });
    expect(onTime.body.data.connectionRequests.nodes).not.toContainEqual({ id: old, overdue: true });
  });

  it('reads an approval past its last day as expired, in the request and in the state filter', async () => {
    const knex = await platformKnex();
    const id = await approved();
    await knex('connection_request').where({ id }).update({ approved_until: addDays(today(), -1) });
    expectAnswer(await read(interior, id, 'state allowedActions'), { data: { connectionRequest: { state: 'EXPIRED', allowedActions: [] } } });
    const expired = await query(interior, '{ connectionRequests(filter: { side: CONSUMER, state: EXPIRED }, first: 100) { nodes { id state } } }');
    expect(expired.body.data.connectionRequests.nodes).toContainEqual({ id, state: 'EXPIRED' });
    const approvedOnes = await query(interior, '{ connectionRequests(filter: { side: CONSUMER, state: APPROVED }, first: 100) { nodes { id state } } }');
    expect(approvedOnes.body.data.connectionRequests.nodes).not.toContainEqual({ id, state: 'EXPIRED' });
    expect(approvedOnes.body.data.connectionRequests.nodes.every((node: { state: string }) => node.state === 'APPROVED')).toBe(true);
  });

  it('pages the consumer’s requests newest first with a cursor', async () => {
    const ids = [await drafted(), await drafted(), await drafted()];
    const first = await query(interior, '{ connectionRequests(filter: { side: CONSUMER }, first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } }');
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.connectionRequests.nodes).toEqual([{ id: ids[2] }, { id: ids[1] }]);
    const after = first.body.data.connectionRequests.pageInfo.endCursor;
    const next = await query(interior, `{ connectionRequests(filter: { side: CONSUMER }, first: 1, after: "${after}") { nodes { id } } }`);
    expect(next.body.data.connectionRequests.nodes).toEqual([{ id: ids[0] }]);
  });

  it('keeps the history append-only: an update or a delete changes nothing', async () => {
    const knex = await platformKnex();
    const id = await submitted();
    await knex('connection_request_event').where({ request_id: id }).update({ reason: 'rewritten', actor: 'someone-else' });
    await knex('connection_request_event').where({ request_id: id }).delete();
    expectAnswer(await read(interior, id, 'history { action actor reason }'), {
      data: { connectionRequest: { history: [{ action: 'DRAFT', actor: 'snv-motcua-01', reason: null }, { action: 'SUBMIT', actor: 'snv-motcua-01', reason: null }] } },
    });
  });

  it('publishes the rules table, the same as docs/connection-agreements.md prints', async () => {
    const answer = await query(justice, '{ connectionRules { action actor from to reason mutation } }');
    expect(answer.body.errors).toBeUndefined();
    const rules = answer.body.data.connectionRules as PublishedRule[];
    expect(rules).toContainEqual({ action: 'REFUSE', actor: 'OWNER', from: ['SUBMITTED'], to: 'REFUSED', reason: 'REQUIRED', mutation: 'refuseConnectionRequest' });
    const docs = readFileSync(new URL('../../docs/connection-agreements.md', import.meta.url), 'utf8');
    expect(docs).toContain(`<!-- connection-rules:start -->\n${rulesMarkdown(rules)}<!-- connection-rules:end -->`);
  });
});
