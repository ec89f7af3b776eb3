// My data requests: make one (for oneself or a minor child), follow them by state, withdraw an open one.
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Page } from '../../../ui/Page.tsx';
import { CitizenNav } from '../CitizenNav.tsx';
import { StatusFilter } from '../common/StatusFilter.tsx';
import { useActingForList } from '../common/useActingForList.ts';
import { MY_REQUESTS_QUERY, WITHDRAW_REQUEST, type SubjectRequest } from './requestQueries.ts';
import { SubjectRequestForm } from './SubjectRequestForm.tsx';
import { SubjectRequestTable } from './SubjectRequestTable.tsx';

const STATUSES = ['OPEN', 'USED', 'EXPIRED', 'WITHDRAWN'] as const;

export function MyRequestsPage() {
  const t = useText().citizen.requests;
  const list = useActingForList<{ mySubjectRequests: SubjectRequest[] | null }, SubjectRequest>(MY_REQUESTS_QUERY, (data) => data.mySubjectRequests);
  const withdraw = (request: SubjectRequest) =>
    list.act<{ withdrawSubjectRequest: { status: string } | null }>(WITHDRAW_REQUEST, { id: request.id }, (data) => (data.withdrawSubjectRequest ? t.withdrawn(request.caseId) : null));

  return (
    <Page title={t.title} roles={['citizen']}>
      <CitizenNav />
      <p>{t.intro}</p>
      <SubjectRequestForm onSent={list.refresh} />
      <h2>{t.listHeading}</h2>
      <StatusFilter label={t.statusFilter} allLabel={t.allStatuses} statuses={STATUSES} names={t.statuses} value={list.status} onChange={list.setStatus} />
      <ErrorList errors={list.errors} />
      <div role="status">{list.done && <p className="ok">{list.done}</p>}</div>
      {list.loaded && <SubjectRequestTable requests={list.shown} onWithdraw={withdraw} />}
    </Page>
  );
}
