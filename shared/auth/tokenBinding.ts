// Every token the gateway mints for one request (a subgraph's internal token, the consent-registry
// token, the relay tokens) carries the same caller, agency, roles, purpose, case and request id. A
// service holding its own verified internal token (or, in one box, the caller the gateway in its process
// handed over) checks that another token it was handed agrees with it before using it, so no one can pair
// the internal token of one request with a token of another (another caller's consents, another citizen's
// children). The service cannot verify that other token's signature (its key is its audience's): it
// compares the claims, and the service that token is for verifies the signature of the very same text,
// so what was compared is what gets honoured.
import jwt from 'jsonwebtoken';
import { INTERNAL_ISSUER } from './internalToken.ts';
import { KNOWN_ROLES, type Principal, type Role } from './Principal.ts';

/** Absent and null are the same claim (the signer leaves out what the caller does not have). */
function sameClaim(claim: unknown, value: string | null): boolean {
  return (claim ?? null) === value;
}

function sameRoles(claim: unknown, roles: readonly Role[]): boolean {
  if (!Array.isArray(claim)) return false;
  // The verifier keeps only known roles, in order; the same filter over the same list gives the same list.
  const known = claim.filter((role: unknown): role is Role => KNOWN_ROLES.includes(role as Role));
  return known.length === roles.length && known.every((role, index) => role === roles[index]);
}

/**
 * Whether `token` is a gateway token for `audience` minted for the very request `principal` (as its own
 * verified internal token established it) stands for. Its signature is not checked here.
 */
export function isBoundTo(token: string, audience: string, principal: Principal): boolean {
  let claims: jwt.JwtPayload | null;
  try {
    claims = jwt.decode(token, { json: true });
  } catch {
    return false;
  }
  return (
    claims !== null &&
    claims.iss === INTERNAL_ISSUER &&
    claims.aud === audience &&
    typeof claims.rid === 'string' &&
    claims.rid === principal.requestId &&
    sameClaim(claims.sub, principal.subject) &&
    sameClaim(claims.agency, principal.agency) &&
    sameClaim(claims.purpose, principal.purpose) &&
    sameClaim(claims.case_id, principal.caseId) &&
    sameClaim(claims.guardian, principal.guardian ?? null) &&
    sameRoles(claims.roles, principal.roles)
  );
}
