// The platform's purpose list (who may declare each purpose, and case-id formats), held by the gateway:
// loaded from the platform at start and every minute after, keeping the last good copy when a load
// fails. Until a first load succeeds the list is null, and checkDeclaredPurpose fails closed.
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../shared/auth/Principal.ts';
import { compilePurposeList, PURPOSE_LIST_RELATIVE_PATH, type PurposeDeclaration, type PurposeList } from '../../shared/catalogue/purposeDeclarations.ts';
import { callInternalRoute } from '../../shared/internalRoutes/callInternalRoute.ts';
import { logError } from '../../shared/logging/log.ts';

/** A change to the list is in force at the gateway within this time. */
export const PURPOSE_LIST_REFRESH_MS = 60_000;
/** While the list was never loaded, ask again this often. */
const FIRST_LOAD_RETRY_MS = 2_000;

export interface PurposeListHolder {
  /** The last good list; null while none was loaded. */
  current(): PurposeList | null;
  close(): void;
}

/**
 * `platformUrl()`: where the platform answers (known once Apollo has loaded the supergraph).
 * `sign`: the gateway's internal-token signer; the token is for the platform's own audience.
 * Resolves after the first attempt, loaded or not: a platform down at start does not stop the gateway.
 */
export async function loadPurposeListFromPlatform(
  platformUrl: () => string | undefined,
  sign: (audience: string, principal: Principal) => string,
  refreshMs = PURPOSE_LIST_REFRESH_MS,
): Promise<PurposeListHolder> {
  let list: PurposeList | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let failing = false;

  const load = async (): Promise<void> => {
    const url = platformUrl();
    try {
      if (!url) throw new Error('no URL for the platform subgraph');
      const requestId = randomUUID();
      const token = sign('platform', { subject: 'gateway', agency: null, roles: [], purpose: null, caseId: null, requestId });
      // Beside the platform's GraphQL path, so a platform behind a path prefix is reached too.
      const declarations = await callInternalRoute<PurposeDeclaration[]>(url, PURPOSE_LIST_RELATIVE_PATH, token, requestId, {});
      list = compilePurposeList(declarations);
      if (failing) logError('purpose list loaded again from the platform', {});
      failing = false;
    } catch (error) {
      // Logged once per outage; the last good list stays in force.
      if (!failing) logError(list ? 'purpose list refresh failed: keeping the last good list' : 'purpose list not loaded: requests declaring a purpose are refused', { error });
      failing = true;
    }
  };
  const schedule = () => {
    if (closed) return;
    timer = setTimeout(() => void load().then(schedule), list ? refreshMs : FIRST_LOAD_RETRY_MS);
    timer.unref();
  };

  await load();
  schedule();
  return {
    current: () => list,
    close: () => {
      closed = true;
      clearTimeout(timer);
    },
  };
}
