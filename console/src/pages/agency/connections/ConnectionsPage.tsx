// Connection requests the caller may see, filtered by side, state and overdue; as the inbox, the owner's
// submitted requests waiting for its decision.
import { Link, useSearchParams } from 'react-router-dom';
import { useAnswer } from '../../../graphql/useAnswer.ts';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { CASEWORK_READERS } from '../shared/agencyRoles.ts';
import { CursorPager, useCursorPages } from '../shared/CursorPager.tsx';
import { useDates } from '../../../ui/dates.ts';
import { useReferenceLists } from '../../../ui/useReferenceLists.ts';
import { CONNECTION_STATES, CONNECTIONS, connectionPath, type ConnectionSummary } from './connectionQueries.ts';

export function ConnectionsPage({ inbox = false }: { inbox?: boolean }) {
  const t = useText();
  return (
    <Page title={inbox ? t.agency.connections.inboxTitle : t.agency.connections.title} roles={CASEWORK_READERS}>
      <Connections inbox={inbox} />
    </Page>
  );
}

function Connections({ inbox }: { inbox: boolean }) {
  const t = useText();
  const c = t.agency.connections;
  const dates = useDates();
  const lists = useReferenceLists();
  const [params, setParams] = useSearchParams();
  const filter = inbox
    ? { side: 'OWNER', state: 'SUBMITTED', ...(params.get('overdue') ? { overdue: true } : {}) }
    : Object.fromEntries([['side', params.get('side')], ['state', params.get('state')], ['overdue', params.get('overdue') ? true : null]].filter(([, value]) => value));
  const pages = useCursorPages(JSON.stringify(filter));
  const answer = useAnswer<{ connectionRequests: { nodes: ConnectionSummary[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null }>(CONNECTIONS, { filter, after: pages.after });
  const choose = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const requests = answer.data?.connectionRequests;
  return (
    <>
      {inbox && <p>{c.inboxIntro}</p>}
      <p className="agency-links">
        {inbox ? <Link to="/agency/connections">{c.allLink}</Link> : <Link to="/agency/connections/inbox">{c.inboxLink}</Link>}
        <Link to="/agency/connections/new">{c.newRequest}</Link>
      </p>
      <div className="form agency-filters" role="group" aria-label={t.agency.filters}>
        {!inbox && (
          <>
            <Field label={c.side}>
              <select name="side" value={params.get('side') ?? ''} onChange={(event) => choose('side', event.target.value)}>
                <option value="">{t.agency.anyOption}</option>
                {['CONSUMER', 'OWNER'].map((side) => <option key={side} value={side}>{t.agency.sides[side]}</option>)}
              </select>
            </Field>
            <Field label={c.state}>
              <select name="state" value={params.get('state') ?? ''} onChange={(event) => choose('state', event.target.value)}>
                <option value="">{t.agency.anyOption}</option>
                {CONNECTION_STATES.map((state) => <option key={state} value={state}>{t.agency.connectionStates[state]}</option>)}
              </select>
            </Field>
          </>
        )}
        <label className="agency-check">
          <input type="checkbox" name="overdue" checked={!!params.get('overdue')} onChange={(event) => choose('overdue', event.target.checked ? '1' : '')} /> {c.overdueOnly}
        </label>
      </div>
      <ErrorList errors={answer.errors} />
      {answer.loading && <p role="status">{t.common.loading}</p>}
      {requests && (
        <>
          <table className="agency-table">
            <caption>{inbox ? c.inboxTitle : c.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.agency.id}</th>
                <th scope="col">{c.consumer}</th>
                <th scope="col">{c.owner}</th>
                <th scope="col">{c.services}</th>
                <th scope="col">{c.purpose}</th>
                <th scope="col">{c.state}</th>
                <th scope="col">{c.updated}</th>
              </tr>
            </thead>
            <tbody>
              {requests.nodes.map((request) => (
                <tr key={request.id}>
                  <th scope="row"><Link to={connectionPath(request.id)}>{request.id}</Link></th>
                  <td>{request.consumerAgency.name}</td>
                  <td>{request.ownerAgency.name}</td>
                  <td>{request.fieldGroups.join(', ')}</td>
                  <td>{lists.purposeName(request.purpose)}</td>
                  <td>
                    {t.agency.connectionStates[request.state] ?? request.state}
                    {request.ageWorkingDays !== null && <> · {c.age(request.ageWorkingDays)}</>}
                    {request.overdue && <strong className="agency-overdue"> · {t.agency.overdue}</strong>}
                  </td>
                  <td>{dates.moment(request.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {requests.nodes.length === 0 && <p>{t.agency.nothingFound}</p>}
          <CursorPager pages={pages} pageInfo={requests.pageInfo} />
        </>
      )}
    </>
  );
}
