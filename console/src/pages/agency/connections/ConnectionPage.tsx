// One connection request: what was asked, its state and decision, the actions the caller may take now
// (allowedActions, with the reason rules of connectionRules), a change form while it may be changed, and
// its history.
import { Link, useParams } from 'react-router-dom';
import { useAnswer, useAsk } from '../../../graphql/useAnswer.ts';
import { hasRole, useSession } from '../../../session/session.tsx';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Page } from '../../../ui/Page.tsx';
import { ActionPanel, type ActionInput } from '../shared/ActionPanel.tsx';
import { CASEWORK_READERS } from '../shared/agencyRoles.ts';
import { useDates } from '../../../ui/dates.ts';
import { HistoryTable } from '../shared/HistoryTable.tsx';
import { useReferenceLists } from '../../../ui/useReferenceLists.ts';
import { ChangeConnectionForm } from './ChangeConnectionForm.tsx';
import { actionMutation, CONNECTION, type ConnectionDetail, type ConnectionRule } from './connectionQueries.ts';

/** States of a connection that was approved at some point: its owner may ask how the data was used. */
const INQUIRABLE = ['APPROVED', 'SUSPENDED', 'ENDED', 'EXPIRED'];

export function ConnectionPage() {
  const t = useText();
  const { id = '' } = useParams();
  return (
    <Page title={t.agency.request.title(id)} roles={CASEWORK_READERS}>
      <Connection id={id} />
    </Page>
  );
}

function Connection({ id }: { id: string }) {
  const t = useText();
  const r = t.agency.request;
  const dates = useDates();
  const lists = useReferenceLists();
  const ask = useAsk();
  const { session } = useSession();
  const answer = useAnswer<{ connectionRequest: ConnectionDetail | null; connectionRules: ConnectionRule[] | null }>(CONNECTION, { id });
  const request = answer.data?.connectionRequest;
  if (!request) return answer.loading ? <p role="status">{t.common.loading}</p> : <><ErrorList errors={answer.errors} /><p>{r.notFound}</p></>;
  const rules = answer.data?.connectionRules ?? [];
  const reasonRule = (action: string) => rules.find((rule) => rule.action === action)?.reason ?? 'REQUIRED';
  const inputsOf = (action: string): ActionInput[] =>
    action === 'APPROVE'
      ? [
          { name: 'approvedUntil', label: t.agency.decide.approvedUntil, kind: 'date', required: true, initial: request.periodEnd },
          { name: 'conditions', label: t.agency.decide.conditions, kind: 'textarea', required: false },
        ]
      : [];
  const perform = async (action: string, values: Record<string, string>) => {
    const required = reasonRule(action) === 'REQUIRED';
    const variables: Record<string, unknown> = { id: request.id };
    for (const [key, value] of Object.entries(values)) if (value.trim() || (key === 'reason' && required)) variables[key] = value.trim();
    return (await ask(actionMutation(action, required), variables)).errors;
  };
  return (
    <>
      <ErrorList errors={answer.errors} />
      <p className="agency-state" role="status">
        {t.agency.state}: <strong>{t.agency.connectionStates[request.state] ?? request.state}</strong>
        {request.overdue && <strong className="agency-overdue"> · {t.agency.overdue}</strong>}
      </p>
      <dl className="agency-facts">
        <dt>{r.consumer}</dt>
        <dd>{t.agency.agencyName(request.consumerAgency.code, request.consumerAgency.name)}</dd>
        <dt>{r.owner}</dt>
        <dd>{t.agency.agencyName(request.ownerAgency.code, request.ownerAgency.name)}</dd>
        <dt>{r.fieldGroups}</dt>
        <dd>{request.fieldGroups.map((group) => <code key={group} className="agency-tag">{group}</code>)}</dd>
        <dt>{r.purpose}</dt>
        <dd>{lists.purposeName(request.purpose)}</dd>
        <dt>{r.legalBasis}</dt>
        <dd>{lists.legalBasisTitle(request.legalBasis)}</dd>
        <dt>{r.systemName}</dt>
        <dd>{request.systemName}</dd>
        <dt>{r.contact}</dt>
        <dd>{request.contact}</dd>
        <dt>{r.period}</dt>
        <dd>{r.periodValue(dates.day(request.periodStart), dates.day(request.periodEnd))}</dd>
        <dt>{r.requestedBy}</dt>
        <dd>{request.requestedBy}</dd>
        {request.submittedAt && (<><dt>{r.submittedAt}</dt><dd>{dates.moment(request.submittedAt)}</dd></>)}
        {request.ageWorkingDays !== null && (<><dt>{r.age}</dt><dd>{t.agency.connections.age(request.ageWorkingDays)}</dd></>)}
        {request.approvedUntil && (<><dt>{r.approvedUntil}</dt><dd>{dates.day(request.approvedUntil)}</dd></>)}
        {request.conditions && (<><dt>{r.conditions}</dt><dd>{request.conditions}</dd></>)}
        {request.stateReason && (<><dt>{r.stateReason}</dt><dd>{request.stateReason}</dd></>)}
        <dt>{r.version}</dt>
        <dd>{request.version}</dd>
      </dl>
      <h2>{t.agency.actions}</h2>
      <ActionPanel
        actions={request.allowedActions.filter((action) => action !== 'UPDATE' && action !== 'DRAFT')}
        actionName={(action) => t.agency.connectionActions[action] ?? action}
        reasonRule={reasonRule}
        inputsOf={inputsOf}
        perform={perform}
        onDone={answer.reload}
      />
      {hasRole(session, 'officer') && session?.agency === request.ownerAgency.code && INQUIRABLE.includes(request.state) && (
        <p>
          <Link to={`/agency/usage-inquiries/new?connection=${encodeURIComponent(request.id)}`}>{t.agency.inquiryForm.ask}</Link>
        </p>
      )}
      {request.allowedActions.includes('UPDATE') && <ChangeConnectionForm key={request.version} request={request} lists={lists} onChanged={answer.reload} />}
      <HistoryTable
        events={request.history}
        actionName={(action) => t.agency.connectionActions[action] ?? action}
        stateName={(state) => t.agency.connectionStates[state] ?? state}
        details={(event) => (
          <>
            {event.changed && <> {r.changed(event.changed.join(', '))}</>}
            {event.approvedUntil && <> {r.approvedUntilEvent(dates.day(event.approvedUntil))}</>}
            {event.conditions && <> · {event.conditions}</>}
          </>
        )}
      />
      <p><Link to="/agency/connections">{t.agency.backTo(t.agency.connections.title)}</Link></p>
    </>
  );
}
