// Making a data request: the agency holding the data, the agency to receive it, the receiver's dossier
// number, the field groups (in words) and the day it ends. The platform's refusals are shown as it says them.
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
import { DOSSIER_EXAMPLE, MAX_REQUEST_DAYS, REQUEST_PROVISION, REQUESTABLE_QUERY, type RequestableGroup } from './requestQueries.ts';


export function SubjectRequestForm({ onSent }: { onSent: () => void }) {
  const texts = useText();
  const t = texts.citizen.requests;
  const directory = useDirectory();
  const requestable = useSelfServiceAnswer<{ subjectRequestableFieldGroups: RequestableGroup[] | null }>(REQUESTABLE_QUERY);
  const groups = useMemo(() => requestable.data?.subjectRequestableFieldGroups ?? [], [requestable.data]);
  const holders = useMemo(() => [...new Set(groups.map((group) => group.holderAgency))].sort(), [groups]);
  const [holder, setHolder] = useState('');
  const [recipient, setRecipient] = useState('');
  const [caseId, setCaseId] = useState('');
  const [validUntil, setValidUntil] = useState(vietnamDay(30));
  const { chosen, setChosen, errors, done, busy, send } = useGroupsSubmission(t.chooseGroup);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { holderAgency: holder, recipientAgency: recipient, caseId: caseId.trim(), validUntil: endOfVietnamDay(validUntil) };
    if (await send<{ requestDataProvision: { id: string } | null }>(REQUEST_PROVISION, input, (data) => (data.requestDataProvision ? t.sent(directory.agencyName(recipient)) : null))) {
      setCaseId('');
      onSent();
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="make-request">
      <h2 id="make-request">{t.makeHeading}</h2>
      <ErrorList errors={requestable.errors} />
      <Field label={t.holder}>
        <select
          name="holderAgency"
          value={holder}
          required
          onChange={(event) => {
            setHolder(event.target.value);
            setChosen([]);
          }}
        >
          <option value="">{t.choose}</option>
          {holders.map((code) => (
            <option key={code} value={code}>
              {directory.agencyName(code)}
            </option>
          ))}
        </select>
      </Field>
      {holder && <FieldGroupChoices legend={t.groups} groups={groups.filter((group) => group.holderAgency === holder)} chosen={chosen} onChange={setChosen} />}
      <Field label={t.recipient}>
        <select name="recipientAgency" value={recipient} required onChange={(event) => setRecipient(event.target.value)}>
          <option value="">{t.choose}</option>
          {directory.agencies
            .filter(({ code }) => code !== holder)
            .map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
        </select>
      </Field>
      <Field label={t.caseId} hint={t.caseIdHint(DOSSIER_EXAMPLE)}>
        <input name="caseId" value={caseId} required maxLength={100} autoComplete="off" onChange={(event) => setCaseId(event.target.value)} />
      </Field>
      <Field label={t.validUntil}>
        <input
          type="date"
          name="validUntil"
          value={validUntil}
          min={vietnamDay(0)}
          max={vietnamDay(MAX_REQUEST_DAYS)}
          required
          onChange={(event) => setValidUntil(event.target.value)}
        />
      </Field>
      <ErrorList errors={inputErrorsIn(texts, errors)} />
      <div role="status">{done && <p className="ok">{done}</p>}</div>
      <button type="submit" disabled={busy}>
        {t.send}
      </button>
    </form>
  );
}
