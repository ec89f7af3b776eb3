// No silent probes: an officer who may read nothing of a citizen learns neither that the citizen exists
// nor how many there are; cursors are sealed and bound to their list, filters and agency; a list cannot
// be filtered on a field the caller may not read; and every probe is in the disclosure log against the
// person it was about.
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { getNamedType, isInputObjectType, isObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIST_BOUNDS, LIST_FILTERS } from '../../shared/loaders/listBounds.ts';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { expectDisclosure } from '../support/expectDisclosure.ts';
import { getStack, investigator, justiceOfficer, query, seededProvince, type Who } from '../support/stack.ts';

/** A clerk of the home-affairs department: reads a citizen's name only with that citizen's consent. */
const clerk: Who = { role: 'officer', agency: 'so-noi-vu', purpose: 'public-service-delivery' };

/** The answer without the request id, which differs from one request to the next. */
function withoutRequestIds(body: { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }) {
  return { data: body.data, errors: body.errors?.map(({ extensions, ...error }) => ({ ...error, extensions: { ...extensions, requestId: undefined } })) };
}

describe('a clerk who may read nothing of a citizen without consent', () => {
  let existing: string;
  let missing: string;

  beforeAll(async () => {
    await getStack();
    const province = seededProvince();
    existing = province.demoCitizenIds[0];
    const known = new Set(province.citizens.map((person) => person.id));
    missing = ['001099000001', '001099000002', '001099000003'].find((id) => !known.has(id))!;
  });

  it('gets the same answer for a citizen who exists and one who does not, asking only __typename', async () => {
    const there = await query(clerk, `{ citizen(id: "${existing}") { __typename } }`);
    const notThere = await query(clerk, `{ citizen(id: "${missing}") { __typename } }`);
    expectAnswer(there, { data: { citizen: null }, errors: [refused('citizen', 'CONSENT_REQUIRED')] });
    expect(withoutRequestIds(there.body)).toEqual(withoutRequestIds(notThere.body));
  });

  it('cannot page through or count the register', async () => {
    expectAnswer(await query(clerk, '{ citizens(first: 1) { totalCount } }'), { data: { citizens: null }, errors: [refused('citizens', 'CONSENT_REQUIRED')] });
    expectAnswer(await query(clerk, '{ citizens { pageInfo { endCursor hasNextPage } nodes { __typename } } }'), {
      data: { citizens: null },
      errors: [refused('citizens', 'CONSENT_REQUIRED')],
    });
  });

  it('cannot filter the register by where people live, a field he may not read', async () => {
    const unit = seededProvince().units[1].code;
    const answer = await query(clerk, `{ citizens(unitCode: "${unit}", first: 1) { nodes { __typename } } }`);
    expectAnswer(answer, { data: { citizens: null }, errors: [{ code: 'FILTER_NOT_ALLOWED', reason: 'CONSENT_REQUIRED', path: 'citizens' }] });
    expect(answer.body.errors![0].extensions).toMatchObject({ argument: 'unitCode', field: 'Citizen.residence' });
  });

  it('leaves his probe in the disclosure log, against the citizen, for the security officer to find', async () => {
    const probe = await query(clerk, `{ citizen(id: "${existing}") { __typename } }`);
    const requestId = probe.headers.get('x-request-id')!;
    await expectDisclosure({
      register: 'population',
      requestId,
      agency: 'so-noi-vu',
      purpose: 'public-service-delivery',
      subjects: { [existing]: [{ field: 'Query.citizen', decision: 'refused', reason: 'CONSENT_REQUIRED' }] },
    });
    const securityOfficer: Who = { role: 'security-officer', purpose: 'data-protection-oversight' };
    const found = await query(securityOfficer, 'query ($filter: DataAccessFilter) { dataAccessLog(filter: $filter, first: 10) { nodes { agency dataSubject decision fields { field decision reason } } } }', {
      variables: { filter: { dataSubject: existing, requestId } },
    });
    expectAnswer(found, {
      data: {
        dataAccessLog: {
          nodes: [{ agency: 'so-noi-vu', dataSubject: existing, decision: 'REFUSED', fields: [{ field: 'Query.citizen', decision: 'REFUSED', reason: 'CONSENT_REQUIRED' }] }],
        },
      },
    });
  });
});

