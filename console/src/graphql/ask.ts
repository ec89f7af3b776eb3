// One way for every page to ask the gateway: POST /graphql with the session's token and its declared
// purpose and case id (a page may declare others for one request). HTTP refusals (401, 403, 429, 400
// before execution) come back as GraphQL errors, so a page shows every failure the same way.
import type { Session } from '../session/session.tsx';

export interface AskError {
  /** The server's message, in English; or, when `localized`, the console's own words in the reader's language. */
  message: string;
  localized?: boolean;
  path?: (string | number)[];
  extensions?: { code?: string; reason?: string; [key: string]: unknown };
}

export interface Answer<T> {
  data: T | null;
  errors: AskError[];
}

export interface AskOptions {
  /** X-Purpose for this request; undefined keeps the session's, null declares none. */
  purpose?: string | null;
  caseId?: string | null;
  /** X-Child-Id: a parent asks as their minor child (the gateway checks the parenthood). */
  childId?: string | null;
  signal?: AbortSignal;
}

/** For what is no one's personal data (reference lists, open data): declared for no purpose and no case, whatever the session declares. */
export const NO_PURPOSE: AskOptions = { purpose: null, caseId: null };

export async function ask<T>(session: Session | null, query: string, variables: Record<string, unknown> = {}, options: AskOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (session) headers.authorization = `Bearer ${session.token}`;
  const purpose = options.purpose === undefined ? session?.purpose : options.purpose;
  const caseId = options.caseId === undefined ? session?.caseId : options.caseId;
  if (purpose) headers['x-purpose'] = purpose;
  if (caseId) headers['x-case-id'] = caseId;
  if (options.childId) headers['x-child-id'] = options.childId;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    return { data: null, errors: [{ message: '', extensions: { code: 'NETWORK' } }] };
  }
  let body: { data?: T | null; errors?: AskError[] } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // A body that is not JSON: described by the status below.
  }
  const errors = body.errors ?? [];
  if (response.status === 429) {
    const retryAfter = response.headers.get('retry-after') ?? '1';
    return { data: null, errors: [{ message: '', extensions: { code: 'TOO_MANY_REQUESTS', retryAfter } }] };
  }
  if (!response.ok && errors.length === 0) errors.push({ message: `HTTP ${response.status}`, extensions: { code: `HTTP_${response.status}` } });
  return { data: body.data ?? null, errors };
}
