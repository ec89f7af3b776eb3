// Keyset pagination: a page is `first` rows after an opaque cursor. Offsets would slow down with depth
// and skip rows when data changes between pages.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { badUserInput } from '../errors/clientErrors.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw badUserInput(`"first" must be a whole number from 1 to ${max}`, 'first');
  }
  return size;
}

/**
 * What a cursor is bound to: the register's key (shared/auth/cursorKey.ts), the list field coordinate,
 * its filter and ordering arguments, the caller's agency and, for a citizen, their id. A cursor opens
 * only under the same binding, so one given out for another list, other filters or another agency
 * (or forged, or altered) is refused.
 */
export interface CursorScope {
  key: Buffer;
  field: string;
  filters: Readonly<Record<string, unknown>>;
  agency: string | null;
  subject: string | null;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function bindingOf(scope: CursorScope): Buffer {
  const filters = Object.keys(scope.filters)
    .sort()
    .map((name) => [name, scope.filters[name] ?? null]);
  return Buffer.from(JSON.stringify([scope.field, filters, scope.agency, scope.subject]), 'utf8');
}

/**
 * An opaque cursor: the position encrypted with AES-256-GCM, the binding as additional authenticated
 * data. Base64url of iv | ciphertext | tag; the position (a personal id, a register entry) never shows.
 */
export function sealCursor(scope: CursorScope, position: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', scope.key, iv);
  cipher.setAAD(bindingOf(scope));
  const sealed = Buffer.concat([iv, cipher.update(position, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return sealed.toString('base64url');
}

/** The position of a cursor this list gave this caller with these filters; BAD_USER_INPUT otherwise. */
export function openCursor(scope: CursorScope, cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const refused = () => badUserInput('"after" is not a cursor this list gave out for these arguments', 'after');
  const sealed = Buffer.from(cursor, 'base64url');
  if (sealed.length <= IV_BYTES + TAG_BYTES || sealed.toString('base64url') !== cursor) throw refused();
  try {
    const decipher = createDecipheriv('aes-256-gcm', scope.key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(bindingOf(scope));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const position = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    if (position === '') throw refused();
    return position;
  } catch {
    throw refused();
  }
}

/**
 * A page's pageInfo, its cursor sealed only when a caller selects it (an AES-GCM seal per page): most
 * pages are read whole. The getter is the class's, not an object literal's: V8 makes an object
 * literal's getter in its old generation, and that dead getter would keep the page's last row alive
 * through young collections (docs/request-path-costs.md, "No getter in an object literal made per request").
 */
class LazyPageInfo<T> {
  constructor(
    readonly hasNextPage: boolean,
    private readonly last: T | undefined,
    private readonly keyOf: (row: T) => string,
    private readonly scope: CursorScope,
  ) {}

  get endCursor(): string | null {
    return this.last === undefined ? null : sealCursor(this.scope, this.keyOf(this.last));
  }
}

/** Rows fetched with limit size + 1: the extra row only says whether another page exists. */
export function toPage<T>(rows: T[], size: number, keyOf: (row: T) => string, scope: CursorScope): Page<T> {
  const nodes = rows.slice(0, size);
  return { nodes, pageInfo: new LazyPageInfo(rows.length > size, nodes[nodes.length - 1], keyOf, scope) };
}

/**
 * One page of `base` ordered by `keyColumn` (unique), after the cursor (sealed under `scope`). `totalCount` is a function so
 * that the count query runs only when a client asks for it (graphql-js calls function properties).
 */
export async function fetchPage<R>(
  base: Knex.QueryBuilder,
  keyColumn: string,
  keyOf: (row: R) => string,
  args: PageArgs,
  scope: CursorScope,
): Promise<Page<R> & { totalCount: () => Promise<number> }> {
  const size = pageSize(args.first);
  const after = openCursor(scope, args.after);
  const query = base.clone().orderBy(keyColumn).limit(size + 1);
  if (after !== null) query.where(keyColumn, '>', after);
  const rows = (await query) as R[];
  return {
    ...toPage(rows, size, keyOf, scope),
    totalCount: async () => {
      const counted = await base.clone().clearSelect().count({ count: '*' }).first();
      return Number(counted?.count ?? 0);
    },
  };
}
