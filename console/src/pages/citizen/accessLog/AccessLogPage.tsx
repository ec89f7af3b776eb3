// Who used my data: the citizen's entries in every agency's disclosure log for a period, a page at a time
// (the cursors of the pages seen are kept, so "previous page" goes back without asking for counts).
import { useState } from 'react';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Page } from '../../../ui/Page.tsx';
import { CitizenNav } from '../CitizenNav.tsx';
import { startOfVietnamDay, vietnamDay } from '../../../ui/dates.ts';
import { useDirectory } from '../common/directory.tsx';
import { useSelfServiceAnswer } from '../common/selfService.ts';
import { MY_ACCESS_LOG_QUERY, PAGE_SIZE, type AccessLogPage as LogPage, type DataAccess } from './accessLogQuery.ts';
import { AccessLogTable } from './AccessLogTable.tsx';
import { PeriodFilter, type Period } from './PeriodFilter.tsx';


export function AccessLogPage() {
  const texts = useText();
  const t = texts.citizen.accessLog;
  const { agencyName } = useDirectory();
  const [period, setPeriod] = useState<Period>({ from: vietnamDay(-30), until: vietnamDay(0) });
  // cursors[i] is the `after` of page i + 1 (null for the first page).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const variables = {
    from: period.from ? startOfVietnamDay(period.from) : null,
    until: period.until ? startOfVietnamDay(period.until, 1) : null,
    first: PAGE_SIZE,
    after: cursors[cursors.length - 1],
  };
  const log = useSelfServiceAnswer<{ myDataAccessLog: LogPage | null }>(MY_ACCESS_LOG_QUERY, variables);
  const page = log.data?.myDataAccessLog;
  const entries = (page?.nodes ?? []).filter((entry): entry is DataAccess => entry !== null);
  const unavailable = page?.unavailableRegisters ?? [];
  const endCursor = page?.pageInfo.endCursor ?? null;

  return (
    <Page title={t.title} roles={['citizen']}>
      <CitizenNav />
      <p>{t.intro}</p>
      <PeriodFilter
        period={period}
        onChange={(next) => {
          setPeriod(next);
          setCursors([null]);
        }}
      />
      <ErrorList errors={log.errors} />
      {unavailable.length > 0 && <p className="errors">{t.unavailable(unavailable.map((register) => texts.citizen.registers[register] ?? agencyName(register)).join(', '))}</p>}
      {log.loading && !page && <p role="status">{texts.common.loading}</p>}
      {page && <AccessLogTable entries={entries} />}
      {page && (cursors.length > 1 || page.pageInfo.hasNextPage) && (
        <nav className="paging" aria-label={t.paging}>
          <button type="button" className="secondary" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
            {texts.common.previousPage}
          </button>
          <span>{t.page(cursors.length)}</span>
          <button type="button" className="secondary" disabled={!page.pageInfo.hasNextPage || !endCursor} onClick={() => setCursors([...cursors, endCursor])}>
            {texts.common.nextPage}
          </button>
        </nav>
      )}
    </Page>
  );
}
