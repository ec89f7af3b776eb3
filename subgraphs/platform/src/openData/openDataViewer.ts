// Who reads the open-data workflows (problem reports, notices): the operator of the portal (Sở Khoa học và
// Công nghệ's officers, and platform administrators) every dataset's, security officers every notice, a
// publisher its own agency's datasets'. Anyone else is refused with FORBIDDEN.
import { hasRole, type Principal } from '../../../../shared/auth/Principal.ts';
import { OPERATOR_AGENCY } from '../workflow/workflowViewer.ts';
import { refusal } from './openDataPublishers.ts';

/** `agency` null: every agency's. */
export type OpenDataViewer = { agency: string | null };

export function isOperator(principal: Principal): boolean {
  return hasRole(principal, 'platform-admin') || (hasRole(principal, 'officer') && principal.agency === OPERATOR_AGENCY);
}

export function openDataViewerOf(principal: Principal, what: string, options: { securityOfficers?: boolean } = {}): OpenDataViewer {
  if (isOperator(principal) || (options.securityOfficers && hasRole(principal, 'security-officer'))) return { agency: null };
  if (hasRole(principal, 'publisher') && principal.agency) return { agency: principal.agency };
  throw refusal(`Only the portal's operator and the datasets' publishers read ${what}`, hasRole(principal, 'officer') ? 'AGENCY_NOT_ALLOWED' : 'ROLE_NOT_ALLOWED', principal);
}
