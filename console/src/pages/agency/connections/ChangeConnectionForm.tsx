// Changes to a DRAFT or RETURNED request (updateConnectionRequest): only the fields changed are sent.
import { useState, type FormEvent } from 'react';
import type { AskError } from '../../../graphql/ask.ts';
import { useAsk } from '../../../graphql/useAnswer.ts';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import type { ReferenceLists } from '../../../ui/useReferenceLists.ts';
import { UPDATE, type ConnectionDetail } from './connectionQueries.ts';
import { ConnectionTermsFields, TERMS, type Term } from './ConnectionTermsFields.tsx';


export function ChangeConnectionForm({ request, lists, onChanged }: { request: ConnectionDetail; lists: ReferenceLists; onChanged: () => void }) {
  const t = useText();
  const f = t.agency.requestForm;
  const ask = useAsk();
  const initial = Object.fromEntries(TERMS.map((key) => [key, request[key]])) as Record<Term, string>;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<AskError[]>([]);
  const [saved, setSaved] = useState(false);
  const set = (key: Term) => (event: { target: { value: string } }) => { setValues({ ...values, [key]: event.target.value }); setSaved(false); };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = Object.fromEntries(TERMS.filter((key) => values[key] !== initial[key]).map((key) => [key, values[key]]));
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
      <ConnectionTermsFields values={values} set={set} lists={lists} />
      <ErrorList errors={errors} />
      {saved && <p role="status" className="ok">{t.agency.done}</p>}
      <button type="submit">{f.saveChanges}</button>
    </form>
  );
}