describe('the police investigator, who may read every citizen', () => {
  it('learns that a citizen exists, and the check is recorded against that citizen', async () => {
    await getStack();
    const id = seededProvince().demoCitizenIds[1];
    const answer = await query(investigator, `{ citizen(id: "${id}") { __typename } }`);
    expectAnswer(answer, { data: { citizen: { __typename: 'Citizen' } } });
    await expectDisclosure({
      register: 'population',
      requestId: answer.headers.get('x-request-id')!,
      agency: 'cong-an-tinh',
      purpose: 'criminal-investigation',
      caseId: investigator.caseId,
      subjects: { [id]: [{ field: 'Query.citizen', decision: 'disclosed', basis: 'owner' }] },
    });
    expectAnswer(await query(investigator, '{ citizen(id: "001099000001") { __typename } }'), { data: { citizen: null } });
  });

  it('pages through citizens showing nothing but their type, and each of them is recorded', async () => {
    const answer = await query(investigator, '{ citizens(first: 2) { nodes { __typename } } }');
    expectAnswer(answer, { data: { citizens: { nodes: [{ __typename: 'Citizen' }, { __typename: 'Citizen' }] } } });
    const firstTwo = seededProvince().citizens.map((person) => person.id).sort().slice(0, 2);
    const checked = [{ field: 'Query.citizens', decision: 'disclosed' as const, basis: 'owner' }];
    await expectDisclosure({
      register: 'population',
      requestId: answer.headers.get('x-request-id')!,
      agency: 'cong-an-tinh',
      purpose: 'criminal-investigation',
      caseId: investigator.caseId,
      subjects: Object.fromEntries(firstTwo.map((id) => [id, checked])),
    });
  });
});

describe('cursors', () => {
  const PAGE = 'query ($unit: String, $after: String) { citizens(unitCode: $unit, first: 2, after: $after) { nodes { id } pageInfo { endCursor } } }';
  let unit: string;
  let cursor: string;
  let secondPage: string[];

  beforeAll(async () => {
    await getStack();
    unit = seededProvince().units[1].code;
    const first = await query(justiceOfficer, PAGE, { variables: { unit } });
    cursor = first.body.data.citizens.pageInfo.endCursor;
    const second = await query(justiceOfficer, PAGE, { variables: { unit, after: cursor } });
    expect(second.body.errors).toBeUndefined();
    secondPage = second.body.data.citizens.nodes.map((node: { id: string }) => node.id);
    expect(secondPage).toHaveLength(2);
    // Opaque: the last citizen of the page does not show through.
    const last = first.body.data.citizens.nodes[1].id as string;
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain(last);
    expect(cursor).not.toContain(Buffer.from(last).toString('base64url'));
  });

  const refusedCursor = { data: { citizens: null }, errors: [{ code: 'BAD_USER_INPUT', path: 'citizens', message: '"after" is not a cursor this list gave out for these arguments' }] };

  it('refuses a forged cursor: the base64 of a personal id', async () => {
    const forged = Buffer.from(secondPage[0], 'utf8').toString('base64url');
    expectAnswer(await query(justiceOfficer, PAGE, { variables: { unit, after: forged } }), refusedCursor);
  });

  it('refuses an altered cursor', async () => {
    const bytes = Buffer.from(cursor, 'base64url');
    bytes[bytes.length - 20] ^= 1;
    expectAnswer(await query(justiceOfficer, PAGE, { variables: { unit, after: bytes.toString('base64url') } }), refusedCursor);
  });

  it('refuses a cursor given to another agency', async () => {
    const police = await query(investigator, PAGE, { variables: { unit } });
    const theirs = police.body.data.citizens.pageInfo.endCursor as string;
    expectAnswer(await query(justiceOfficer, PAGE, { variables: { unit, after: theirs } }), refusedCursor);
  });

  it('refuses a cursor given for another filter', async () => {
    const otherUnit = seededProvince().units[2].code;
    expectAnswer(await query(justiceOfficer, PAGE, { variables: { unit: otherUnit, after: cursor } }), refusedCursor);
    expectAnswer(await query(justiceOfficer, PAGE, { variables: { after: cursor } }), refusedCursor);
  });
});

describe('the table of what each list argument reveals', () => {
  it('names every filter and ordering argument of every list of the schema, and fields that exist', () => {
    const schema = Supergraph.build(readFileSync(new URL('../../gateway/supergraph.graphql', import.meta.url), 'utf8')).apiSchema().toGraphQLJSSchema();
    const expected: string[] = [];
    for (const list of Object.keys(LIST_BOUNDS)) {
      const [typeName, fieldName] = list.split('.');
      const type = schema.getType(typeName);
      const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
      for (const argument of field?.args ?? []) {
        if (argument.name === 'first' || argument.name === 'after') continue;
        const input = getNamedType(argument.type);
        // An input object is declared whole (it asks a question, not a filter) or field by field.
        const whole = (LIST_FILTERS[list]?.[argument.name]?.length ?? -1) === 0;
        if (isInputObjectType(input) && !whole) expected.push(...Object.keys(input.getFields()).map((name) => `${list}(${argument.name}.${name})`));
        else expected.push(`${list}(${argument.name})`);
      }
    }
    const declared = Object.entries(LIST_FILTERS).flatMap(([list, args]) => Object.keys(args).map((argument) => `${list}(${argument})`));
    expect(declared.sort()).toEqual(expected.sort());
    const coordinates = Object.values(LIST_FILTERS).flatMap((args) => Object.values(args).flat());
    const missing = coordinates.filter((coordinate) => {
      const [typeName, fieldName] = coordinate.split('.');
      const type = schema.getType(typeName);
      return !(isObjectType(type) && type.getFields()[fieldName]);
    });
    expect(missing).toEqual([]);
  });
});
