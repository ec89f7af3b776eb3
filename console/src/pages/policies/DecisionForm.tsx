// A second security officer's decision on a pending proposal: approve or reject, with a reason. The
// author is told a second officer is needed; if they approve anyway the refusal is said plainly.
import { useState, type FormEvent } from 'react';
import type { AskError } from '../../graphql/ask.ts';
import { useAsk } from '../../graphql/useAnswer.ts';
import { useText } from '../../text/language.tsx';
import { ErrorList } from '../../ui/ErrorList.tsx';
import { Field } from '../../ui/Field.tsx';
import { APPROVE, REJECT, type PolicyProposal } from './policyQueries.ts';

export function DecisionForm({ proposal, isAuthor, onDecided }: { proposal: PolicyProposal; isAuthor: boolean; onDecided: (decided: PolicyProposal) => void }) {
  const t = useText().policies.proposals;
  const ask = useAsk();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<AskError[]>([]);
  const decide = async (event: FormEvent, approve: boolean) => {
    event.preventDefault();
    setBusy(true);
    const answer = await ask<{ approvePolicyProposal?: PolicyProposal | null; rejectPolicyProposal?: PolicyProposal | null }>(approve ? APPROVE : REJECT, { id: proposal.id, reason });
    setBusy(false);
    setErrors(answer.errors);
    const decided = answer.data?.approvePolicyProposal ?? answer.data?.rejectPolicyProposal;
    if (decided) onDecided(decided);
  };
  const secondOfficer = errors.some((error) => error.extensions?.reason === 'SECOND_OFFICER_REQUIRED');
  const conflict = errors.find((error) => error.extensions?.reason === 'POLICY_VERSION_CONFLICT');
  return (
    <form className="form decision" onSubmit={(event) => decide(event, true)}>
      {isAuthor && <p className="widening-note">{t.youAreAuthor}</p>}
      <Field label={t.decisionReason(proposal.id)}>
        <textarea name="decisionReason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} required minLength={5} maxLength={1000} />
      </Field>
      {secondOfficer && (
        <p role="alert" className="errors">
          <strong>{t.secondOfficerRequired}</strong>
        </p>
      )}
      {conflict && (
        <p role="alert" className="errors">
          <strong>{t.versionConflict(String(conflict.extensions?.versionInForce ?? ''))}</strong>
        </p>
      )}
      <ErrorList errors={errors} />
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {t.approve}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={(event) => decide(event, false)}>
          {t.reject}
        </button>
      </div>
    </form>
  );
}
