// The log as a table: when, who asked (or the citizen themself), why, for which dossier, whose register,
// which fields were given or refused, and the legal basis or reason of each.
import { useText } from '../../../text/language.tsx';
import { useDates } from '../common/dates.ts';
import { fieldWords, reasonWords } from '../common/describeData.ts';
import { useDirectory } from '../common/directory.tsx';
import type { DataAccess } from './accessLogQuery.ts';

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
          const bases = [...new Set(entry.fields.map((field) => (field.legalBasis ? legalBasisWords(field.legalBasis) : reasonWords(texts, field.reason))).filter(Boolean))];
          return (
            <tr key={`${entry.requestId}-${entry.register}-${index}`}>
              <td>{dates.moment(entry.at)}</td>
              <td>{entry.agency ? agencyName(entry.agency) : t.yourself}</td>
              <td>{purposeName(entry.purpose)}</td>
              <td>{entry.caseId}</td>
              <td>{agencyName(entry.holderAgency)}</td>
              <td>
                <ul className="field-list">
                  {entry.fields.map((field) => (
                    <li key={field.field}>
                      {fieldWords(texts.citizen, field.field)}:{' '}
                      <span className={field.decision === 'REFUSED' ? 'refused' : undefined}>{t.decisions[field.decision] ?? field.decision}</span>
                    </li>
                  ))}
                </ul>
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
