// Checks of identifiers clients send, so that a malformed one gets a clear BAD_USER_INPUT instead of
// an empty answer or a database error.
import { badUserInput } from '../errors/clientErrors.ts';

/** A personal identification number: 12 digits. */
export const PERSONAL_ID_PATTERN = /^\d{12}$/;
/** A code of the platform's catalogues (agency, purpose): lower-case words joined by hyphens. */
export const CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function personalId(value: string, field = 'id'): string {
  if (!PERSONAL_ID_PATTERN.test(value)) throw badUserInput(`"${field}" must be a 12-digit personal identification number`, field);
  return value;
}

export function unitCode(value: string | null | undefined, field = 'unitCode'): string | null {
  if (value === null || value === undefined) return null;
  if (!/^\d{2}$|^\d{5}$/.test(value)) throw badUserInput(`"${field}" must be a 2-digit province or 5-digit commune/ward code`, field);
  return value;
}

export function enterpriseCode(value: string, field = 'enterpriseCode'): string {
  if (!/^\d{10}$/.test(value)) throw badUserInput(`"${field}" must be a 10-digit enterprise code`, field);
  return value;
}

/** A short opaque id (household, parcel, registration): printable, bounded. */
export function recordId(value: string, field = 'id'): string {
  if (!/^[A-Za-z0-9._/-]{1,40}$/.test(value)) throw badUserInput(`"${field}" is not a valid identifier`, field);
  return value;
}

/** A dossier number, as callers give it in X-Case-Id and citizens name it in a subject request. */
export const CASE_ID_PATTERN = /^[\p{L}\p{N} ._/:-]{1,100}$/u;
export const CASE_ID_RULE = 'a dossier number of at most 100 letters, digits and . _ / : -';

export function caseId(value: string, field = 'caseId'): string {
  if (!CASE_ID_PATTERN.test(value)) throw badUserInput(`"${field}" must be ${CASE_ID_RULE}`, field);
  return value;
}

/** An ISO date or date-time a client sends (validFrom, until, ...). */
export function isoInstant(value: unknown, field: string): Date {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw badUserInput(`"${field}" must be an ISO date or date-time`, field);
  return date;
}
