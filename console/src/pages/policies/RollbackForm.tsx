// Restoring one earlier version, with a reason: in force at once when it narrows access, else pending.
import { useState, type FormEvent } from 'react';
import type { AskError } from '../../graphql/ask.ts';
import { useAsk } from '../../graphql/useAnswer.ts';
import { useText } from '../../text/language.tsx';
import { ErrorList } from '../../ui/ErrorList.tsx';
import { Field } from '../../ui/Field.tsx';
import { ROLLBACK, type PolicyProposal } from './policyQueries.ts';

export function RollbackForm({ version, onDone }: { version: number; onDone: () => void }) {
  const texts = useText();
  const t = texts.policies.versions;
  const ask = useAsk();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<AskError[]>([]);
  const [done, setDone] = useState<PolicyProposal | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await ask<{ rollbackPolicies: PolicyProposal | null }>(ROLLBACK, { version, reason });
    setBusy(false);
    setErrors(answer.errors);
    setDone(answer.data?.rollbackPolicies ?? null);
    if (answer.data?.rollbackPolicies) onDone();
  };
  return (
    <details>
      <summary>{t.rollbackTo(version)}</summary>
      <form className="form" onSubmit={submit}>
        <Field label={t.rollbackReason(version)}>
          <textarea name="rollbackReason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} required minLength={5} maxLength={1000} />
        </Field>
        <ErrorList errors={errors} />
        {done && (
          <p role="status" className="ok">
            {t.rolledBack(done.id, texts.policies.status[done.status] ?? done.status)}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t.rollback}
        </button>
      </form>
    </details>
  );
}
