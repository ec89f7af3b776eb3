// Who is calling: the gateway accepts a caller's token only if a trusted key signed it with the one
// algorithm that key allows, for this platform, not expired, naming who the caller is.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUserTokenVerifier, InvalidTokenError } from './userToken.ts';

const ISSUER = 'https://idp.hungyen.gov.vn';
const AUDIENCE = 'provincial-data-sharing';
const UNTRUSTED = 'The token is invalid, expired or not signed by a trusted key';
const NO_ACCOUNT = "The token must carry the caller's account as sub: every disclosure names who asked";

const pemOf = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

const verify = createUserTokenVerifier({
  issuer: ISSUER,
  audience: AUDIENCE,
  keys: [
    { kid: 'idp-2025', publicKeyPem: pemOf(rsa.publicKey) },
    { kid: 'idp-2026', publicKeyPem: pemOf(ec.publicKey) },
  ],
});

const police = { roles: ['officer'], agency: 'cong-an-tinh', sub: 'ca-0042' };
const minh = { roles: ['citizen'], sub: '033094279365' };

interface Signing {
  key?: KeyObject | string | null;
  algorithm?: jwt.Algorithm;
  kid?: string | null;
  issuer?: string;
  audience?: string;
  expiresIn?: number | null;
}

/** A token as an identity provider would sign it: by default, the RS256 key, good for five minutes. */
function tokenFor(claims: object, signing: Signing = {}): string {
  const { key = rsa.privateKey, algorithm = 'RS256', kid = 'idp-2025', issuer = ISSUER, audience = AUDIENCE, expiresIn = 300 } = signing;
  return jwt.sign(claims, key as jwt.Secret, {
    algorithm,
    issuer,
    audience,
    ...(kid === null ? {} : { keyid: kid }),
    ...(expiresIn === null ? {} : { expiresIn }),
    ...(algorithm === 'HS256' ? { allowInsecureKeySizes: true } : {}),
  } as jwt.SignOptions);
}

/** What the gateway makes of a token: the caller, or why it is refused. */
function outcomeOf(token: string): { caller: unknown } | { refused: string } {
  try {
    return { caller: verify(token) };
  } catch (error) {
    if (error instanceof InvalidTokenError) return { refused: error.message };
    throw error;
  }
}

