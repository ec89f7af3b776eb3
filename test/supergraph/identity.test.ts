import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_ISSUER, DEV_KEY_ID, devUserSigningKeys } from '../../shared/auth/devKeys.ts';
import { DEFAULT_AUDIENCE } from '../../shared/auth/userToken.ts';
import { expectAnswer } from '../support/expectAnswer.ts';
import { getStack, postGraphQL, query, seededProvince, tokenFor, tokenFromRotatedKey, type GraphQLResponse } from '../support/stack.ts';

const CITIZEN_NAME = 'query ($id: ID!) { citizen(id: $id) { fullName } }';

async function askWith(token: string | null, headers: Record<string, string> = {}) {
  const { gateway } = await getStack();
  return postGraphQL(`${gateway.url}/graphql`, CITIZEN_NAME, {
    token,
    headers: { 'x-purpose': 'criminal-investigation', ...headers },
    variables: { id: seededProvince().demoCitizenIds[0] },
  });
}

/** Refused before any data is read: 401, no data, one UNAUTHENTICATED error saying why. */
function expectRefused(response: GraphQLResponse, message: RegExp) {
  expectAnswer(response, { status: 401, data: undefined, errors: [{ code: 'UNAUTHENTICATED', message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

const demoName = () => seededProvince().citizens.find((citizen) => citizen.id === seededProvince().demoCitizenIds[0])!.fullName;

const devPrivateKey = () => devUserSigningKeys().privateKeyPem;
const officerClaims = { roles: ['officer'], agency: 'cong-an-tinh', sub: 'ca-0042' };

describe('the gateway checking who is calling', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('answers an officer with a valid token', async () => {
    const response = await askWith(tokenFor({ role: 'officer', agency: 'cong-an-tinh' }));
    expectAnswer(response, { data: { citizen: { fullName: demoName() } } });
  });

  it('answers a token signed with a rotated-in ES256 key too', async () => {
    const response = await askWith(tokenFromRotatedKey(officerClaims));
    expectAnswer(response, { data: { citizen: { fullName: demoName() } } });
  });

  it('refuses a forged token signed by an unknown key that claims the dev key id', async () => {
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = jwt.sign(officerClaims, forger, { algorithm: 'RS256', keyid: DEV_KEY_ID, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn: 300 });
    expectRefused(await askWith(forged), /invalid, expired or not signed by a trusted key/);
  });

  it('refuses an expired token', async () => {
    const expired = jwt.sign({ ...officerClaims, exp: Math.floor(Date.now() / 1000) - 60 }, devPrivateKey(), {
      algorithm: 'RS256', keyid: DEV_KEY_ID, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE,
    });
    expectRefused(await askWith(expired), /expired/);
  });

  it('refuses a token without an expiry', async () => {
    const endless = jwt.sign(officerClaims, devPrivateKey(), { algorithm: 'RS256', keyid: DEV_KEY_ID, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE });
    expectRefused(await askWith(endless), /no expiry/);
  });

  it('refuses a token for another audience or from another issuer', async () => {
    const sign = (issuer: string, audience: string) =>
      jwt.sign(officerClaims, devPrivateKey(), { algorithm: 'RS256', keyid: DEV_KEY_ID, issuer, audience, expiresIn: 300 });
    expectRefused(await askWith(sign(DEV_ISSUER, 'another-system')), /invalid/);
    expectRefused(await askWith(sign('someone-else', DEFAULT_AUDIENCE)), /invalid/);
  });

  it('refuses alg "none" and an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const unsigned = jwt.sign(officerClaims, null, { algorithm: 'none', issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn: 300 });
    expectRefused(await askWith(unsigned), /invalid/);
    const confused = jwt.sign(officerClaims, devUserSigningKeys().publicKeyPem, {
      algorithm: 'HS256', keyid: DEV_KEY_ID, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn: 300,
      allowInsecureKeySizes: true,
    } as jwt.SignOptions);
    expectRefused(await askWith(confused), /invalid/);
  });

  it('refuses a token whose signature was tampered with after signing', async () => {
    const [header, , signature] = tokenFor({ role: 'officer', agency: 'cong-an-tinh' }).split('.');
    const payload = Buffer.from(JSON.stringify({ ...officerClaims, roles: ['platform-admin'], iss: DEV_ISSUER, aud: DEFAULT_AUDIENCE, exp: 9999999999 })).toString('base64url');
    expectRefused(await askWith(`${header}.${payload}.${signature}`), /invalid/);
  });

  it('refuses an officer token that names no agency, and a citizen token without a personal id', async () => {
    const sign = (claims: object) => jwt.sign(claims, devPrivateKey(), { algorithm: 'RS256', keyid: DEV_KEY_ID, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn: 300 });
    expectRefused(await askWith(sign({ roles: ['officer'] })), /must name its agency/);
    expectRefused(await askWith(sign({ roles: ['citizen'], sub: 'alice' })), /12-digit personal id/);
    expectRefused(await askWith(sign({ roles: ['superuser'], agency: 'so-tu-phap' })), /no role/);
  });

  it('refuses an officer, system, security officer or administrator token that names no account (sub)', async () => {
    const sign = (claims: object) => jwt.sign(claims, devPrivateKey(), { algorithm: 'RS256', keyid: DEV_KEY_ID, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn: 300 });
    const withoutAccount = /must carry the caller's account as sub: every disclosure names who asked/;
    expectRefused(await askWith(sign({ roles: ['officer'], agency: 'cong-an-tinh' })), withoutAccount);
    expectRefused(await askWith(sign({ roles: ['system'], agency: 'so-tai-chinh', sub: '' })), withoutAccount);
    expectRefused(await askWith(sign({ roles: ['security-officer'] })), withoutAccount);
    expectRefused(await askWith(sign({ roles: ['platform-admin'] })), withoutAccount);
  });

  it('refuses an anonymous caller asking for data, but lets them explore the schema', async () => {
    expectRefused(await askWith(null), /bearer token/);
    const { gateway } = await getStack();
    const introspection = await postGraphQL(`${gateway.url}/graphql`, '{ __schema { queryType { name } } }');
    expect(introspection.status).toBe(200);
    expect(introspection.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const sneaky = await postGraphQL(`${gateway.url}/graphql`, '{ __typename ...F } fragment F on Query { citizen(id: "123456789012") { fullName } }');
    expectRefused(sneaky, /bearer token/);
  });

  it('refuses a malformed purpose or case id with a clear message', async () => {
    const token = tokenFor({ role: 'officer', agency: 'cong-an-tinh' });
    const badPurpose = await askWith(token, { 'x-purpose': 'DROP TABLE citizen' });
    expectAnswer(badPurpose, {
      status: 400,
      data: undefined,
      errors: [{ code: 'BAD_USER_INPUT', message: /X-Purpose must be a purpose code/, extensions: { code: 'BAD_USER_INPUT' } }],
    });
    const badCase = await askWith(token, { 'x-case-id': '<script>' });
    expectAnswer(badCase, { status: 400, data: undefined, errors: [{ code: 'BAD_USER_INPUT', message: /X-Case-Id/, extensions: { code: 'BAD_USER_INPUT' } }] });
    const good = await askWith(token, { 'x-case-id': 'HS-2026/000123' });
    expectAnswer(good, { data: { citizen: { fullName: demoName() } } });
  });

  it('lets a citizen read their own record through me', async () => {
    const id = seededProvince().demoCitizenIds[1];
    const answer = await query({ role: 'citizen', sub: id }, '{ me { id fullName } }');
    expectAnswer(answer, { data: { me: { id, fullName: seededProvince().citizens.find((citizen) => citizen.id === id)!.fullName } } });
  });
});
