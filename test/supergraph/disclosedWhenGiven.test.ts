// The log says what was given: a field is recorded DISCLOSED only when its value left in the answer,
// and the key an officer asked a record by is not a new disclosure, so the README's consent walkthrough
// works with `id` selected.
import { beforeAll, describe, expect, it } from 'vitest';
import { inAYear } from '../support/dates.ts';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { expectDisclosure } from '../support/expectDisclosure.ts';
import { getStack, query, seededProvince, type Who } from '../support/stack.ts';

const GRANT = 'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id status } }';
const REVOKE = 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }';

const homeAffairs: Who = { role: 'officer', agency: 'so-noi-vu', purpose: 'public-service-delivery' };

/** The README's consent: the citizen's identity, to so-noi-vu, for public-service delivery. */
async function grantIdentity(citizen: Who): Promise<string> {
  const granted = await query(citizen, GRANT, {
    variables: { input: { granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:identity'], validUntil: inAYear() } },
  });
  expect(granted.body.data.grantConsent.status).toBe('ACTIVE');
  return granted.body.data.grantConsent.id as string;
}

describe('the README consent walkthrough, with the id selected', () => {
  // The README's citizen (Hồ Hữu Lâm, first of the demo ids), its steps and its queries.
  const id = '033094279365';
  const citizen: Who = { role: 'citizen', sub: id };
  let name: string;

  beforeAll(async () => {
    await getStack();
    expect(seededProvince().demoCitizenIds[0]).toBe(id);
    name = seededProvince().citizens.find((person) => person.id === id)!.fullName;
  });

  it('gives the officer back the id they asked by once the citizen consents to her identity, and records only the name as disclosed', async () => {
    const asks = () => query(homeAffairs, `{ citizen(id: "${id}") { id fullName } }`);
    // Without consent the id alone would tell the officer the record exists: refused with the rest.
    expectAnswer(await asks(), { data: { citizen: null }, errors: [refused('citizen.id', 'CONSENT_REQUIRED'), refused('citizen.fullName', 'CONSENT_REQUIRED')] });
    expectAnswer(await query(homeAffairs, `{ citizen(id: "${id}") { id } }`), { data: { citizen: null }, errors: [refused('citizen.id', 'CONSENT_REQUIRED')] });

    const groups = await query(citizen, '{ consentableFieldGroups { id purposes } }');
    expect(groups.body.data.consentableFieldGroups).toContainEqual(expect.objectContaining({ id: 'population.citizen:identity' }));
    const granted = await query(
      citizen,
      `mutation { grantConsent(input: { granteeAgency: "so-noi-vu", purpose: "public-service-delivery",
        fieldGroups: ["population.citizen:identity"], validUntil: "${inAYear()}" }) { id status } }`,
    );
    expect(granted.body.data.grantConsent.status).toBe('ACTIVE');
    const consentId = granted.body.data.grantConsent.id as string;
    const mine = await query(citizen, '{ myConsents { id status fieldGroups } }');
    expect(mine.body.data.myConsents).toContainEqual({ id: consentId, status: 'ACTIVE', fieldGroups: ['population.citizen:identity'] });

    const during = await asks();
    expectAnswer(during, { data: { citizen: { id, fullName: name } } });
    // The id was the officer's own question, not a disclosure: the log names the name, on the consent.
    await expectDisclosure({
      register: 'population',
      requestId: during.headers.get('x-request-id')!,
      agency: 'so-noi-vu',
      purpose: 'public-service-delivery',
      subjects: { [id]: [{ field: 'Citizen.fullName', decision: 'disclosed', basis: `consent:${consentId}` }] },
    });

    const revoked = await query(citizen, `mutation { revokeConsent(id: "${consentId}") { status } }`);
    expect(revoked.body.data.revokeConsent.status).toBe('REVOKED');
    expectAnswer(await asks(), { data: { citizen: null }, errors: [refused('citizen.id', 'CONSENT_REQUIRED'), refused('citizen.fullName', 'CONSENT_REQUIRED')] });
  });
});

describe('a record nulled by a refused non-null field', () => {
  it('is not recorded as disclosed: the name the answer never carried is not in the log, the refusal is', async () => {
    await getStack();
    const province = seededProvince();
    const unit = province.units[2].code;
    const first = province.citizens.filter((person) => person.unitCode === unit && !person.dateOfDeath).map((person) => person.id).sort()[0];
    const consentId = await grantIdentity({ role: 'citizen', sub: first });
    try {
      // Listed (not asked by id), the consenting citizen's id is not covered by her consent: `id` is
      // non-null, so her whole entry is null, and the name allowed by her consent never leaves.
      const answer = await query(homeAffairs, `{ citizens(unitCode: "${unit}", first: 1) { nodes { id fullName } } }`);
      expectAnswer(answer, { data: { citizens: { nodes: [null] } }, errors: [refused('citizens.nodes.0.id', 'CONSENT_REQUIRED')] });
      await expectDisclosure({
        register: 'population',
        requestId: answer.headers.get('x-request-id')!,
        agency: 'so-noi-vu',
        purpose: 'public-service-delivery',
        subjects: { [first]: [{ field: 'Citizen.id', decision: 'refused', reason: 'CONSENT_REQUIRED' }] },
      });
    } finally {
      await query({ role: 'citizen', sub: first }, REVOKE, { variables: { id: consentId } });
    }
  });
});
