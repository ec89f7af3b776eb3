// Reporting an error in one field of one record another agency shared (DataErrorReportInput).
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { AskError } from '../../../graphql/ask.ts';
import { useAsk } from '../../../graphql/useAnswer.ts';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { REPORT_ERROR, reportPath } from './dataErrorQueries.ts';

const INPUTS = ['register', 'type', 'recordId', 'field', 'valueSeen', 'problem', 'evidence'] as const;
type Input = (typeof INPUTS)[number];

export function ReportDataErrorPage() {
  const t = useText();
  return (
    <Page title={t.agency.reportForm.title} roles={['officer']}>
      <ReportDataErrorForm />
    </Page>
  );
}

function ReportDataErrorForm() {
  const t = useText();
  const f = t.agency.reportForm;
  const ask = useAsk();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Input, string>>({ register: '', type: '', recordId: '', field: '', valueSeen: '', problem: '', evidence: '' });
  const [errors, setErrors] = useState<AskError[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await ask<{ reportDataError: { id: string } | null }>(REPORT_ERROR, { input: values });
    setBusy(false);
    setErrors(answer.errors);
    const id = answer.data?.reportDataError?.id;
    if (id && answer.errors.length === 0) navigate(reportPath(id));
  };
  return (
    <form className="form" onSubmit={submit}>
      <p>{f.intro}</p>
      {INPUTS.map((key) => (
        <Field key={key} label={f[key]}>
          {key === 'problem' ? (
            <textarea name={key} rows={3} value={values[key]} onChange={(event) => setValues({ ...values, [key]: event.target.value })} required />
          ) : (
            <input name={key} value={values[key]} onChange={(event) => setValues({ ...values, [key]: event.target.value })} required />
          )}
        </Field>
      ))}
      <ErrorList errors={errors} />
      <button type="submit" disabled={busy}>{f.send}</button>
    </form>
  );
}
