// The whole supergraph, started once per test run and shared by every test file (vitest isolate: false):
// six subgraphs on embedded Postgres (or on TEST_DATABASE_URL's server, a database each) and the
// gateway, all on free ports. The gateway calls the subgraphs in-process or over HTTP (TEST_SUBGRAPH_CALLS;
// CI runs the suite in each shape); callers, and everything else between services, use real HTTP.
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { DEV_ISSUER, DEV_KEY_ID, devUserSigningKeys } from '../../shared/auth/devKeys.ts';
import { DEFAULT_AUDIENCE, signDevUserToken, type UserTokenSettings } from '../../shared/auth/userToken.ts';
import { config } from '../../shared/config/config.ts';
import { testDatabaseOptions } from '../../shared/db/testDatabase.ts';
import { DEFAULT_CITIZENS, DEFAULT_SEED, generateProvince, type Province } from '../../synthetic/index.ts';
import { startStack, type RunningStack } from '../../scripts/startStack.ts';
import { DEFAULT_POLICY_DIR } from '../../shared/policy/loadSubgraphPolicies.ts';

export const PROVINCE_OPTIONS = { seed: DEFAULT_SEED, citizens: DEFAULT_CITIZENS };

/** A second, rotated-in verification key (ES256), trusted by the test gateway beside the dev key. */
export const rotatedKey = (() => {
  const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    kid: 'rotated-2026',
    privateKey: pair.privateKey,
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
})();

export const tokenSettings: UserTokenSettings = {
  issuer: DEV_ISSUER,
  audience: DEFAULT_AUDIENCE,
  keys: [
    { kid: DEV_KEY_ID, publicKeyPem: devUserSigningKeys().publicKeyPem },
    { kid: rotatedKey.kid, publicKeyPem: rotatedKey.publicKeyPem },
  ],
};

/**
 * The running stack reads its policies from a copy, so tests can edit policies as a security
 * officer would without touching the repository's files.
 */
export const livePolicyDir = (() => {
  const dir = join(mkdtempSync(join(tmpdir(), 'policies-')), 'policies');
  cpSync(DEFAULT_POLICY_DIR, dir, { recursive: true });
  return dir;
})();

/**
 * The whole suite asks as a handful of principals, from one address: the shared stack's gateway allows
 * far more than the suite sends, so no test meets a rate limit by chance (rateLimits.test.ts starts
 * gateways of its own with low limits).
 */
const NEVER_REACHED = { perSecond: 100_000, burst: 100_000 };
export const generousRateLimits = {
  perCaller: {
    officer: NEVER_REACHED,
    system: NEVER_REACHED,
    'security-officer': NEVER_REACHED,
    'platform-admin': NEVER_REACHED,
    'data-protection-officer': NEVER_REACHED,
    publisher: NEVER_REACHED,
    citizen: NEVER_REACHED,
    anonymous: NEVER_REACHED,
  },
  redisUrl: undefined,
  keyPrefix: '',
};

let stack: Promise<RunningStack> | undefined;

export function getStack(): Promise<RunningStack> {
  stack ??= startStack({
    gatewayPort: 0,
    subgraph: (name) => ({ port: 0, database: testDatabaseOptions(name) }),
    province: PROVINCE_OPTIONS,
    tokens: tokenSettings,
    policyDir: livePolicyDir,
    rateLimits: generousRateLimits,
    subgraphCalls: config.test.subgraphCalls,
  });
  return stack;
}

let province: Province | undefined;

/** The same synthetic province the databases were seeded with, to pick people and check answers. */
export function seededProvince(): Province {
  province ??= generateProvince(PROVINCE_OPTIONS);
  return province;
}

export interface Who {
  role: 'citizen' | 'officer' | 'system' | 'security-officer' | 'platform-admin' | 'data-protection-officer' | 'publisher';
  agency?: string;
  sub?: string;
  ttlSeconds?: number;
  /** Sent as X-Purpose. */
  purpose?: string;
  /** Sent as X-Case-Id: the case the caller works on. */
  caseId?: string;
}

/** The provincial police investigating a case: the one agency the seed policies let read every non-secret field. */
export const investigator: Who = { role: 'officer', agency: 'cong-an-tinh', purpose: 'criminal-investigation', caseId: 'HS-2026/0042' };
/** A civil-status officer of the justice department at work. */
export const justiceOfficer: Who = { role: 'officer', agency: 'so-tu-phap', purpose: 'civil-status-procedure' };

export function tokenFor(who: Who): string {
  return signDevUserToken({ roles: [who.role], agency: who.agency, sub: who.sub, ttlSeconds: who.ttlSeconds });
}

/** Signs with the rotated-in ES256 key instead of the dev key. */
export function tokenFromRotatedKey(claims: Record<string, unknown>): string {
  return jwt.sign(claims, rotatedKey.privateKey, {
    algorithm: 'ES256',
    keyid: rotatedKey.kid,
    issuer: DEV_ISSUER,
    audience: DEFAULT_AUDIENCE,
    expiresIn: 300,
  });
}

export interface GraphQLResponse {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }> };
  headers: Headers;
}

export async function postGraphQL(
  url: string,
  query: string,
  options: { token?: string | null; headers?: Record<string, string>; variables?: Record<string, unknown> } = {},
): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'], headers: response.headers };
}

/** What `who` declares in headers beside their token: their purpose and case. */
export function declaredBy(who: Who | null): Record<string, string> {
  return { ...(who?.purpose ? { 'x-purpose': who.purpose } : {}), ...(who?.caseId ? { 'x-case-id': who.caseId } : {}) };
}

/** A query through the gateway as the given person. */
export async function query(who: Who | null, text: string, options: { headers?: Record<string, string>; variables?: Record<string, unknown> } = {}) {
  const { gateway } = await getStack();
  const headers = { ...declaredBy(who), ...options.headers };
  return postGraphQL(`${gateway.url}/graphql`, text, { variables: options.variables, headers, token: who ? tokenFor(who) : null });
}

/** Total SQL statements sent by every subgraph so far. */
export async function sqlStatements(): Promise<number> {
  const { subgraphs } = await getStack();
  return Object.values(subgraphs).reduce((sum, subgraph) => sum + subgraph.database.statementCount(), 0);
}
