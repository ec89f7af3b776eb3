// Callers' JWTs: verified at the gateway against pinned algorithms, issuer, audience and a set of public
// keys (several, for rotation; each key pinned to the one algorithm its type allows).
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { basename } from 'node:path';
import jwt from 'jsonwebtoken';
import { config } from '../config/config.ts';
import { DEV_ISSUER, DEV_KEY_ID, devUserSigningKeys } from './devKeys.ts';
import { readPemFiles } from './keyMaterial.ts';
import { KNOWN_ROLES, type Identity, type Role } from './Principal.ts';

export const DEFAULT_AUDIENCE = 'provincial-data-sharing';

export interface VerificationKey {
  kid: string;
  publicKeyPem: string;
}

export interface UserTokenSettings {
  issuer: string;
  audience: string;
  keys: VerificationKey[];
}

/** Production: JWT_ISSUER, JWT_AUDIENCE and JWT_PUBLIC_KEYS_DIR (one `<kid>.pem` per key) are required. */
export function userTokenSettingsFromEnv(): UserTokenSettings {
  const dir = config.jwtPublicKeysDir;
  const keys: VerificationKey[] = dir ? readPemFiles(dir).map(({ file, pem }) => ({ kid: basename(file, '.pem'), publicKeyPem: pem })) : [];
  const issuer = config.jwtIssuer;
  if (config.isProduction) {
    if (!issuer || !config.jwtAudience || keys.length === 0) {
      throw new Error('JWT_ISSUER, JWT_AUDIENCE and JWT_PUBLIC_KEYS_DIR with at least one key are required in production');
    }
  } else if (!keys.some((key) => key.kid === DEV_KEY_ID)) {
    keys.push({ kid: DEV_KEY_ID, publicKeyPem: devUserSigningKeys().publicKeyPem });
  }
  return { issuer: issuer ?? DEV_ISSUER, audience: config.jwtAudience ?? DEFAULT_AUDIENCE, keys };
}

function algorithmFor(key: KeyObject): jwt.Algorithm {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error('Verification keys must be RSA (RS256) or P-256 (ES256) public keys');
}

export class InvalidTokenError extends Error {}

/** Seconds a token's exp and nbf may be off from this machine's clock. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** Verified tokens kept at most (the oldest goes first): a few MB, beyond the callers of any one minute. */
const VERIFIED_TOKENS_KEPT = 10_000;

