// The consents of the person acted for, newest first, with their state and a withdrawal that asks first.
import { useText } from '../../../text/language.tsx';
import { ConfirmAction } from '../common/ConfirmAction.tsx';
import { useDates } from '../../../ui/dates.ts';
import { groupTitle } from '../common/describeData.ts';
import { useDirectory } from '../common/directory.tsx';
import type { Consent } from './consentQueries.ts';

export function ConsentTable({ consents, onRevoke }: { consents: Consent[]; onRevoke: (consent: Consent) => Promise<void> }) {
  const texts = useText();
  const t = texts.citizen.consents;
  const dates = useDates();
  const { agencyName, purposeName } = useDirectory();
  if (consents.length === 0) return <p>{t.none}</p>;
  return (
    <table className="consents">
      <caption>{t.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.columns.agency}</th>
          <th scope="col">{t.columns.purpose}</th>
          <th scope="col">{t.columns.groups}</th>
          <th scope="col">{t.columns.valid}</th>
          <th scope="col">{t.columns.status}</th>
          <th scope="col">{t.columns.action}</th>
        </tr>
      </thead>
      <tbody>
        {consents.map((consent) => (
          <tr key={consent.id}>
            <td>{agencyName(consent.granteeAgency)}</td>
            <td>{purposeName(consent.purpose)}</td>
            <td>
              <ul className="field-list">
                {consent.fieldGroups.map((group) => (
                  <li key={group}>{groupTitle(texts.citizen, group)}</li>
                ))}
              </ul>
            </td>
            <td>{t.validRange(dates.day(consent.validFrom), dates.day(consent.validUntil))}</td>
            <td>
              <span className={`status-${consent.status}`}>{t.statuses[consent.status] ?? consent.status}</span>
              {consent.revokedAt && <div className="hint">{t.revokedOn(dates.moment(consent.revokedAt))}</div>}
              <div className="hint">{t.channels[consent.channel] ?? consent.channel}</div>
            </td>
            <td>
              {consent.status === 'ACTIVE' && (
                <ConfirmAction
                  label={t.revoke}
                  ariaLabel={t.revokeLabel(agencyName(consent.granteeAgency))}
                  question={t.confirmRevoke(agencyName(consent.granteeAgency))}
                  confirmLabel={t.confirmRevokeYes}
                  onConfirm={() => onRevoke(consent)}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
