// The decisions explainAccess gives, one row per field of the answer.
import { useText } from '../../text/language.tsx';
import type { FieldAccess } from './policyQueries.ts';
import type { ReferenceLists } from '../../ui/useReferenceLists.ts';

export function ExplainTable({ fields, catalogue }: { fields: FieldAccess[]; catalogue: ReferenceLists }) {
  const texts = useText();
  const t = texts.policies.explain;
  return (
    <table className="explained">
      <caption>{t.caption(fields.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.path}</th>
          <th scope="col">{t.decision}</th>
          <th scope="col">{t.reason}</th>
          <th scope="col">{t.policy}</th>
          <th scope="col">{t.rule}</th>
          <th scope="col">{t.legalBasis}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={field.path}>
            <th scope="row">
              <code>{field.path}</code>
            </th>
            <td className={field.allowed ? 'allowed' : 'refused'}>{field.allowed ? (field.onlyOwnRecord ? t.allowedOwn : t.allowed) : t.refused}</td>
            <td>{field.reason ? `${texts.common.reasons[field.reason] ?? field.reason} (${field.reason})` : ''}</td>
            <td>{field.policy ?? ''}</td>
            <td>{field.rule ?? ''}</td>
            <td>{field.legalBasis ? catalogue.legalBasisName(field.legalBasis) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
