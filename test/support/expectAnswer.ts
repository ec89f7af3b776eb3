// "This answer, exactly": a test states the whole answer a person sees (HTTP status, the whole `data`,
// and every error by code, reason and path), not a part of it.
import { expect } from 'vitest';
import type { GraphQLResponse } from './stack.ts';

/** One error of an answer as a person reads it. */
export interface ExpectedError {
  /** `extensions.code`: FORBIDDEN, BAD_USER_INPUT, UNAUTHENTICATED, ... */
  code: string;
  /** `extensions.reason` of a refusal (AGENCY_NOT_ALLOWED, ...); an error without one must not state it. */
  reason?: unknown;
  /** Where in `data` the error sits, joined with dots: `citizen.religion`, `citizens.nodes.3.fullName`. */
  path?: string;
  /** Checked only when stated: the exact message, or a pattern it must match. */
  message?: string | RegExp | unknown;
  /** Checked only when stated: every extension of the error, not only code and reason. */
  extensions?: Record<string, unknown>;
}

export interface ExpectedAnswer {
  /** HTTP status; 200 unless stated. */
  status?: number;
  /** The whole `data` (`undefined` when the answer has none, `null` when it is null). */
  data: unknown;
  /** Every error, in any order; none unless stated. */
  errors?: ExpectedError[];
}

type Body = GraphQLResponse['body'];
type ActualError = NonNullable<Body['errors']>[number];

// Errors are compared in one order: by path, then code, reason and message (where they are plain strings).
type Sortable = { path?: unknown; code?: unknown; reason?: unknown; message?: unknown };
const sortKey = (error: Sortable) => [error.path, error.code, error.reason, error.message].map((part) => (typeof part === 'string' ? part : '')).join('\u0000');
const byKey = (a: Sortable, b: Sortable) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0);

/** An error as `{ code, reason?, path? }`: reason and path only when the error has them. */
function summary(error: ActualError): ExpectedError {
  const reason = error.extensions?.reason;
  return {
    code: error.extensions?.code,
    ...(reason !== undefined ? { reason } : {}),
    ...(error.path ? { path: error.path.join('.') } : {}),
  };
}

/** The errors of an answer as `{ code, reason?, path? }`, sorted by path (then code and reason). */
export function errorsOf(body: Body): ExpectedError[] {
  return (body.errors ?? []).map(summary).sort(byKey);
}

/** A refused field: FORBIDDEN at `path`, for `reason`. */
export function refused(path: string, reason: string): ExpectedError {
  return { code: 'FORBIDDEN', reason, path };
}

/**
 * Asserts the response is exactly this answer: its status, its whole data, and its errors (in any
 * order). An error's message and full extensions are compared where the expected error states them.
 */
export function expectAnswer(response: GraphQLResponse, expected: ExpectedAnswer): void {
  const wanted = [...(expected.errors ?? [])].sort(byKey);
  const got = (response.body.errors ?? [])
    .map((error) => ({ error, summary: summary(error) }))
    .sort((a, b) => byKey({ ...a.summary, message: a.error.message }, { ...b.summary, message: b.error.message }));
  const errors = got.map(({ error, summary: seen }, index) => {
    const counterpart = wanted[index] ?? {};
    return {
      ...seen,
      ...('message' in counterpart ? { message: error.message } : {}),
      ...('extensions' in counterpart ? { extensions: error.extensions } : {}),
    };
  });
  const expectedErrors = wanted.map((error) => (error.message instanceof RegExp ? { ...error, message: expect.stringMatching(error.message) } : error));
  expect({ status: response.status, data: response.body.data, errors }).toEqual({ status: expected.status ?? 200, data: expected.data, errors: expectedErrors });
}
