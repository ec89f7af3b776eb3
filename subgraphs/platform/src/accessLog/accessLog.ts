// Who used a citizen's data, across every agency. Each agency keeps the disclosure log of its own data
// in its own database; the platform asks each one (its internal route, with the token the gateway
// minted for this caller and that agency) and merges the answers newest first. Each agency decides by
// itself what the caller may see (shared/audit/disclosureLogReader.ts) and records what it showed. An agency that does not
// answer is named in the result, never silently left out.
import { DISCLOSURE_LOG_PATH } from '../../../../shared/auth/relayTokens.ts';
import { SUBGRAPH_SERVICES } from '../../../../shared/config/services.ts';
import { MAX_PART, parseLogRequest, type LogEntry, type LogFilter, type LogPosition } from '../../../../shared/audit/disclosureLogReader.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { pageSizeOf } from '../../../../shared/loaders/listBounds.ts';
import { openCursor, sealCursor, type CursorScope } from '../../../../shared/loaders/pagination.ts';
import { listCursorScope } from '../../../../shared/auth/cursorKey.ts';
import { logError } from '../../../../shared/logging/log.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { callRegisterLog } from './callRegisterLog.ts';

export interface AccessEntry extends LogEntry {
  register: string;
  holderAgency: string;
  /** Position of the register in the merge order. */
  rank: number;
}

interface Position extends LogPosition {
  rank: number;
}

const LARGEST_SEQ = '9223372036854775807';

// Sealed like every list's cursor (shared/loaders/pagination.ts): opaque, bound to the list, its filter
// and the caller's agency (a citizen's: their id); the position is checked again once opened.
function encodeCursor(entry: AccessEntry, scope: CursorScope): string {
  return sealCursor(scope, JSON.stringify({ at: entry.at, rank: entry.rank, seq: entry.seq, part: entry.part }));
}

function decodeCursor(after: string, scope: CursorScope): Position {
  try {
    const position = JSON.parse(openCursor(scope, after) ?? '') as Position;
    const { at, rank, seq, part } = position;
    if (typeof at === 'string' && Number.isInteger(rank) && /^\d{1,19}$/.test(seq) && Number.isInteger(part) && part >= 0 && part <= MAX_PART) return position;
  } catch {
    // answered below
  }
  throw badUserInput('"after" must be an endCursor from an earlier page', 'after');
}

/**
 * Entries are ordered by (at, register rank, seq, part), newest first. After a cursor, a register
 * ranked below the cursor's may still have entries at the same instant; one ranked above may not.
 */
function beforeFor(rank: number, cursor: Position | null): LogPosition | undefined {
  if (!cursor) return undefined;
  if (rank === cursor.rank) return { at: cursor.at, seq: cursor.seq, part: cursor.part };
  return rank < cursor.rank ? { at: cursor.at, seq: LARGEST_SEQ, part: MAX_PART } : { at: cursor.at, seq: '0', part: 0 };
}

function newestFirst(a: AccessEntry, b: AccessEntry): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (a.seq !== b.seq) return BigInt(b.seq) > BigInt(a.seq) ? 1 : -1;
  return b.part - a.part;
}

/** `field` is the list asked for (its `first` is bounded per register and in total): myDataAccessLog or dataAccessLog. */
export async function readAccessLog(
  ctx: SubgraphContext<unknown>,
  field: 'Query.myDataAccessLog' | 'Query.dataAccessLog',
  filter: LogFilter,
  args: { first?: number | null; after?: string | null },
) {
  const first = pageSizeOf(field, args.first);
  const scope = listCursorScope('platform', ctx.principal, field, { filter });
  const cursor = args.after ? decodeCursor(args.after, scope) : null;
  // Checked here too, so that a bad filter is the caller's error and not an unavailable register.
  const checked = parseLogRequest({ filter, limit: first + 1 }).filter;
  if (checked.from && checked.until && checked.from >= checked.until) throw badUserInput('"until" must be after "from"', 'until');
  const unavailable: string[] = [];
  const pages = await Promise.all(
    SUBGRAPH_SERVICES.map(async (service, rank): Promise<AccessEntry[]> => {
      try {
        const { entries } = await callRegisterLog<{ entries: LogEntry[] }>(ctx, service.name, DISCLOSURE_LOG_PATH, {
          filter: checked,
          before: beforeFor(rank, cursor),
          limit: first + 1,
        });
        return entries.map((entry) => ({ ...entry, register: service.name, holderAgency: service.ownerAgency, rank }));
      } catch (error) {
        logError('disclosure log unavailable', { requestId: ctx.principal.requestId, register: service.name, error });
        unavailable.push(service.name);
        return [];
      }
    }),
  );
  const merged = pages.flat().sort(newestFirst);
  const nodes = merged.slice(0, first);
  // What this request records of the entries it shows is hidden from their subject as long as they are.
  for (const entry of nodes) {
    const restriction = entry.restricted;
    if (restriction?.hiddenFromDataSubject && entry.dataSubject) {
      ctx.disclosures.restrictSubject?.(entry.dataSubject, { legalBasis: restriction.legalBasis, notifyAfter: restriction.notifyAfter, requestId: restriction.requestId });
    }
  }
  return {
    nodes,
    pageInfo: { hasNextPage: merged.length > first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1], scope) : null },
    unavailableRegisters: unavailable.sort(),
  };
}
