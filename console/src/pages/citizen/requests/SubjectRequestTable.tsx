// The data requests of the person acted for, newest first, with their state and a withdrawal (open
// requests only) that asks first.
import { useText } from '../../../text/language.tsx';
import { ConfirmAction } from '../common/ConfirmAction.tsx';
import { useDates } from '../../../ui/dates.ts';
import { groupTitle } from '../common/describeData.ts';
import { useDirectory } from '../common/directory.tsx';
import type { SubjectRequest } from './requestQueries.ts';

export function SubjectRequestTable({ requests, onWithdraw }: { requests: SubjectRequest[]; onWithdraw: (request: SubjectRequest) => Promise<void> }) {
  const texts = useText();
  const t = texts.citizen.requests;
  const dates = useDates();
  const { agencyName } = useDirectory();
  if (requests.length === 0) return <p>{t.none}</p>;
  return (
    <table className="subject-requests">
      <caption>{t.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.columns.created}</th>
          <th scope="col">{t.columns.holder}</th>
          <th scope="col">{t.columns.recipient}</th>
          <th scope="col">{t.columns.caseId}</th>
          <th scope="col">{t.columns.groups}</th>
          <th scope="col">{t.columns.validUntil}</th>
          <th scope="col">{t.columns.status}</th>
          <th scope="col">{t.columns.action}</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => (
          <tr key={request.id}>
            <td>{dates.moment(request.createdAt)}</td>
            <td>{agencyName(request.holderAgency)}</td>
            <td>{agencyName(request.recipientAgency)}</td>
            <td>{request.caseId}</td>
            <td>
              <ul className="field-list">
                {request.fieldGroups.map((group) => (
                  <li key={group}>{groupTitle(texts.citizen, group)}</li>
                ))}
              </ul>
            </td>
            <td>{dates.moment(request.validUntil)}</td>
            <td>
              <span className={`status-${request.status}`}>{t.statuses[request.status] ?? request.status}</span>
              {request.usedAt && <div className="hint">{t.usedOn(dates.moment(request.usedAt))}</div>}
              {request.withdrawnAt && <div className="hint">{t.withdrawnOn(dates.moment(request.withdrawnAt))}</div>}
            </td>
            <td>
              {request.status === 'OPEN' && (
                <ConfirmAction
                  label={t.withdraw}
                  ariaLabel={`${t.withdraw}: ${request.caseId}`}
                  question={t.confirmWithdraw(request.caseId)}
                  confirmLabel={t.confirmWithdrawYes}
                  onConfirm={() => onWithdraw(request)}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
