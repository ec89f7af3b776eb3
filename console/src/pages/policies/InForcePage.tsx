// The policies in force of one agency's register, each rule in plain language beside its YAML and tests.
import { useSearchParams } from 'react-router-dom';
import { useAnswer } from '../../graphql/useAnswer.ts';
import { useLanguage } from '../../text/language.tsx';
import { ErrorList } from '../../ui/ErrorList.tsx';
import { Field } from '../../ui/Field.tsx';
import { formatMoment } from '../../ui/dates.ts';
import { PolicyCard, policyAnchor } from './PolicyCard.tsx';
import { PolicyPage } from './PolicyPage.tsx';
import { IN_FORCE, REGISTERS, type PolicySnapshot, type PolicySummary } from './policyQueries.ts';
import { useReferenceLists } from '../../ui/useReferenceLists.ts';

export function InForcePage() {
  const { texts, language } = useLanguage();
  const t = texts.policies;
  const [params, setParams] = useSearchParams();
  const register = params.get('register') ?? 'population';
  const answer = useAnswer<{ policiesInForce: PolicySnapshot | null; policySummaries: PolicySummary[] | null }>(IN_FORCE, { subgraph: register });
  const catalogue = useReferenceLists();
  const snapshot = answer.data?.policiesInForce;
  const fileText = (path: string | null) => (path ? snapshot?.files.find((file) => file.path === path)?.content ?? null : null);
  return (
    <PolicyPage title={t.inForce.title}>
      <p>{t.inForce.intro}</p>
      <div className="form">
        <Field label={t.inForce.register}>
          <select name="register" value={register} onChange={(event) => setParams({ register: event.target.value })}>
            {REGISTERS.map((code) => (
              <option key={code} value={code}>
                {t.registers[code] ?? code}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ErrorList errors={answer.errors} />
      {answer.loading && <p>{texts.common.loading}</p>}
      {snapshot && <p>{t.inForce.version(snapshot.version, snapshot.author, formatMoment(snapshot.createdAt, language))}</p>}
      {answer.data?.policySummaries && (
        <nav aria-label={t.inForce.contents}>
          <ul className="policy-toc">
            {answer.data.policySummaries.map((summary) => (
              <li key={summary.path}>
                <a href={`#${policyAnchor(summary.policy)}`}>{summary.type}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {answer.data?.policySummaries?.map((summary) => (
        <PolicyCard key={summary.path} summary={summary} yaml={fileText(summary.path) ?? ''} tests={fileText(summary.testPath)} catalogue={catalogue} />
      ))}
    </PolicyPage>
  );
}
