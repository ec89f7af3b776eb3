// Policy change proposals: those waiting for a second officer first, then the recent ones decided.
import { useState } from 'react';
import { useAnswer } from '../../graphql/useAnswer.ts';
import { useSession } from '../../session/session.tsx';
import { useText } from '../../text/language.tsx';
import { ErrorList } from '../../ui/ErrorList.tsx';
import { PolicyPage } from './PolicyPage.tsx';
import { ProposalCard } from './ProposalCard.tsx';
import { PROPOSALS, type PolicyProposal } from './policyQueries.ts';
import { useReferenceLists } from '../../ui/useReferenceLists.ts';

export function ProposalsPage() {
  const texts = useText();
  const t = texts.policies.proposals;
  const { session } = useSession();
  const catalogue = useReferenceLists();
  const answer = useAnswer<{ policyProposals: PolicyProposal[] | null }>(PROPOSALS);
  const [decided, setDecided] = useState<string | null>(null);
  const proposals = answer.data?.policyProposals ?? [];
  const pending = proposals.filter((proposal) => proposal.status === 'PENDING');
  const others = proposals.filter((proposal) => proposal.status !== 'PENDING');
  const onDecided = (proposal: PolicyProposal) => {
    setDecided(t.decidedNow(proposal.id, texts.policies.status[proposal.status] ?? proposal.status));
    answer.reload();
  };
  return (
    <PolicyPage title={t.title}>
      <p>{t.intro}</p>
      <div role="status">{decided && <p className="ok">{decided}</p>}</div>
      <ErrorList errors={answer.errors} />
      {answer.loading && !answer.data && <p>{texts.common.loading}</p>}
      <h2>{t.pending}</h2>
      {answer.data && pending.length === 0 && <p>{t.noPending}</p>}
      {pending.map((proposal) => (
        <ProposalCard key={proposal.id} proposal={proposal} me={session?.sub ?? null} catalogue={catalogue} onDecided={onDecided} />
      ))}
      <h2>{t.recent}</h2>
      {answer.data && others.length === 0 && <p>{t.noRecent}</p>}
      {others.map((proposal) => (
        <ProposalCard key={proposal.id} proposal={proposal} me={session?.sub ?? null} catalogue={catalogue} onDecided={() => undefined} />
      ))}
    </PolicyPage>
  );
}
