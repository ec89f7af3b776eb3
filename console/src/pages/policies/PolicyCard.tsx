// One policy in force: what it covers, its groups, its rules in plain language, its YAML and test cases.
import { Link } from 'react-router-dom';
import { useText } from '../../text/language.tsx';
import type { PolicySummary } from './policyQueries.ts';
import { ruleSentence } from './ruleSentence.ts';
import type { ReferenceLists } from '../../ui/useReferenceLists.ts';

/** The id of a policy's heading, for the page's table of contents. */
export const policyAnchor = (policy: string) => `policy-${policy.replace(/[^a-z0-9-]/gi, '-')}`;

export function PolicyCard({ summary, yaml, tests, catalogue }: { summary: PolicySummary; yaml: string; tests: string | null; catalogue: ReferenceLists }) {
  const t = useText().policies;
  const headingId = policyAnchor(summary.policy);
  return (
    <article className="policy-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {summary.type} <code>{summary.path}</code>
      </h2>
      <p>
        {summary.about} — {t.inForce.owner}: {catalogue.agencyName(summary.owner)}.{' '}
        <Link to={`/policies/edit?file=${encodeURIComponent(summary.path)}`}>{t.inForce.edit(summary.path)}</Link>
      </p>
      <div className="policy-columns">
        <div>
          <h3>{t.inForce.rules}</h3>
          {summary.rules.length === 0 ? (
            <p>{t.inForce.noRules}</p>
          ) : (
            <ul className="rule-sentences">
              {summary.rules.map((rule) => (
                <li key={rule.id}>
                  {ruleSentence(rule, summary.fieldGroups, t, catalogue)} <span className="rule-id">({t.rule.ruleId(rule.id)})</span>
                </li>
              ))}
            </ul>
          )}
          <table>
            <caption>{t.inForce.fieldGroups}</caption>
            <thead>
              <tr>
                <th scope="col">{t.inForce.group}</th>
                <th scope="col">{t.inForce.level}</th>
                <th scope="col">{t.inForce.fields}</th>
              </tr>
            </thead>
            <tbody>
              {summary.fieldGroups.map((group) => (
                <tr key={group.name}>
                  <td>{group.name}</td>
                  <td>{t.levels[group.level] ?? group.level}</td>
                  <td>
                    {group.fields.join(', ')}
                    {group.disabledSince && <div className="refused">{t.inForce.disabled(group.disabledSince, group.disabledNotice ?? '')}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <details>
            <summary>{t.inForce.yaml}</summary>
            <pre tabIndex={0}>{yaml}</pre>
          </details>
          <details>
            <summary>{t.inForce.tests}</summary>
            {tests === null ? <p>{t.inForce.noTests}</p> : <pre tabIndex={0}>{tests}</pre>}
          </details>
        </div>
      </div>
    </article>
  );
}
