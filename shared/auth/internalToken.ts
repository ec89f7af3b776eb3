// The gateway vouches for each caller to each subgraph with a short-lived HS256 token whose audience is
// that subgraph. Each subgraph's key is derived from a master secret the gateway holds, so a subgraph
// can check tokens meant for it but cannot mint tokens for another. Keys are KeyObjects made once:
// jsonwebtoken re-parses raw secrets on every call (355 us vs 12 us, see docs/request-path-costs.md).
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { config } from '../config/config.ts';
import { envPrefix } from '../config/services.ts';
import { devInternalMasterSecret } from './devKeys.ts';
import { KNOWN_ROLES, type Principal, type Role } from './Principal.ts';

export const INTERNAL_ISSUER = 'provincial-gateway';
const INTERNAL_ALGORITHM = 'HS256';
const INTERNAL_TOKEN_TTL_SECONDS = 60;

function masterSecret(): string {
  const configured = config.internalTokenSecret;
  if (configured) return configured;
  if (config.isProduction) throw new Error('INTERNAL_TOKEN_SECRET must be set in production');
  return devInternalMasterSecret();
}

export function deriveSubgraphKey(master: string, subgraph: string): Buffer {
  return createHmac('sha256', master).update(`internal-token:${subgraph}`).digest();
}

/** The gateway's signer: one key per subgraph, derived once. */
export function createInternalTokenSigner(): (subgraph: string, principal: Principal) => string {
  const master = masterSecret();
  const keys = new Map<string, KeyObject>();
  return (subgraph, principal) => {
    let key = keys.get(subgraph);
    if (!key) {
      key = createSecretKey(deriveSubgraphKey(master, subgraph));
      keys.set(subgraph, key);
    }
    const claims = {
      sub: principal.subject ?? undefined,
      agency: principal.agency ?? undefined,
      roles: principal.roles,
      purpose: principal.purpose ?? undefined,
      case_id: principal.caseId ?? undefined,
      guardian: principal.guardian,
      rid: principal.requestId,
    };
    return jwt.sign(claims, key, {
      algorithm: INTERNAL_ALGORITHM,
      issuer: INTERNAL_ISSUER,
      audience: subgraph,
      expiresIn: INTERNAL_TOKEN_TTL_SECONDS,
    });
  };
}

/**
 * A subgraph's verifier for one audience. `INTERNAL_TOKEN_KEY_<AUDIENCE>` (hex, e.g.
 * INTERNAL_TOKEN_KEY_POPULATION) gives a service only the keys it needs; otherwise the key is derived
 * from the master secret (development, or all services in one process).
 */
export function createInternalTokenVerifier(subgraph: string): (token: string) => Principal | null {
  const ownKey = config.internalTokenKeys[envPrefix(subgraph)];
  const key = createSecretKey(ownKey ? Buffer.from(ownKey, 'hex') : deriveSubgraphKey(masterSecret(), subgraph));
  return (token) => {
    let claims: jwt.JwtPayload;
    try {
      const verified = jwt.verify(token, key, {
        algorithms: [INTERNAL_ALGORITHM],
        issuer: INTERNAL_ISSUER,
        audience: subgraph,
        clockTolerance: 5,
      });
      if (typeof verified === 'string') return null;
      claims = verified;
    } catch {
      return null;
    }
    if (typeof claims.exp !== 'number' || typeof claims.rid !== 'string' || !Array.isArray(claims.roles)) return null;
    return {
      subject: typeof claims.sub === 'string' ? claims.sub : null,
      agency: typeof claims.agency === 'string' ? claims.agency : null,
      roles: claims.roles.filter((role: unknown): role is Role => KNOWN_ROLES.includes(role as Role)),
      purpose: typeof claims.purpose === 'string' ? claims.purpose : null,
      caseId: typeof claims.case_id === 'string' ? claims.case_id : null,
      requestId: claims.rid,
      ...(typeof claims.guardian === 'string' && { guardian: claims.guardian }),
    };
  };
}
