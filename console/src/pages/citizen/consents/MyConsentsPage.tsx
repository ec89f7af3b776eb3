// My consents: grant one (for oneself or a minor child), list them by state, withdraw one.
import { useState } from 'react';
import type { AskError } from '../../../graphql/ask.ts';
import { useSession } from '../../../session/session.tsx';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Page } from '../../../ui/Page.tsx';
import { CitizenNav } from '../CitizenNav.tsx';
import { useActingFor } from '../common/actingFor.tsx';
import { ActingForPicker } from '../common/ActingForPicker.tsx';
import { useDirectory } from '../common/directory.tsx';
import { useSelfServiceAnswer, useSelfServiceAsk } from '../common/selfService.ts';
import { StatusFilter } from '../common/StatusFilter.tsx';
import { useKnownChildren } from '../common/useKnownChildren.ts';
import { MY_CONSENTS_QUERY, REVOKE_CONSENT, type Consent } from './consentQueries.ts';
import { ConsentTable } from './ConsentTable.tsx';
import { GrantConsentForm } from './GrantConsentForm.tsx';

const STATUSES = ['ACTIVE', 'REVOKED', 'EXPIRED'] as const;

export function MyConsentsPage() {
  const t = useText().citizen.consents;
  const { session } = useSession();
  const { child, pending } = useActingFor();
  const { agencyName } = useDirectory();
  const ask = useSelfServiceAsk();
  const [status, setStatus] = useState('');
  const [actionErrors, setActionErrors] = useState<AskError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const knownChildren = useKnownChildren();
  const consents = useSelfServiceAnswer<{ myConsents: Consent[] | null }>(MY_CONSENTS_QUERY, { status: status || null });
  const subject = child ?? session?.sub;
  const shown = pending ? [] : (consents.data?.myConsents ?? []).filter((consent) => consent.subjectId === subject);

  const refresh = () => {
    consents.reload();
    knownChildren.reload();
  };

  const revoke = async (consent: Consent) => {
    setDone(null);
    const answer = await ask<{ revokeConsent: { status: string } | null }>(REVOKE_CONSENT, { id: consent.id });
    setActionErrors(answer.errors);
    if (answer.data?.revokeConsent) setDone(t.revoked(agencyName(consent.granteeAgency)));
    refresh();
  };

  return (
    <Page title={t.title} roles={['citizen']}>
      <CitizenNav />
      <p>{t.intro}</p>
      <ActingForPicker knownChildren={knownChildren.children} />
      <GrantConsentForm child={child} disabled={pending} onGranted={refresh} />
      <h2>{t.listHeading}</h2>
      <StatusFilter label={t.statusFilter} allLabel={t.allStatuses} statuses={STATUSES} names={t.statuses} value={status} onChange={setStatus} />
      <ErrorList errors={[...consents.errors, ...actionErrors]} />
      <div role="status">{done && <p className="ok">{done}</p>}</div>
      {consents.data && <ConsentTable consents={shown} onRevoke={revoke} />}
    </Page>
  );
}
