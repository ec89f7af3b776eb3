// Correction notices sent to the caller's agency (every one for the operator): which record and field of
// which register changed, never the value.
import { Link } from 'react-router-dom';
import { useAnswer } from '../../../graphql/useAnswer.ts';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Page } from '../../../ui/Page.tsx';
import { CASEWORK_READERS } from '../shared/agencyRoles.ts';
import { CursorPager, useCursorPages } from '../shared/CursorPager.tsx';
import { useDates } from '../../../ui/dates.ts';
import { NOTICES, reportPath } from './dataErrorQueries.ts';

interface Notice {
  id: string;
  agency: { code: string; name: string };
  reportId: string;
  register: string;
  type: string;
  recordId: string;
  field: string;
  correctedAt: string;
}

export function CorrectionNoticesPage() {
  const t = useText();
  return (
    <Page title={t.agency.corrections.title} roles={CASEWORK_READERS}>
      <CorrectionNotices />
    </Page>
  );
}

function CorrectionNotices() {
  const t = useText();
  const c = t.agency.corrections;
  const dates = useDates();
  const pages = useCursorPages('notices');
  const answer = useAnswer<{ dataCorrectionNotices: { nodes: Notice[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null }>(NOTICES, { after: pages.after });
  const notices = answer.data?.dataCorrectionNotices;
  return (
    <>
      <p>{c.intro}</p>
      <ErrorList errors={answer.errors} />
      {answer.loading && <p role="status">{t.common.loading}</p>}
      {notices && (
        <>
          <table className="agency-table">
            <caption>{c.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.correctedAt}</th>
                <th scope="col">{c.agency}</th>
                <th scope="col">{c.record}</th>
                <th scope="col">{c.field}</th>
                <th scope="col">{c.report}</th>
              </tr>
            </thead>
            <tbody>
              {notices.nodes.map((notice) => (
                <tr key={notice.id}>
                  <td>{dates.moment(notice.correctedAt)}</td>
                  <td>{notice.agency.name}</td>
                  <td>{notice.register} · {notice.type} · {notice.recordId}</td>
                  <td><code>{notice.field}</code></td>
                  <td><Link to={reportPath(notice.reportId)}>{notice.reportId}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
          {notices.nodes.length === 0 && <p>{t.agency.nothingFound}</p>}
          <CursorPager pages={pages} pageInfo={notices.pageInfo} />
        </>
      )}
    </>
  );
}
