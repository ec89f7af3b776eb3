// Changes to a DRAFT or RETURNED request (updateConnectionRequest): only the fields changed are sent.
import { useState, type FormEvent } from 'react';
import type { AskError } from '../../../graphql/ask.ts';
import { useAsk } from '../../../graphql/useAnswer.ts';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Field } from '../../../ui/Field.tsx';
import type { ReferenceLists } from '../../../ui/useReferenceLists.ts';
import { UPDATE, type ConnectionDetail } from './connectionQueries.ts';

const EDITABLE = ['legalBasis', 'systemName', 'contact', 'periodStart', 'periodEnd'] as const;
type Editable = (typeof EDITABLE)[number];

export function ChangeConnectionForm({ request, lists, onChanged }: { request: ConnectionDetail; lists: ReferenceLists; onChanged: () => void }) {
  const t = useText();
  const f = t.agency.requestForm;
  const ask = useAsk();
  const initial = Object.fromEntries(EDITABLE.map((key) => [key, request[key]])) as Record<Editable, string>;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<AskError[]>([]);
  const [saved, setSaved] = useState(false);
  const set = (key: Editable) => (event: { target: { value: string } }) => { setValues({ ...values, [key]: event.target.value }); setSaved(false); };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = Object.fromEntries(EDITABLE.filter((key) => values[key] !== initial[key]).map((key) => [key, values[key]]));
    const answer = await ask(UPDATE, { id: request.id, input: changes });
    setErrors(answer.errors);
    if (answer.errors.length === 0) {
      setSaved(true);
      onChanged();
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="change-title">
      <h2 id="change-title">{f.changeTitle}</h2>
      <Field label={f.legalBasis}>
        <select name="legalBasis" value={values.legalBasis} onChange={set('legalBasis')}>
          {lists.legalBases.map((basis) => <option key={basis.code} value={basis.code}>{lists.legalBasisTitle(basis.code)}</option>)}
        </select>
      </Field>
      <Field label={f.systemName}>
        <input name="systemName" value={values.systemName} onChange={set('systemName')} required />
      </Field>
      <Field label={f.contact}>
        <input name="contact" value={values.contact} onChange={set('contact')} required />
      </Field>
      <Field label={f.periodStart}>
        <input name="periodStart" type="date" value={values.periodStart} onChange={set('periodStart')} required />
      </Field>
      <Field label={f.periodEnd}>
        <input name="periodEnd" type="date" value={values.periodEnd} onChange={set('periodEnd')} required />
      </Field>
      <ErrorList errors={errors} />
      {saved && <p role="status" className="ok">{t.agency.done}</p>}
      <button type="submit">{f.saveChanges}</button>
    </form>
  );
}
