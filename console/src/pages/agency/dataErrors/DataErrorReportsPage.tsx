// Data-error reports the caller may see, filtered by side, state and overdue.
import { Link, useSearchParams } from 'react-router-dom';
import { useAnswer } from '../../../graphql/useAnswer.ts';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { CASEWORK_READERS } from '../shared/agencyRoles.ts';
import { CursorPager, useCursorPages } from '../shared/CursorPager.tsx';
import { useDates } from '../../../ui/dates.ts';
import { ERROR_STATES, REPORTS, reportPath, type DataErrorSummary } from './dataErrorQueries.ts';

export function DataErrorReportsPage() {
  const t = useText();
  return (
    <Page title={t.agency.dataErrors.title} roles={CASEWORK_READERS}>
      <DataErrorReports />
    </Page>
  );
}

function DataErrorReports() {
  const t = useText();
  const d = t.agency.dataErrors;
  const dates = useDates();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries([['side', params.get('side')], ['state', params.get('state')], ['overdue', params.get('overdue') ? true : null]].filter(([, value]) => value));
  const pages = useCursorPages(JSON.stringify(filter));
  const answer = useAnswer<{ dataErrorReports: { nodes: DataErrorSummary[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null }>(REPORTS, { filter, after: pages.after });
  const choose = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const reports = answer.data?.dataErrorReports;
  return (
    <>
      <p className="agency-links">
        <Link to="/agency/data-errors/new">{d.newReport}</Link>
        <Link to="/agency/corrections">{d.correctionsLink}</Link>
      </p>
      <div className="form agency-filters" role="group" aria-label={t.agency.filters}>
        <Field label={d.side}>
          <select name="side" value={params.get('side') ?? ''} onChange={(event) => choose('side', event.target.value)}>
            <option value="">{t.agency.anyOption}</option>
            {['REPORTER', 'OWNER'].map((side) => <option key={side} value={side}>{t.agency.errorSides[side]}</option>)}
          </select>
        </Field>
        <Field label={d.state}>
          <select name="state" value={params.get('state') ?? ''} onChange={(event) => choose('state', event.target.value)}>
            <option value="">{t.agency.anyOption}</option>
            {ERROR_STATES.map((state) => <option key={state} value={state}>{t.agency.errorStates[state]}</option>)}
          </select>
        </Field>
        <label className="agency-check">
          <input type="checkbox" name="overdue" checked={!!params.get('overdue')} onChange={(event) => choose('overdue', event.target.checked ? '1' : '')} /> {d.overdueOnly}
        </label>
      </div>
      <ErrorList errors={answer.errors} />
      {answer.loading && <p role="status">{t.common.loading}</p>}
      {reports && (
        <>
          <table className="agency-table">
            <caption>{d.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.agency.id}</th>
                <th scope="col">{d.record}</th>
                <th scope="col">{d.field}</th>
                <th scope="col">{d.reporter}</th>
                <th scope="col">{d.owner}</th>
                <th scope="col">{d.state}</th>
                <th scope="col">{d.dueOn}</th>
              </tr>
            </thead>
            <tbody>
              {reports.nodes.map((report) => (
                <tr key={report.id}>
                  <th scope="row"><Link to={reportPath(report.id)}>{report.id}</Link></th>
                  <td>{report.register} · {report.type} · {report.recordId}</td>
                  <td><code>{report.field}</code></td>
                  <td>{report.reportingAgency.name}</td>
                  <td>{report.ownerAgency.name}</td>
                  <td>
                    {t.agency.errorStates[report.state] ?? report.state}
                    {report.overdue && <strong className="agency-overdue"> · {t.agency.overdue}</strong>}
                  </td>
                  <td>{dates.day(report.dueOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {reports.nodes.length === 0 && <p>{t.agency.nothingFound}</p>}
          <CursorPager pages={pages} pageInfo={reports.pageInfo} />
        </>
      )}
    </>
  );
}