describe('a caller’s token at the gateway', () => {
  it('lets a police officer in with a token signed by the RS256 key', () => {
    expect(outcomeOf(tokenFor(police))).toEqual({ caller: { subject: 'ca-0042', agency: 'cong-an-tinh', roles: ['officer'] } });
  });

  it('lets the same officer in with a token signed by the rotated-in ES256 key', () => {
    expect(outcomeOf(tokenFor(police, { key: ec.privateKey, algorithm: 'ES256', kid: 'idp-2026' }))).toEqual({
      caller: { subject: 'ca-0042', agency: 'cong-an-tinh', roles: ['officer'] },
    });
  });

  it('lets a citizen in with her 12-digit personal id, as a citizen of no agency', () => {
    expect(outcomeOf(tokenFor(minh))).toEqual({ caller: { subject: '033094279365', agency: null, roles: ['citizen'] } });
  });

  it('lets in a token naming no key when one of the trusted keys signed it', () => {
    expect(outcomeOf(tokenFor(police, { kid: null }))).toEqual({ caller: { subject: 'ca-0042', agency: 'cong-an-tinh', roles: ['officer'] } });
  });

  it('refuses a token naming no key when no trusted key signed it', () => {
    expect(outcomeOf(tokenFor(police, { key: stranger.privateKey, kid: null }))).toEqual({ refused: UNTRUSTED });
  });

  it('refuses a token from another identity provider', () => {
    expect(outcomeOf(tokenFor(police, { issuer: 'https://idp.example.com' }))).toEqual({ refused: UNTRUSTED });
  });

  it('refuses a token meant for another system', () => {
    expect(outcomeOf(tokenFor(police, { audience: 'national-population-database' }))).toEqual({ refused: UNTRUSTED });
  });

  it('refuses a token that expired a minute ago', () => {
    expect(outcomeOf(tokenFor({ ...police, exp: Math.floor(Date.now() / 1000) - 60 }, { expiresIn: null }))).toEqual({ refused: UNTRUSTED });
  });

  it('refuses a token that never expires', () => {
    expect(outcomeOf(tokenFor(police, { expiresIn: null }))).toEqual({ refused: 'The token has no expiry' });
  });

  it('refuses an unsigned token (alg "none")', () => {
    expect(outcomeOf(tokenFor(police, { key: null, algorithm: 'none' }))).toEqual({ refused: UNTRUSTED });
  });

  it('refuses an HS256 token keyed with the RSA public key (algorithm confusion)', () => {
    expect(outcomeOf(tokenFor(police, { key: pemOf(rsa.publicKey), algorithm: 'HS256' }))).toEqual({ refused: UNTRUSTED });
  });

  it('refuses a token signed by the RSA key but naming the ES256 key: each key allows one algorithm', () => {
    expect(outcomeOf(tokenFor(police, { kid: 'idp-2026' }))).toEqual({ refused: UNTRUSTED });
  });

  it('refuses a token naming a key the gateway does not know, even one a trusted key signed', () => {
    expect(outcomeOf(tokenFor(police, { kid: 'idp-2024' }))).toEqual({ refused: UNTRUSTED });
  });

  it('refuses a token signed by an unknown key that claims a trusted key id', () => {
    expect(outcomeOf(tokenFor(police, { key: stranger.privateKey }))).toEqual({ refused: UNTRUSTED });
  });

  it('refuses a token whose claims were changed after signing', () => {
    const [header, , signature] = tokenFor(police).split('.');
    const promoted = Buffer.from(JSON.stringify({ ...police, roles: ['security-officer'], iss: ISSUER, aud: AUDIENCE, exp: 9999999999 })).toString('base64url');
    expect(outcomeOf(`${header}.${promoted}.${signature}`)).toEqual({ refused: UNTRUSTED });
  });

  it('refuses something that is not a JWT at all', () => {
    expect(outcomeOf('not-a-token')).toEqual({ refused: 'The token is not a JWT' });
  });

  it('refuses a citizen whose token carries no 12-digit personal id', () => {
    expect(outcomeOf(tokenFor({ roles: ['citizen'], sub: 'minh@example.com' }))).toEqual({ refused: "A citizen's token must carry their 12-digit personal id as sub" });
  });

  it('refuses a citizen whose token carries an 11-digit id', () => {
    expect(outcomeOf(tokenFor({ roles: ['citizen'], sub: '03309427936' }))).toEqual({ refused: "A citizen's token must carry their 12-digit personal id as sub" });
  });

  it('refuses an officer whose token names no agency', () => {
    expect(outcomeOf(tokenFor({ roles: ['officer'], sub: 'ca-0042' }))).toEqual({ refused: "An officer's, system's, data-protection officer's or publisher's token must name its agency" });
  });

  it('refuses a system whose token names an empty agency', () => {
    expect(outcomeOf(tokenFor({ roles: ['system'], agency: '', sub: 'batch-1' }))).toEqual({ refused: "An officer's, system's, data-protection officer's or publisher's token must name its agency" });
  });

  it('refuses an officer whose token names no account: every disclosure names who asked', () => {
    expect(outcomeOf(tokenFor({ roles: ['officer'], agency: 'cong-an-tinh' }))).toEqual({ refused: NO_ACCOUNT });
  });

  it('refuses a system whose token names an empty account', () => {
    expect(outcomeOf(tokenFor({ roles: ['system'], agency: 'so-tai-chinh', sub: '' }))).toEqual({ refused: NO_ACCOUNT });
  });

  it('refuses a security officer and a platform administrator without an account', () => {
    expect(outcomeOf(tokenFor({ roles: ['security-officer'] }))).toEqual({ refused: NO_ACCOUNT });
    expect(outcomeOf(tokenFor({ roles: ['platform-admin'], sub: 42 }))).toEqual({ refused: NO_ACCOUNT });
  });

  it('lets a security officer in with their account', () => {
    expect(outcomeOf(tokenFor({ roles: ['security-officer'], sub: 'atttt-0007' }))).toEqual({ caller: { subject: 'atttt-0007', agency: null, roles: ['security-officer'] } });
  });

  it('refuses a caller with no role this platform knows', () => {
    expect(outcomeOf(tokenFor({ roles: ['superuser'], agency: 'cong-an-tinh' }))).toEqual({ refused: 'The token carries no role this platform knows' });
  });

  it('refuses a caller with no roles at all', () => {
    expect(outcomeOf(tokenFor({ agency: 'cong-an-tinh' }))).toEqual({ refused: 'The token carries no role this platform knows' });
  });

  it('keeps only the roles the platform knows of a caller who has one', () => {
    expect(outcomeOf(tokenFor({ ...police, roles: ['superuser', 'officer'] }))).toEqual({ caller: { subject: 'ca-0042', agency: 'cong-an-tinh', roles: ['officer'] } });
  });
});

describe('a token that verified once', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets its caller in again, as the same caller, and is refused once it has expired', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = tokenFor(police, { expiresIn: 60 });
    const first = verify(token);
    expect(verify(token)).toEqual(first);
    // Shared by every request that carries the token: nothing may change the caller it names.
    expect(() => (first.roles as string[]).push('security-officer')).toThrow(TypeError);
    vi.setSystemTime(Date.now() + 66_000);
    expect(outcomeOf(token)).toEqual({ refused: UNTRUSTED });
  });
});

describe('the keys the gateway trusts', () => {
  it('are refused when they are neither RSA nor P-256', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    expect(() => createUserTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: [{ kid: 'p384', publicKeyPem: pemOf(p384.publicKey) }] })).toThrow(
      'Verification keys must be RSA (RS256) or P-256 (ES256) public keys',
    );
  });
});
