// A parent acts for a minor child with X-Child-Id: the gateway asks the population register whether the
// caller is a parent of that minor, then every register answers the parent what it would answer the
// child (record, consents, who used the data), and logs the parent as the account that asked.
import { beforeAll, describe, expect, it } from 'vitest';
import { inAYear } from '../support/dates.ts';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { familyWithMinorAndAdult } from '../support/families.ts';
import { getStack, query, seededProvince, type Who } from '../support/stack.ts';

const SELF_SERVICE = 'citizen-self-service';
const LOG = `{ myDataAccessLog(first: 100) { nodes { requestId register guardian askedByDataSubject dataSubject fields { field decision } } } }`;

interface Entry {
  requestId: string;
  register: string;
  guardian: string | null;
  askedByDataSubject: boolean;
  dataSubject: string | null;
  fields: { field: string; decision: string }[];
}

describe('a parent acting for a minor child (X-Child-Id)', () => {
  let parent: Who;
  let child: string;
  let grownChild: string;
  let stranger: Who;
  const forChild = (id: string) => ({ headers: { 'x-child-id': id } });
  const nameOf = (id: string) => seededProvince().citizens.find((person) => person.id === id)!.fullName;
  const logOf = async (who: Who, options = {}): Promise<Entry[]> => {
    const { body } = await query(who, LOG, options);
    expect(body.errors).toBeUndefined();
    return body.data.myDataAccessLog.nodes;
  };

  beforeAll(async () => {
    await getStack();
    const family = familyWithMinorAndAdult(seededProvince());
    parent = { role: 'citizen', sub: family.parent, purpose: SELF_SERVICE };
    child = family.minor;
    grownChild = family.adult;
    stranger = { role: 'citizen', sub: seededProvince().demoCitizenIds[1], purpose: SELF_SERVICE };
  });

  it('lists the minor children the parent may act for, and no one else', async () => {
    const mine = await query(parent, '{ myMinorChildren }');
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data.myMinorChildren).toContain(child);
    expect(mine.body.data.myMinorChildren).not.toContain(grownChild);
    expect((await query(stranger, '{ myMinorChildren }')).body.data.myMinorChildren).not.toContain(child);
    // While acting for a child, the child has no children to act for.
    expect((await query(parent, '{ myMinorChildren }', forChild(child))).body.data).toEqual({ myMinorChildren: [] });
    const officer: Who = { role: 'officer', agency: 'cong-an-tinh' };
    expectAnswer(await query(officer, '{ myMinorChildren }'), { data: null, errors: [refused('myMinorChildren', 'ROLE_NOT_ALLOWED')] });
  });

  it("reads the child's record as the child would, and the child sees that the parent read it", async () => {
    const read = await query(parent, '{ me { id fullName } }', forChild(child));
    expect(read.body).toEqual({ data: { me: { id: child, fullName: nameOf(child) } } });
    const requestId = read.headers.get('x-request-id');

    const childHerself: Who = { role: 'citizen', sub: child, purpose: SELF_SERVICE };
    const own = await query(childHerself, '{ me { fullName } }');
    const childsLog = await logOf(childHerself);
    const entry = childsLog.find((candidate) => candidate.requestId === requestId && candidate.register === 'population');
    expect(entry).toMatchObject({ guardian: parent.sub, askedByDataSubject: false, dataSubject: child });
    const ownEntry = childsLog.find((candidate) => candidate.requestId === own.headers.get('x-request-id') && candidate.register === 'population');
    expect(ownEntry).toMatchObject({ guardian: null, askedByDataSubject: true, dataSubject: child });
    expect(entry!.fields).toContainEqual({ field: 'Citizen.fullName', decision: 'DISCLOSED' });
    // The parent's own log has nothing of it: it was the child's data.
    expect((await logOf(parent)).some((candidate) => candidate.requestId === requestId)).toBe(false);
  });

  it("sees who used the child's data, and that look is itself in the child's log", async () => {
    const read = await query(parent, '{ me { fullName } }', forChild(child));
    const shown = await query(parent, LOG, forChild(child));
    expect(shown.body.errors).toBeUndefined();
    const entries: Entry[] = shown.body.data.myDataAccessLog.nodes;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.dataSubject === child)).toBe(true);
    expect(entries.map((entry) => entry.requestId)).toContain(read.headers.get('x-request-id'));

    const looked = (await logOf({ role: 'citizen', sub: child, purpose: SELF_SERVICE })).find((entry) => entry.requestId === shown.headers.get('x-request-id'));
    expect(looked).toMatchObject({ guardian: parent.sub, dataSubject: child, fields: [{ field: 'DataAccess.entry', decision: 'DISCLOSED' }] });
  });

  it("grants and withdraws a consent for the child without naming the child again", async () => {
    const granted = await query(
      parent,
      `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id subjectId grantedBy status } }`,
      {
        ...forChild(child),
        variables: { input: { granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:identity'], validUntil: inAYear() } },
      },
    );
    expect(granted.body.errors).toBeUndefined();
    const consent = granted.body.data.grantConsent;
    expect(consent).toMatchObject({ subjectId: child, grantedBy: parent.sub, status: 'ACTIVE' });
    const listed = await query(parent, '{ myConsents { id subjectId } }', forChild(child));
    expect(listed.body.data.myConsents).toContainEqual({ id: consent.id, subjectId: child });
    const revoked = await query(parent, 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }', { ...forChild(child), variables: { id: consent.id } });
    expect(revoked.body).toEqual({ data: { revokeConsent: { status: 'REVOKED' } } });
  });

  it('is refused, before anything is read, for a grown-up child, someone else’s child, a non-citizen and a malformed id', async () => {
    const notAParent = 'The population register does not record you as a parent of a minor with this personal id';
    const cases: Array<[Who, string, number, string, string?]> = [
      [parent, grownChild, 403, 'NOT_A_PARENT', notAParent],
      [stranger, child, 403, 'NOT_A_PARENT', notAParent],
      [{ role: 'officer', agency: 'cong-an-tinh', purpose: 'criminal-investigation', caseId: 'HS-2026/0042' }, child, 403, 'NOT_A_PARENT'],
      [parent, '12345', 400, 'BAD_USER_INPUT'],
    ];
    for (const [who, id, status, code, message] of cases) {
      const answer = await query(who, '{ me { fullName } }', forChild(id));
      expect(answer.status).toBe(status);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors).toEqual([{ message: message ?? expect.any(String), extensions: { code } }]);
    }
    // Nothing of the child was read for those requests.
    const childsLog = await logOf({ role: 'citizen', sub: child, purpose: SELF_SERVICE });
    expect(childsLog.filter((entry) => entry.guardian === stranger.sub)).toEqual([]);
  });

  it('acting for oneself is the same as sending no X-Child-Id', async () => {
    const own = await query(parent, '{ me { id } }', forChild(parent.sub!));
    expect(own.body).toEqual({ data: { me: { id: parent.sub } } });
  });
});
