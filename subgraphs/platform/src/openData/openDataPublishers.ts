// Who keeps a dataset (Thái Bình QĐ 27/2025 Đ6.2): a publisher of the dataset's agency, and only of it.
// Anyone else (another agency's publisher, an officer, a citizen, a caller without a token) is refused
// with FORBIDDEN and a plain message, before anything changes.
import { GraphQLError } from 'graphql';
import { hasRole, type Principal } from '../../../../shared/auth/Principal.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import type { OpenDataset } from '../../../../shared/openData/OpenDataList.ts';
import { openDataListOnDisk } from './openDataListOnDisk.ts';

const POLICY = 'platform.mutation';
const MAX_ID = 80;

/** The list's entry of a dataset id, or BAD_USER_INPUT. */
export function listedDataset(id: string, field = 'id'): OpenDataset {
  const entry = id.length <= MAX_ID ? openDataListOnDisk().byId.get(id) : undefined;
  if (!entry) throw badUserInput(`"${field}" must be a dataset of the open-data list, like "administrative-units"`, field);
  return entry;
}

export function refusal(message: string, reason: 'ROLE_NOT_ALLOWED' | 'AGENCY_NOT_ALLOWED', principal: Principal): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', reason, policy: POLICY, rule: null, requestId: principal.requestId } });
}

/** The dataset, when the caller is one of its agency's publishers; FORBIDDEN otherwise. */
export function requirePublisherOf(principal: Principal, id: string): OpenDataset {
  const entry = listedDataset(id);
  if (!hasRole(principal, 'publisher')) {
    throw refusal(`Only a publisher of ${entry.publisher} may change the dataset "${entry.id}". Nothing changed.`, 'ROLE_NOT_ALLOWED', principal);
  }
  if (principal.agency !== entry.publisher) {
    throw refusal(`The dataset "${entry.id}" is published by ${entry.publisher}: a publisher of ${principal.agency ?? 'no agency'} may not change it. Nothing changed.`, 'AGENCY_NOT_ALLOWED', principal);
  }
  return entry;
}

/** The account that acted, as versions and edits record it. */
export function actorOf(principal: Principal): string {
  return principal.subject ?? `${principal.agency ?? 'unknown'}:publisher`;
}
