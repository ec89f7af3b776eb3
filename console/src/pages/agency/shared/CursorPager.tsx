// Paging through a cursor list: the cursors of the pages seen, so "previous" goes back without a new count.
// Could be shared with the other areas.
import { useCallback, useState } from 'react';
import { useText } from '../../../text/language.tsx';

export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({ key: resetKey, cursors: [null] });
  const cursors = state.key === resetKey ? state.cursors : [null];
  const next = useCallback((endCursor: string) => setState({ key: resetKey, cursors: [...cursors, endCursor] }), [cursors, resetKey]);
  const previous = useCallback(() => setState({ key: resetKey, cursors: cursors.slice(0, -1) }), [cursors, resetKey]);
  return { after: cursors[cursors.length - 1], hasPrevious: cursors.length > 1, next, previous };
}

export function CursorPager({ pages, pageInfo }: { pages: ReturnType<typeof useCursorPages>; pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined }) {
  const t = useText();
  if (!pages.hasPrevious && !pageInfo?.hasNextPage) return null;
  return (
    <div className="agency-pager">
      <button type="button" className="secondary" disabled={!pages.hasPrevious} onClick={pages.previous}>
        {t.common.previousPage}
      </button>
      <button type="button" className="secondary" disabled={!pageInfo?.hasNextPage} onClick={() => pageInfo?.endCursor && pages.next(pageInfo.endCursor)}>
        {t.common.nextPage}
      </button>
    </div>
  );
}