export function createUserTokenVerifier(settings: UserTokenSettings): (token: string) => Identity {
  const keys = new Map(
    settings.keys.map(({ kid, publicKeyPem }) => {
      const key = createPublicKey(publicKeyPem);
      return [kid, { key, algorithm: algorithmFor(key) }] as const;
    }),
  );
  const verifyWith = (token: string, entry: { key: KeyObject; algorithm: jwt.Algorithm }): jwt.JwtPayload | null => {
    try {
      const payload = jwt.verify(token, entry.key, {
        algorithms: [entry.algorithm],
        issuer: settings.issuer,
        audience: settings.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      return typeof payload === 'string' ? null : payload;
    } catch {
      return null;
    }
  };
  // A token that verified verifies again, byte for byte, until it expires (the keys are fixed at start):
  // its identity is kept, so a caller's every request does not pay an RS256 verify (docs/performance.md).
  const verified = new Map<string, { identity: Identity; expiresAtMs: number }>();
  return (token) => {
    const known = verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known.identity;
    if (known) verified.delete(token);
    const entry = verifyToken(token);
    if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
    verified.set(token, entry);
    return entry.identity;
  };

  function verifyToken(token: string): { identity: Identity; expiresAtMs: number } {
    const header = jwt.decode(token, { complete: true })?.header;
    if (!header) throw new InvalidTokenError('The token is not a JWT');
    // A token naming its key is checked against that key alone; one without a kid against each key.
    const candidates = header.kid !== undefined ? [keys.get(header.kid)].filter((entry) => entry !== undefined) : [...keys.values()];
    let claims: jwt.JwtPayload | null = null;
    for (const entry of candidates) {
      claims = verifyWith(token, entry);
      if (claims) break;
    }
    if (!claims) throw new InvalidTokenError('The token is invalid, expired or not signed by a trusted key');
    const identity = callerFromClaims(claims);
    // Shared by the requests that carry the token: nothing may change it.
    Object.freeze(identity.roles);
    return { identity: Object.freeze(identity), expiresAtMs: (claims.exp! + CLOCK_TOLERANCE_SECONDS) * 1000 };
  }
}

function callerFromClaims(claims: jwt.JwtPayload): Identity {
  if (typeof claims.exp !== 'number') throw new InvalidTokenError('The token has no expiry');
  const rawRoles: unknown[] = Array.isArray(claims.roles) ? claims.roles : [];
  const roles = rawRoles.filter((role): role is Role => KNOWN_ROLES.includes(role as Role));
  if (roles.length === 0) throw new InvalidTokenError('The token carries no role this platform knows');
  const subject = typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : null;
  const agency = typeof claims.agency === 'string' && claims.agency !== '' ? claims.agency : null;
  if (roles.includes('citizen') && !(subject && /^\d{12}$/.test(subject))) {
    throw new InvalidTokenError("A citizen's token must carry their 12-digit personal id as sub");
  }
  if ((roles.includes('officer') || roles.includes('system') || roles.includes('data-protection-officer') || roles.includes('publisher')) && !agency) {
    throw new InvalidTokenError("An officer's, system's, data-protection officer's or publisher's token must name its agency");
  }
  // Every disclosure names who asked: an officer's (security officer's, administrator's) or system's account.
  if (!subject) {
    throw new InvalidTokenError("The token must carry the caller's account as sub: every disclosure names who asked");
  }
  return { subject, agency, roles };
}

export interface DevTokenRequest {
  roles: string[];
  agency?: string;
  sub?: string;
  ttlSeconds?: number;
}

const AGENCY_ROLES = ['officer', 'system', 'data-protection-officer', 'publisher'];

/** Why a development token was not minted: a code the console's pages say in their language, and a message. */
export interface DevTokenProblem {
  code: 'ROLE_REQUIRED' | 'UNKNOWN_ROLE' | 'AGENCY_REQUIRED' | 'CITIZEN_ID_REQUIRED' | 'BAD_LIFETIME';
  message: string;
}

/**
 * What a development token may be minted for, the one rule of `npm run token` and the console's
 * development sign-in: null when it may, else what is wrong, said to the person asking.
 */
export function devTokenProblem({ roles, agency, sub, ttlSeconds = 3600 }: DevTokenRequest): DevTokenProblem | null {
  const unknown = roles.filter((role) => !(KNOWN_ROLES as readonly string[]).includes(role));
  return roles.length === 0 ? { code: 'ROLE_REQUIRED', message: 'Give at least one role.' }
    : unknown.length ? { code: 'UNKNOWN_ROLE', message: `Unknown role: ${unknown.join(', ')}.` }
    : roles.some((role) => AGENCY_ROLES.includes(role)) && !agency ? { code: 'AGENCY_REQUIRED', message: 'Officers, systems, data-protection officers and publishers need an agency.' }
    : roles.includes('citizen') && !/^\d{12}$/.test(sub ?? '') ? { code: 'CITIZEN_ID_REQUIRED', message: "A citizen's subject must be their 12-digit personal id." }
    : !Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 86_400 ? { code: 'BAD_LIFETIME', message: 'The lifetime must be whole seconds from 1 to 86400.' }
    : null;
}

let devSigningKey: KeyObject | undefined;

/** The account a development token names when none is given: its role at its agency, e.g. `dev-officer@so-tu-phap`. */
export function devAccount(request: Pick<DevTokenRequest, 'roles' | 'agency'>): string {
  const account = `dev-${request.roles[0] ?? 'user'}`;
  return request.agency ? `${account}@${request.agency}` : account;
}

/** Signs a token as the development identity provider. Refuses in production. */
export function signDevUserToken(request: DevTokenRequest): string {
  devSigningKey ??= createPrivateKey(devUserSigningKeys().privateKeyPem);
  const claims: Record<string, unknown> = { roles: request.roles };
  if (request.agency) claims.agency = request.agency;
  return jwt.sign(claims, devSigningKey, {
    algorithm: 'RS256',
    keyid: DEV_KEY_ID,
    issuer: config.jwtIssuer ?? DEV_ISSUER,
    audience: config.jwtAudience ?? DEFAULT_AUDIENCE,
    subject: request.sub ?? devAccount(request),
    expiresIn: request.ttlSeconds ?? 3600,
  });
}
