// Who is calling, as the gateway established it. A subgraph over HTTP rebuilds it from its internal token;
// one in the gateway's process gets a copy (copyOfPrincipal).

// A data-protection officer (DPO) oversees how personal data was used: an agency's DPO its own registers
// and what its own officers asked of others; the province's DPO, like security officers, everything.
// A publisher keeps its own agency's open datasets (Thái Bình QĐ 27/2025 Đ6.2): metadata and versions.
export const KNOWN_ROLES = ['citizen', 'officer', 'system', 'security-officer', 'platform-admin', 'data-protection-officer', 'publisher'] as const;
export type Role = (typeof KNOWN_ROLES)[number];

export interface Principal {
  /** `sub` of the caller's token: a citizen's 12-digit personal id, an officer's or system's account. */
  subject: string | null;
  /** Agency code for officers and systems; null for citizens and anonymous callers. */
  agency: string | null;
  roles: Role[];
  /** Purpose code the caller declared in `X-Purpose`. */
  purpose: string | null;
  /** Administrative dossier number from `X-Case-Id`. */
  caseId: string | null;
  /** Made by the gateway for every request; ties logs and audit records together. */
  requestId: string;
  /**
   * A parent acting for a minor child (`X-Child-Id`): `subject` is then the child, so every register
   * answers as it would the child, and this is the parent's personal id, who asked. The gateway sets
   * it only once the population register records the caller as a parent of that minor.
   */
  guardian?: string;
}

/** What a verified caller token establishes; the gateway adds purpose, case and request id. */
export type Identity = Pick<Principal, 'subject' | 'agency' | 'roles'>;

export function isAnonymous(principal: Principal): boolean {
  return principal.roles.length === 0;
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role);
}

export function anonymousPrincipal(requestId: string): Principal {
  return { subject: null, agency: null, roles: [], purpose: null, caseId: null, requestId };
}

/**
 * A copy for a subgraph in the gateway's process (gateway/src/subgraphTransports.ts): no register can
 * change whom another one, or the gateway, answers. Built in the order of the internal token verifier's
 * object, so the policy rules see one shape of principal in either shape of the stack.
 */
export function copyOfPrincipal(principal: Principal): Principal {
  return {
    subject: principal.subject,
    agency: principal.agency,
    roles: [...principal.roles],
    purpose: principal.purpose,
    caseId: principal.caseId,
    requestId: principal.requestId,
    ...(principal.guardian !== undefined && { guardian: principal.guardian }),
  };
}
