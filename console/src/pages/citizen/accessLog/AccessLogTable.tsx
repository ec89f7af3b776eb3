// The log as a table: when, who asked (an agency, a parent for a minor, the citizen themself or another
// citizen reading their own record that concerns this one), why, for which dossier, whose register,
// which fields were given and which refused, and the legal bases and reasons.
import { useText } from '../../../text/language.tsx';
import { useDates } from '../../../ui/dates.ts';
import { fieldWords, reasonWords } from '../common/describeData.ts';
import { useDirectory } from '../common/directory.tsx';
import type { DataAccess } from './accessLogQuery.ts';

/** Each words once, in the order first met. */
const wordsOf = (words: string[]): string[] => [...new Set(words.filter(Boolean))];

export function AccessLogTable({ entries }: { entries: DataAccess[] }) {
  const texts = useText();
  const t = texts.citizen.accessLog;
  const dates = useDates();
  const { agencyName, purposeName, legalBasisWords } = useDirectory();
  if (entries.length === 0) return <p>{t.none}</p>;
  return (
    <table className="access-log">
      <caption>{t.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.columns.at}</th>
          <th scope="col">{t.columns.agency}</th>
          <th scope="col">{t.columns.purpose}</th>
          <th scope="col">{t.columns.caseId}</th>
          <th scope="col">{t.columns.holder}</th>
          <th scope="col">{t.columns.fields}</th>
          <th scope="col">{t.columns.legalBasis}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, index) => {
          const disclosed = wordsOf(entry.fields.filter((field) => field.decision !== 'REFUSED').map((field) => fieldWords(texts.citizen, field.field)));
          const refused = wordsOf(entry.fields.filter((field) => field.decision === 'REFUSED').map((field) => fieldWords(texts.citizen, field.field)));
          const bases = wordsOf(
            entry.fields.map((field) => (field.legalBasis ? legalBasisWords(field.legalBasis) : field.reason ? t.refusedBecause(reasonWords(texts, field.reason)) : '')),
          );
          return (
            <tr key={`${entry.requestId}-${entry.register}-${index}`}>
              <td>{dates.moment(entry.at)}</td>
              <td>{entry.agency ? agencyName(entry.agency) : entry.guardian ? t.parent(entry.guardian) : entry.askedByDataSubject ? t.yourself : t.anotherCitizen}</td>
              <td>{purposeName(entry.purpose)}</td>
              <td>{entry.caseId}</td>
              <td>{agencyName(entry.holderAgency)}</td>
              <td>
                {disclosed.length > 0 && (
                  <p className="log-fields">
                    <strong>{t.decisions.DISCLOSED}:</strong> {disclosed.join(', ')}
                  </p>
                )}
                {refused.length > 0 && (
                  <p className="log-fields">
                    <strong className="refused">{t.decisions.REFUSED}:</strong> {refused.join(', ')}
                  </p>
                )}
              </td>
              <td>
                <ul className="field-list">
                  {bases.map((basis) => (
                    <li key={basis}>{basis}</li>
                  ))}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
