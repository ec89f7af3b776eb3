// My data requests: make one (for oneself or a minor child), follow them by state, withdraw an open one.
import { useState } from 'react';
import type { AskError } from '../../../graphql/ask.ts';
import { useSession } from '../../../session/session.tsx';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Page } from '../../../ui/Page.tsx';
import { CitizenNav } from '../CitizenNav.tsx';
import { useActingFor } from '../common/actingFor.tsx';
import { ActingForPicker } from '../common/ActingForPicker.tsx';
import { useSelfServiceAnswer, useSelfServiceAsk } from '../common/selfService.ts';
import { StatusFilter } from '../common/StatusFilter.tsx';
import { useKnownChildren } from '../common/useKnownChildren.ts';
import { MY_REQUESTS_QUERY, WITHDRAW_REQUEST, type SubjectRequest } from './requestQueries.ts';
import { SubjectRequestForm } from './SubjectRequestForm.tsx';
import { SubjectRequestTable } from './SubjectRequestTable.tsx';

const STATUSES = ['OPEN', 'USED', 'EXPIRED', 'WITHDRAWN'] as const;

export function MyRequestsPage() {
  const t = useText().citizen.requests;
  const { session } = useSession();
  const { child, pending } = useActingFor();
  const ask = useSelfServiceAsk();
  const [status, setStatus] = useState('');
  const [actionErrors, setActionErrors] = useState<AskError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const knownChildren = useKnownChildren();
  const requests = useSelfServiceAnswer<{ mySubjectRequests: SubjectRequest[] | null }>(MY_REQUESTS_QUERY, { status: status || null });
  const subject = child ?? session?.sub;
  const shown = pending ? [] : (requests.data?.mySubjectRequests ?? []).filter((request) => request.subjectId === subject);

  const refresh = () => {
    requests.reload();
    knownChildren.reload();
  };

  const withdraw = async (request: SubjectRequest) => {
    setDone(null);
    const answer = await ask<{ withdrawSubjectRequest: { status: string } | null }>(WITHDRAW_REQUEST, { id: request.id });
    setActionErrors(answer.errors);
    if (answer.data?.withdrawSubjectRequest) setDone(t.withdrawn(request.caseId));
    refresh();
  };

  return (
    <Page title={t.title} roles={['citizen']}>
      <CitizenNav />
      <p>{t.intro}</p>
      <ActingForPicker knownChildren={knownChildren.children} />
      <SubjectRequestForm child={child} disabled={pending} onSent={refresh} />
      <h2>{t.listHeading}</h2>
      <StatusFilter label={t.statusFilter} allLabel={t.allStatuses} statuses={STATUSES} names={t.statuses} value={status} onChange={setStatus} />
      <ErrorList errors={[...requests.errors, ...actionErrors]} />
      <div role="status">{done && <p className="ok">{done}</p>}</div>
      {requests.data && <SubjectRequestTable requests={shown} onWithdraw={withdraw} />}
    </Page>
  );
}
