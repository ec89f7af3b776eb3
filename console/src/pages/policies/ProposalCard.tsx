// One proposal: who made it and why, its plain-language changes, its impact replay, and (pending) the decision.
import { useLanguage } from '../../text/language.tsx';
import { ChangeList } from './ChangeList.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { formatMoment } from '../../ui/dates.ts';
import { ImpactTable } from './ImpactTable.tsx';
import type { PolicyProposal } from './policyQueries.ts';
import type { ReferenceLists } from '../../ui/useReferenceLists.ts';

export function ProposalCard({ proposal, me, catalogue, onDecided }: { proposal: PolicyProposal; me: string | null; catalogue: ReferenceLists; onDecided: (decided: PolicyProposal) => void }) {
  const { texts, language } = useLanguage();
  const t = texts.policies.proposals;
  const status = texts.policies.status[proposal.status] ?? proposal.status;
  const headingId = `proposal-${proposal.id}`;
  return (
    <article className={`proposal ${proposal.status.toLowerCase()}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{t.heading(proposal.id, status)}</h3>
      <dl className="facts">
        <dt>{t.author}</dt>
        <dd>{proposal.author}</dd>
        <dt>{t.reason}</dt>
        <dd>{proposal.reason}</dd>
        <dt>{t.createdAt}</dt>
        <dd>{formatMoment(proposal.createdAt, language)}</dd>
        <dt>{t.baseVersion}</dt>
        <dd>
          {proposal.baseVersion} ({texts.policies.actions[proposal.action] ?? proposal.action}
          {proposal.restoresVersion !== null && `: ${texts.policies.versions.restores(proposal.restoresVersion)}`})
        </dd>
        <dt>{t.changedFiles}</dt>
        <dd>{proposal.changedFiles.join(', ')}</dd>
      </dl>
      {proposal.decidedBy && proposal.decisionReason && <p>{t.decided(proposal.decidedBy, proposal.decisionReason)}</p>}
      <h4>{t.changes}</h4>
      <ChangeList changes={proposal.changes} catalogue={catalogue} />
      <ImpactTable impact={proposal.impact} catalogue={catalogue} />
      {proposal.status === 'PENDING' && <DecisionForm proposal={proposal} isAuthor={proposal.author === me} onDecided={onDecided} />}
    </article>
  );
}
