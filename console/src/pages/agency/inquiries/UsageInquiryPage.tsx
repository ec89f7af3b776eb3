// One usage inquiry: the question, the answer or withdrawal, and what the caller may do while it is open
// (the consumer's officers answer, the owner's withdraw with a reason: docs/data-error-reports.md's table;
// the inquiry carries no allowedActions, so the side is read from the caller's agency).
import { Link, useParams } from 'react-router-dom';
import { useAnswer, useAsk } from '../../../graphql/useAnswer.ts';
import { hasRole, useSession } from '../../../session/session.tsx';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Page } from '../../../ui/Page.tsx';
import { connectionPath } from '../connections/connectionQueries.ts';
import { ActionPanel } from '../shared/ActionPanel.tsx';
import { CASEWORK_READERS } from '../shared/agencyRoles.ts';
import { useDates } from '../../../ui/dates.ts';
import { ANSWER, INQUIRY, WITHDRAW, type InquiryDetail } from './inquiryQueries.ts';

export function UsageInquiryPage() {
  const t = useText();
  const { id = '' } = useParams();
  return (
    <Page title={t.agency.inquiry.title(id)} roles={CASEWORK_READERS}>
      <UsageInquiry id={id} />
    </Page>
  );
}

function UsageInquiry({ id }: { id: string }) {
  const t = useText();
  const q = t.agency.inquiry;
  const dates = useDates();
  const ask = useAsk();
  const { session } = useSession();
  const answer = useAnswer<{ usageInquiry: InquiryDetail | null }>(INQUIRY, { id });
  const inquiry = answer.data?.usageInquiry;
  if (!inquiry) return answer.loading ? <p role="status">{t.common.loading}</p> : <><ErrorList errors={answer.errors} /><p>{q.notFound}</p></>;
  const officer = hasRole(session, 'officer') && inquiry.state === 'OPEN';
  const actions = [
    ...(officer && session?.agency === inquiry.consumerAgency.code ? ['ANSWER'] : []),
    ...(officer && session?.agency === inquiry.ownerAgency.code ? ['WITHDRAW'] : []),
  ];
  const perform = async (action: string, values: Record<string, string>) =>
    (action === 'ANSWER' ? await ask(ANSWER, { id: inquiry.id, answer: values.answer ?? '' }) : await ask(WITHDRAW, { id: inquiry.id, reason: values.reason ?? '' })).errors;
  return (
    <>
      <ErrorList errors={answer.errors} />
      <p className="agency-state" role="status">
        {t.agency.state}: <strong>{t.agency.inquiryStates[inquiry.state] ?? inquiry.state}</strong>
        {inquiry.overdue && <strong className="agency-overdue"> · {t.agency.overdue}</strong>}
      </p>
      <dl className="agency-facts">
        <dt>{t.agency.inquiries.owner}</dt>
        <dd>{t.agency.agencyName(inquiry.ownerAgency.code, inquiry.ownerAgency.name)}</dd>
        <dt>{t.agency.inquiries.consumer}</dt>
        <dd>{t.agency.agencyName(inquiry.consumerAgency.code, inquiry.consumerAgency.name)}</dd>
        <dt>{t.agency.inquiries.connection}</dt>
        <dd><Link to={connectionPath(inquiry.connectionRequestId)}>{inquiry.connectionRequestId}</Link></dd>
        <dt>{t.agency.inquiries.period}</dt>
        <dd>{dates.day(inquiry.periodStart)} – {dates.day(inquiry.periodEnd)}</dd>
        {inquiry.dataSubject && (<><dt>{q.dataSubject}</dt><dd>{inquiry.dataSubject}</dd></>)}
        <dt>{q.question}</dt>
        <dd>{inquiry.question}</dd>
        <dt>{q.askedBy}</dt>
        <dd>{inquiry.askedBy} · {dates.moment(inquiry.askedAt)}</dd>
        <dt>{t.agency.inquiries.dueOn}</dt>
        <dd>{dates.day(inquiry.dueOn)}</dd>
        {inquiry.answer && (
          <>
            <dt>{q.answer}</dt>
            <dd>{inquiry.answer}</dd>
            <dt>{q.answeredBy}</dt>
            <dd>{inquiry.answeredBy} · {dates.moment(inquiry.answeredAt)}</dd>
          </>
        )}
        {inquiry.withdrawnAt && (
          <>
            <dt>{t.agency.inquiryStates.WITHDRAWN}</dt>
            <dd>{q.withdrawn(inquiry.withdrawnBy ?? '', dates.moment(inquiry.withdrawnAt))}{inquiry.withdrawReason && <> — {inquiry.withdrawReason}</>}</dd>
          </>
        )}
      </dl>
      <h2>{t.agency.actions}</h2>
      <ActionPanel
        actions={actions}
        actionName={(action) => t.agency.inquiryActions[action] ?? action}
        reasonRule={(action) => (action === 'WITHDRAW' ? 'REQUIRED' : 'NONE')}
        inputsOf={(action) => (action === 'ANSWER' ? [{ name: 'answer', label: q.answerInput, kind: 'textarea', required: true }] : [])}
        perform={perform}
        onDone={answer.reload}
      />
      <p><Link to="/agency/usage-inquiries">{t.agency.backTo(t.agency.inquiries.title)}</Link></p>
    </>
  );
}
