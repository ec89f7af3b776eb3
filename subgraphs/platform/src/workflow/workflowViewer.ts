// Who reads the items of a platform workflow between two agencies (connection requests, data-error
// reports, usage inquiries): every item (the operator, security officers, the province's DPO), or those
// of one agency, as either party (each workflow says which items of a party it shows).
import { PROVINCE_DPO_AGENCY } from '../../../../shared/audit/disclosureLogReader.ts';
import { hasRole, type Principal } from '../../../../shared/auth/Principal.ts';
import { forbidden } from '../../../../shared/errors/forbidden.ts';

/** The platform's operator (Sở Khoa học và Công nghệ): its officers oversee every workflow. */
export const OPERATOR_AGENCY = 'so-khoa-hoc-cong-nghe';

export type Viewer = { all: true; agency: string | null } | { all: false; agency: string };

/** null: the caller reads none (citizens, systems, callers of no agency). */
export function viewerOf(principal: Principal): Viewer | null {
  const officer = hasRole(principal, 'officer');
  const dpo = hasRole(principal, 'data-protection-officer');
  if (hasRole(principal, 'security-officer')) return { all: true, agency: principal.agency };
  if ((officer && principal.agency === OPERATOR_AGENCY) || (dpo && principal.agency === PROVINCE_DPO_AGENCY)) return { all: true, agency: principal.agency };
  if ((officer || dpo) && principal.agency) return { all: false, agency: principal.agency };
  return null;
}

/** The caller's view of a workflow's items, or FORBIDDEN (ROLE_NOT_ALLOWED) at `coordinate` under the workflow's `policy`. */
export function requireViewer(principal: Principal, coordinate: string, policy: string): Viewer {
  const viewer = viewerOf(principal);
  if (!viewer) throw forbidden(coordinate, { reason: 'ROLE_NOT_ALLOWED', policy, rule: null }, principal.requestId);
  return viewer;
}
