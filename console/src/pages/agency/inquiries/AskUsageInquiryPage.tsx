// The owner's question to the consumer of one of its connections (UsageInquiryInput), opened from the
// connection's page.
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { AskError } from '../../../graphql/ask.ts';
import { useAsk } from '../../../graphql/useAnswer.ts';
import { useText } from '../../../text/language.tsx';
import { ErrorList } from '../../../ui/ErrorList.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { vietnamDay } from '../../../ui/dates.ts';
import { ASK, inquiryPath } from './inquiryQueries.ts';

export function AskUsageInquiryPage() {
  const t = useText();
  return (
    <Page title={t.agency.inquiryForm.title} roles={['officer']}>
      <AskUsageInquiryForm />
    </Page>
  );
}

function AskUsageInquiryForm() {
  const t = useText();
  const f = t.agency.inquiryForm;
  const ask = useAsk();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const connectionRequestId = params.get('connection') ?? '';
  const [values, setValues] = useState({ periodStart: vietnamDay(-30), periodEnd: vietnamDay(), dataSubject: '', question: '' });
  const [errors, setErrors] = useState<AskError[]>([]);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { dataSubject, ...rest } = values;
    const answer = await ask<{ askUsageInquiry: { id: string } | null }>(ASK, { input: { connectionRequestId, ...rest, ...(dataSubject.trim() ? { dataSubject: dataSubject.trim() } : {}) } });
    setErrors(answer.errors);
    const id = answer.data?.askUsageInquiry?.id;
    if (id && answer.errors.length === 0) navigate(inquiryPath(id));
  };
  return (
    <form className="form" onSubmit={submit}>
      <p>{f.intro(connectionRequestId)}</p>
      <Field label={f.periodStart}><input name="periodStart" type="date" value={values.periodStart} onChange={set('periodStart')} required /></Field>
      <Field label={f.periodEnd}><input name="periodEnd" type="date" value={values.periodEnd} onChange={set('periodEnd')} required /></Field>
      <Field label={f.dataSubject}><input name="dataSubject" inputMode="numeric" pattern="[0-9]{12}" value={values.dataSubject} onChange={set('dataSubject')} /></Field>
      <Field label={f.question}><textarea name="question" rows={4} value={values.question} onChange={set('question')} required /></Field>
      <ErrorList errors={errors} />
      <button type="submit">{f.send}</button>
    </form>
  );
}
