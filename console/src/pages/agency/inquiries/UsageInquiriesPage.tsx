// Usage inquiries the caller may see: asked by its agency as owner, or asked of it as consumer.
import { Link, useSearchParams } from 'react-router-dom';
import { useAnswer } from '../../../graphql/useAnswer.ts';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { connectionPath } from '../connections/connectionQueries.ts';
import { CASEWORK_READERS } from '../shared/agencyRoles.ts';
import { CursorPager, useCursorPages } from '../shared/CursorPager.tsx';
import { useDates } from '../../../ui/dates.ts';
import { INQUIRIES, INQUIRY_STATES, inquiryPath, type InquirySummary } from './inquiryQueries.ts';

export function UsageInquiriesPage() {
  const t = useText();
  return (
    <Page title={t.agency.inquiries.title} roles={CASEWORK_READERS}>
      <UsageInquiries />
    </Page>
  );
}

function UsageInquiries() {
  const t = useText();
  const q = t.agency.inquiries;
  const dates = useDates();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries([['side', params.get('side')], ['state', params.get('state')]].filter(([, value]) => value));
  const pages = useCursorPages(JSON.stringify(filter));
  const answer = useAnswer<{ usageInquiries: { nodes: InquirySummary[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null }>(INQUIRIES, { filter, after: pages.after });
  const choose = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const inquiries = answer.data?.usageInquiries;
  return (
    <>
      <p>{t.agency.sections.inquiries.text}</p>
      <div className="form agency-filters" role="group" aria-label={t.agency.filters}>
        <Field label={q.side}>
          <select name="side" value={params.get('side') ?? ''} onChange={(event) => choose('side', event.target.value)}>
            <option value="">{t.agency.anyOption}</option>
            {['OWNER', 'CONSUMER'].map((side) => <option key={side} value={side}>{t.agency.inquirySides[side]}</option>)}
          </select>
        </Field>
        <Field label={q.state}>
          <select name="state" value={params.get('state') ?? ''} onChange={(event) => choose('state', event.target.value)}>
            <option value="">{t.agency.anyOption}</option>
            {INQUIRY_STATES.map((state) => <option key={state} value={state}>{t.agency.inquiryStates[state]}</option>)}
          </select>
        </Field>
      </div>
      <ErrorList errors={answer.errors} />
      {answer.loading && <p role="status">{t.common.loading}</p>}
      {inquiries && (
        <>
          <table className="agency-table">
            <caption>{q.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.agency.id}</th>
                <th scope="col">{q.owner}</th>
                <th scope="col">{q.consumer}</th>
                <th scope="col">{q.period}</th>
                <th scope="col">{q.state}</th>
                <th scope="col">{q.dueOn}</th>
                <th scope="col">{q.connection}</th>
              </tr>
            </thead>
            <tbody>
              {inquiries.nodes.map((inquiry) => (
                <tr key={inquiry.id}>
                  <th scope="row"><Link to={inquiryPath(inquiry.id)}>{inquiry.id}</Link></th>
                  <td>{inquiry.ownerAgency.name}</td>
                  <td>{inquiry.consumerAgency.name}</td>
                  <td>{dates.day(inquiry.periodStart)} – {dates.day(inquiry.periodEnd)}</td>
                  <td>
                    {t.agency.inquiryStates[inquiry.state] ?? inquiry.state}
                    {inquiry.overdue && <strong className="agency-overdue"> · {t.agency.overdue}</strong>}
                  </td>
                  <td>{dates.day(inquiry.dueOn)}</td>
                  <td><Link to={connectionPath(inquiry.connectionRequestId)}>{inquiry.connectionRequestId}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
          {inquiries.nodes.length === 0 && <p>{t.agency.nothingFound}</p>}
          <CursorPager pages={pages} pageInfo={inquiries.pageInfo} />
        </>
      )}
    </>
  );
}
