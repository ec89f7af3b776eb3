// Who may use a service: one row per policy rule, its conditions said in words.
import { useText } from '../../../text/language.tsx';
import type { ReferenceLists } from '../../../ui/useReferenceLists.ts';
import type { ServiceRule } from './catalogueQueries.ts';

export function ServiceAccessTable({ rules, lists }: { rules: ServiceRule[]; lists: ReferenceLists }) {
  const t = useText();
  const s = t.agency.service;
  const conditions = (rule: ServiceRule) =>
    [
      rule.connectionRequired && s.condition.connection,
      rule.consentRequired && s.condition.consent,
      rule.subjectRequestRequired && s.condition.subjectRequest,
      rule.caseIdRequired && s.condition.caseId,
      rule.ownRecordOnly && s.condition.ownRecord,
    ].filter(Boolean).join('; ') || s.noConditions;
  return (
    <table className="agency-table">
      <thead>
        <tr>
          <th scope="col">{s.rule}</th>
          <th scope="col">{s.roles}</th>
          <th scope="col">{s.agencies}</th>
          <th scope="col">{s.purposes}</th>
          <th scope="col">{s.legalBases}</th>
          <th scope="col">{s.conditions}</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => (
          <tr key={rule.rule}>
            <th scope="row"><code>{rule.rule}</code></th>
            <td>{rule.roles ? rule.roles.map((role) => t.common.roles[role] ?? role).join(', ') : s.anyone}</td>
            <td>{rule.agencies ? rule.agencies.map(lists.agencyName).join(', ') : s.anyone}</td>
            <td>{rule.purposes ? rule.purposes.map(lists.purposeName).join(', ') : s.anyone}</td>
            <td>{lists.legalBasisTitle(rule.legalBasis)}</td>
            <td>{conditions(rule)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
