// Granting a consent: an agency, a purpose, the field groups consentable for that purpose (in words) and
// the last day it is valid. The platform's answer (or its reasons for refusing) is shown under the form.
import { useMemo, useState, type FormEvent } from 'react';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Field } from '../../../ui/Field.tsx';
import { endOfVietnamDay, vietnamDay } from '../../../ui/dates.ts';
import { useDirectory } from '../common/directory.tsx';
import { FieldGroupChoices } from '../common/FieldGroupChoices.tsx';
import { inputErrorsIn } from '../common/inputErrors.ts';
import { useSelfServiceAnswer } from '../common/selfService.ts';
import { useGroupsSubmission } from '../common/useGroupsSubmission.ts';
import { CONSENTABLE_QUERY, GRANT_CONSENT, type ConsentableGroup } from './consentQueries.ts';


export function GrantConsentForm({ onGranted }: { onGranted: () => void }) {
  const texts = useText();
  const t = texts.citizen.consents;
  const directory = useDirectory();
  const consentable = useSelfServiceAnswer<{ consentableFieldGroups: ConsentableGroup[] | null }>(CONSENTABLE_QUERY);
  const groups = useMemo(() => consentable.data?.consentableFieldGroups ?? [], [consentable.data]);
  const purposes = useMemo(() => [...new Set(groups.flatMap((group) => group.purposes))].sort(), [groups]);
  const [agency, setAgency] = useState('');
  const [purpose, setPurpose] = useState('');
  const [validUntil, setValidUntil] = useState(vietnamDay(365));
  const { chosen, setChosen, errors, done, busy, send } = useGroupsSubmission(t.chooseGroup);
  const purposeGroups = groups.filter((group) => group.purposes.includes(purpose));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { granteeAgency: agency, purpose, validUntil: endOfVietnamDay(validUntil) };
    if (await send<{ grantConsent: { id: string } | null }>(GRANT_CONSENT, input, (data) => (data.grantConsent ? t.granted(directory.agencyName(agency)) : null))) onGranted();
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="grant-consent">
      <h2 id="grant-consent">{t.grantHeading}</h2>
      <ErrorList errors={consentable.errors} />
      <Field label={t.agency}>
        <select name="granteeAgency" value={agency} required onChange={(event) => setAgency(event.target.value)}>
          <option value="">{t.choose}</option>
          {directory.agencies.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.purpose}>
        <select
          name="purpose"
          value={purpose}
          required
          onChange={(event) => {
            setPurpose(event.target.value);
            setChosen([]);
          }}
        >
          <option value="">{t.choose}</option>
          {purposes.map((code) => (
            <option key={code} value={code}>
              {directory.purposeName(code)}
            </option>
          ))}
        </select>
      </Field>
      {purpose && <FieldGroupChoices legend={t.groups} hint={t.groupsHint} groups={purposeGroups} chosen={chosen} onChange={setChosen} />}
      <Field label={t.validUntil}>
        <input type="date" name="validUntil" value={validUntil} min={vietnamDay(1)} required onChange={(event) => setValidUntil(event.target.value)} />
      </Field>
      <ErrorList errors={inputErrorsIn(texts, errors)} />
      <div role="status">{done && <p className="ok">{done}</p>}</div>
      <button type="submit" disabled={busy}>
        {t.grant}
      </button>
    </form>
  );
}
