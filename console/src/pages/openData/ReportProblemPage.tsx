// Reporting a problem with a dataset, for anyone (reportOpenDataProblem): what is wrong and how to answer
// the reporter; the receipt's number is what they quote afterwards.
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { AskError } from '../../graphql/ask.ts';
import { useAsk } from '../../graphql/useAnswer.ts';
import { useLanguage } from '../../text/language.tsx';
import { ErrorList } from '../../ui/ErrorList.tsx';
import { Field } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { formatMoment } from '../../ui/dates.ts';
import { NO_PURPOSE } from '../../graphql/ask.ts';
import { REPORT_PROBLEM_MUTATION } from './openDataQueries.ts';

interface Receipt {
  id: string;
  dataset: string;
  state: string;
  createdAt: string;
}

export function ReportProblemPage() {
  const { texts: t, language } = useLanguage();
  const { id = '' } = useParams();
  // The dataset's titles come with the link from its page; a bookmarked address names it by its id.
  const titles = useLocation().state as { title?: string; titleEn?: string } | null;
  const name = (language === 'en' ? titles?.titleEn : titles?.title) ?? id;
  const ask = useAsk();
  const [description, setDescription] = useState('');
  const [contact, setContact] = useState('');
  const [errors, setErrors] = useState<AskError[]>([]);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await ask<{ reportOpenDataProblem: Receipt }>(REPORT_PROBLEM_MUTATION, { input: { dataset: id, description, contact } }, NO_PURPOSE);
    setBusy(false);
    setErrors(answer.errors);
    if (answer.data?.reportOpenDataProblem) setReceipt(answer.data.reportOpenDataProblem);
  };

  // The platform names the input it refused (extensions.field): said at that field, in the reader's language.
  const refused = (field: string) => errors.some((error) => error.extensions?.field === `input.${field}`);

  const back = (
    <p>
      <Link to={`/open-data/${encodeURIComponent(id)}`}>{t.openData.backToDataset}</Link>
    </p>
  );
  if (receipt) {
    return (
      <Page title={t.openData.reportTitle(name)}>
        <div className="ok" role="status">
          <h2>{t.openData.receiptTitle}</h2>
          <p>{t.openData.receipt(receipt.id, formatMoment(receipt.createdAt, language))}</p>
          <p>
            {t.openData.receiptState}: {t.openData.problemStates[receipt.state] ?? receipt.state}
          </p>
        </div>
        {back}
      </Page>
    );
  }
  return (
    <Page title={t.openData.reportTitle(name)}>
      <p>{t.openData.reportIntro}</p>
      <form className="form report" onSubmit={submit}>
        <Field label={t.openData.reportDescription} hint={refused('description') ? t.openData.reportDescriptionRefused : t.openData.reportDescriptionHint}>
          <textarea name="description" rows={6} maxLength={2000} required aria-invalid={refused('description')} value={description} onChange={(event) => setDescription(event.target.value)} />
        </Field>
        <Field label={t.openData.reportContact} hint={refused('contact') ? t.openData.reportContactRefused : t.openData.reportContactHint}>
          <input name="contact" required autoComplete="email" aria-invalid={refused('contact')} value={contact} onChange={(event) => setContact(event.target.value)} />
        </Field>
        <ErrorList errors={errors} />
        <button type="submit" disabled={busy}>
          {busy ? t.openData.reportSending : t.openData.reportSend}
        </button>
      </form>
      {back}
    </Page>
  );
}
