// Proposing the edited file with a reason: in force at once (APPLIED) or waiting for a second officer (PENDING).
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { AskError } from '../../graphql/ask.ts';
import { useAsk } from '../../graphql/useAnswer.ts';
import { useText } from '../../text/language.tsx';
import { ErrorList } from '../../ui/ErrorList.tsx';
import { Field } from '../../ui/Field.tsx';
import { PROPOSE, type PolicyProposal } from './policyQueries.ts';

export function ProposeForm({ baseVersion, path, text }: { baseVersion: number; path: string; text: string }) {
  const t = useText().policies;
  const ask = useAsk();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<AskError[]>([]);
  const [proposal, setProposal] = useState<PolicyProposal | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await ask<{ proposePolicyChange: PolicyProposal | null }>(PROPOSE, { input: { baseVersion, reason, files: [{ path, content: text }] } });
    setBusy(false);
    setErrors(answer.errors);
    setProposal(answer.data?.proposePolicyChange ?? null);
  };
  if (proposal) {
    return (
      <p role="status" className={proposal.status === 'PENDING' ? 'widening-note' : 'ok'}>
        {t.edit.proposed(proposal.id, t.status[proposal.status] ?? proposal.status)} <Link to="/policies/proposals">{t.edit.seeProposals}</Link>
      </p>
    );
  }
  return (
    <form className="form" onSubmit={submit}>
      <Field label={t.edit.reason} hint={t.edit.reasonHint}>
        <textarea name="reason" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} required minLength={5} maxLength={1000} />
      </Field>
      <ErrorList errors={errors} />
      <button type="submit" disabled={busy}>
        {t.edit.propose}
      </button>
    </form>
  );
}
