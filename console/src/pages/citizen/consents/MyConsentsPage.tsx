// My consents: grant one (for oneself or a minor child), list them by state, withdraw one.
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Page } from '../../../ui/Page.tsx';
import { CitizenNav } from '../CitizenNav.tsx';
import { useDirectory } from '../common/directory.tsx';
import { StatusFilter } from '../common/StatusFilter.tsx';
import { useActingForList } from '../common/useActingForList.ts';
import { MY_CONSENTS_QUERY, REVOKE_CONSENT, type Consent } from './consentQueries.ts';
import { ConsentTable } from './ConsentTable.tsx';
import { GrantConsentForm } from './GrantConsentForm.tsx';

const STATUSES = ['ACTIVE', 'REVOKED', 'EXPIRED'] as const;

export function MyConsentsPage() {
  const t = useText().citizen.consents;
  const { agencyName } = useDirectory();
  const list = useActingForList<{ myConsents: Consent[] | null }, Consent>(MY_CONSENTS_QUERY, (data) => data.myConsents);
  const revoke = (consent: Consent) =>
    list.act<{ revokeConsent: { status: string } | null }>(REVOKE_CONSENT, { id: consent.id }, (data) => (data.revokeConsent ? t.revoked(agencyName(consent.granteeAgency)) : null));

  return (
    <Page title={t.title} roles={['citizen']}>
      <CitizenNav />
      <p>{t.intro}</p>
      <GrantConsentForm onGranted={list.refresh} />
      <h2>{t.listHeading}</h2>
      <StatusFilter label={t.statusFilter} allLabel={t.allStatuses} statuses={STATUSES} names={t.statuses} value={list.status} onChange={list.setStatus} />
      <ErrorList errors={list.errors} />
      <div role="status">{list.done && <p className="ok">{list.done}</p>}</div>
      {list.loaded && <ConsentTable consents={list.shown} onRevoke={revoke} />}
    </Page>
  );
}
