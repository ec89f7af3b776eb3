// explainAccess as a form: someone (roles, agency, personal id), a purpose and a query, and for each
// field whether it would be given or refused, why, and under which policy, rule and legal basis.
import { useState, type FormEvent } from 'react';
import type { Answer } from '../../graphql/ask.ts';
import { useAsk } from '../../graphql/useAnswer.ts';
import { useText } from '../../text/language.tsx';
import { ErrorList } from '../../ui/ErrorList.tsx';
import { Field } from '../../ui/Field.tsx';
import { ExplainTable } from './ExplainTable.tsx';
import { PolicyPage } from './PolicyPage.tsx';
import { EXPLAIN, type FieldAccess } from './policyQueries.ts';
import { useReferenceLists } from '../../ui/useReferenceLists.ts';

const EXAMPLE_QUERY = '{\n  citizen(id: "033094279365") {\n    fullName\n    dateOfBirth\n    religion\n    dateOfDeath\n  }\n}';

export function ExplainPage() {
  const texts = useText();
  const t = texts.policies.explain;
  const ask = useAsk();
  const catalogue = useReferenceLists();
  const [roles, setRoles] = useState<string[]>(['officer']);
  const [agency, setAgency] = useState('so-tu-phap');
  const [subject, setSubject] = useState('');
  const [purpose, setPurpose] = useState('civil-status-procedure');
  const [query, setQuery] = useState(EXAMPLE_QUERY);
  const [answer, setAnswer] = useState<Answer<{ explainAccess: FieldAccess[] | null }> | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (role: string, on: boolean) => setRoles((current) => (on ? [...current, role] : current.filter((kept) => kept !== role)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const principal = { roles, agency: agency || null, subject: subject.trim() || null };
    setAnswer(await ask(EXPLAIN, { principal, purpose: purpose || null, query }));
    setBusy(false);
  };

  return (
    <PolicyPage title={t.title}>
      <p>{t.intro}</p>
      <form className="form" onSubmit={submit}>
        <fieldset>
          <legend>{t.roles}</legend>
          {Object.keys(texts.common.roles).map((role) => (
            <label key={role} className="check">
              <input type="checkbox" name="roles" value={role} checked={roles.includes(role)} onChange={(event) => toggle(role, event.target.checked)} /> {texts.common.roles[role]}
            </label>
          ))}
        </fieldset>
        <Field label={t.agency}>
          <select name="agency" value={agency} onChange={(event) => setAgency(event.target.value)}>
            <option value="">{t.noAgency}</option>
            {catalogue.agencies.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.subject}>
          <input name="subject" value={subject} onChange={(event) => setSubject(event.target.value)} inputMode="numeric" />
        </Field>
        <Field label={t.purpose}>
          <select name="purpose" value={purpose} onChange={(event) => setPurpose(event.target.value)}>
            <option value="">{t.noPurpose}</option>
            {catalogue.purposes.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.name} ({entry.code})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.query}>
          <textarea name="query" rows={8} value={query} onChange={(event) => setQuery(event.target.value)} spellCheck={false} />
        </Field>
        <button type="submit" disabled={busy}>
          {t.submit}
        </button>
      </form>
      {answer && <ErrorList errors={answer.errors} />}
      {answer?.data?.explainAccess && <ExplainTable fields={answer.data.explainAccess} catalogue={catalogue} />}
    </PolicyPage>
  );
}
