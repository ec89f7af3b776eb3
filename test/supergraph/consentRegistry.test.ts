// Citizens give, list and withdraw their own consents (consent registry of the platform).
import { beforeAll, describe, expect, it } from 'vitest';
import { inAYear } from '../support/dates.ts';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { familyWithMinorAndAdult } from '../support/families.ts';
import { getStack, query, seededProvince, type Who } from '../support/stack.ts';

const GRANT = `mutation ($input: GrantConsentInput!) {
  grantConsent(input: $input) { id subjectId grantedBy granteeAgency purpose fieldGroups status channel validUntil revokedAt }
}`;
const MINE = '{ myConsents { id status fieldGroups } }';

describe('a citizen managing her consents', () => {
  let citizen: Who;
  let neighbour: Who;

  beforeAll(async () => {
    await getStack();
    const [first, second] = seededProvince().demoCitizenIds.slice(2);
    citizen = { role: 'citizen', sub: first };
    neighbour = { role: 'citizen', sub: second };
  });

  it('sees which field groups can be shared with consent, and for what', async () => {
    const { body } = await query(citizen, '{ consentableFieldGroups { id level purposes } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.consentableFieldGroups).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'population.citizen:identity', purposes: ['public-service-delivery'] })]),
    );
  });

  it('grants a partial consent, finds it active, withdraws it, and finds it revoked', async () => {
    const input = {
      granteeAgency: 'so-noi-vu',
      purpose: 'public-service-delivery',
      fieldGroups: ['population.citizen:identity'],
      validUntil: inAYear(),
      evidenceReference: 'DVC-2026-000123',
    };
    const granted = await query(citizen, GRANT, { variables: { input } });
    expect(granted.body.errors).toBeUndefined();
    const consent = granted.body.data.grantConsent;
    expect(consent).toMatchObject({
      subjectId: citizen.sub,
      grantedBy: citizen.sub,
      granteeAgency: 'so-noi-vu',
      purpose: 'public-service-delivery',
      fieldGroups: ['population.citizen:identity'],
      status: 'ACTIVE',
      channel: 'CITIZEN_PORTAL',
      revokedAt: null,
    });
    const listed = await query(citizen, MINE);
    expect(listed.body.data.myConsents).toContainEqual({ id: consent.id, status: 'ACTIVE', fieldGroups: ['population.citizen:identity'] });

    const revoked = await query(citizen, 'mutation ($id: ID!) { revokeConsent(id: $id) { id status revokedAt } }', { variables: { id: consent.id } });
    expect(revoked.body.errors).toBeUndefined();
    expect(revoked.body.data.revokeConsent).toMatchObject({ id: consent.id, status: 'REVOKED', revokedAt: expect.any(String) });
    const again = await query(citizen, MINE);
    expect(again.body.data.myConsents).toContainEqual({ id: consent.id, status: 'REVOKED', fieldGroups: ['population.citizen:identity'] });
  });

  it('gets BAD_USER_INPUT for bad input, and nothing is recorded', async () => {
    const before = (await query(citizen, MINE)).body.data.myConsents.length;
    const base = { granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:identity'], validUntil: inAYear() };
    const bad = [
      [{ ...base, granteeAgency: 'cong-ty-tu-nhan' }, 'Unknown agency "cong-ty-tu-nhan"'],
      [{ ...base, purpose: 'marketing' }, 'Unknown purpose "marketing"'],
      [{ ...base, fieldGroups: ['population.citizen:securityNotes'] }, '"population.citizen:securityNotes" is not a field group that can be shared with consent (see consentableFieldGroups)'],
      [{ ...base, purpose: 'tax-administration' }, '"population.citizen:identity" can be shared with consent only for public-service-delivery'],
      [{ ...base, validFrom: '2027-06-01', validUntil: '2027-01-01' }, '"validUntil" must be after "validFrom"'],
      [{ ...base, validUntil: 'next week' }, '"validUntil" must be an ISO date or date-time'],
    ] as const;
    for (const [input, message] of bad) {
      expectAnswer(await query(citizen, GRANT, { variables: { input } }), {
        data: { grantConsent: null },
        errors: [{ code: 'BAD_USER_INPUT', path: 'grantConsent', message }],
      });
    }
    expect((await query(citizen, MINE)).body.data.myConsents).toHaveLength(before);
  });

  it("cannot withdraw, or even detect, another citizen's consent", async () => {
    const input = { granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:identity'], validUntil: inAYear() };
    const theirs = (await query(neighbour, GRANT, { variables: { input } })).body.data.grantConsent.id as string;
    const noSuchConsent = { data: { revokeConsent: null }, errors: [{ code: 'BAD_USER_INPUT', path: 'revokeConsent', message: 'You have no consent with this id' }] };
    expectAnswer(await query(citizen, 'mutation ($id: ID!) { revokeConsent(id: $id) { id } }', { variables: { id: theirs } }), noSuchConsent);
    expectAnswer(await query(citizen, 'mutation { revokeConsent(id: "00000000-0000-4000-8000-000000000000") { id } }'), noSuchConsent);
    const still = await query(neighbour, MINE);
    expect(still.body.data.myConsents).toContainEqual(expect.objectContaining({ id: theirs, status: 'ACTIVE' }));
    expect((await query(citizen, MINE)).body.data.myConsents.map((consent: { id: string }) => consent.id)).not.toContain(theirs);
    // Withdrawn again, so that no other test finds this neighbour's consent still in force.
    await query(neighbour, 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }', { variables: { id: theirs } });
  });

  it('is for citizens only: an officer cannot grant or list consents', async () => {
    const officer: Who = { role: 'officer', agency: 'so-noi-vu', purpose: 'public-service-delivery' };
    expectAnswer(await query(officer, MINE), { data: { myConsents: null }, errors: [refused('myConsents', 'ROLE_NOT_ALLOWED')] });
    const grant = await query(officer, GRANT, {
      variables: { input: { granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:identity'], validUntil: inAYear() } },
    });
    expectAnswer(grant, { data: { grantConsent: null }, errors: [refused('grantConsent', 'ROLE_NOT_ALLOWED')] });
  });
});

describe('a parent consenting for a minor child', () => {
  const province = () => seededProvince();
  let parent: Who;
  let child: string;
  let grownChild: string;
  const labourOfficer: Who = { role: 'officer', agency: 'so-noi-vu', purpose: 'public-service-delivery' };
  const input = (subjectId: string) => ({
    subjectId,
    granteeAgency: 'so-noi-vu',
    purpose: 'public-service-delivery',
    fieldGroups: ['population.citizen:key', 'population.citizen:identity'],
    validUntil: inAYear(),
    channel: 'ONE_STOP_SHOP',
  });

  beforeAll(async () => {
    await getStack();
    const family = familyWithMinorAndAdult(province());
    parent = { role: 'citizen', sub: family.parent };
    child = family.minor;
    grownChild = family.adult;
  });

  it('is recorded as given by the parent for the child, counts for the child, and the parent can withdraw it', async () => {
    const granted = await query(parent, GRANT, { variables: { input: input(child) } });
    expect(granted.body.errors).toBeUndefined();
    expect(granted.body.data.grantConsent).toMatchObject({ subjectId: child, grantedBy: parent.sub, status: 'ACTIVE', channel: 'ONE_STOP_SHOP' });

    const read = await query(labourOfficer, `{ citizen(id: "${child}") { id fullName } }`);
    expect(read.body.data.citizen).toEqual({ id: child, fullName: province().citizens.find((person) => person.id === child)!.fullName });

    // The child sees the consent given for her; the parent sees it among his own.
    const childsView = await query({ role: 'citizen', sub: child }, MINE);
    expect(childsView.body.data.myConsents.map((consent: { id: string }) => consent.id)).toContain(granted.body.data.grantConsent.id);
    const revoked = await query(parent, 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }', { variables: { id: granted.body.data.grantConsent.id } });
    expect(revoked.body.data.revokeConsent.status).toBe('REVOKED');
    const after = await query(labourOfficer, `{ citizen(id: "${child}") { fullName } }`);
    expectAnswer(after, { data: { citizen: null }, errors: [refused('citizen', 'CONSENT_REQUIRED')] });
  });

  it('is refused for a grown-up child and for someone else’s child, and nothing is recorded', async () => {
    const stranger: Who = { role: 'citizen', sub: province().demoCitizenIds[1] };
    for (const [who, subjectId] of [[parent, grownChild], [stranger, child]] as const) {
      const before = (await query(who, MINE)).body.data.myConsents.length;
      expectAnswer(await query(who, GRANT, { variables: { input: input(subjectId) } }), {
        data: { grantConsent: null },
        errors: [{ code: 'BAD_USER_INPUT', path: 'grantConsent', message: 'The population register does not record you as a parent of a minor with this personal id' }],
      });
      expect((await query(who, MINE)).body.data.myConsents).toHaveLength(before);
    }
  });
});
