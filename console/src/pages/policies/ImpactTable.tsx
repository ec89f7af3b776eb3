// A proposal's impact replay: per agency and field, how many recent decisions would change.
import { useText } from '../../text/language.tsx';
import type { PolicyImpact } from './policyQueries.ts';
import type { ReferenceLists } from '../../ui/useReferenceLists.ts';

export function ImpactTable({ impact, catalogue }: { impact: PolicyImpact; catalogue: ReferenceLists }) {
  const t = useText().policies.proposals;
  return (
    <>
      {impact.capped && <p>{t.impactCapped}</p>}
      {impact.unavailableRegisters.length > 0 && <p className="refused">{t.impactUnavailable(impact.unavailableRegisters.join(', '))}</p>}
      {impact.rows.length === 0 ? (
        <p>
          {t.impact(impact.days, impact.entriesReplayed)}: {t.noImpact}
        </p>
      ) : (
        <table>
          <caption>{t.impact(impact.days, impact.entriesReplayed)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.impactAgency}</th>
              <th scope="col">{t.impactField}</th>
              <th scope="col">{t.refusedToDisclosed}</th>
              <th scope="col">{t.disclosedToRefused}</th>
              <th scope="col">{t.notReDecided}</th>
            </tr>
          </thead>
          <tbody>
            {impact.rows.map((row) => (
              <tr key={`${row.agency} ${row.field}`}>
                <td>{catalogue.agencyName(row.agency)}</td>
                <td>
                  <code>{row.field}</code>
                </td>
                <td>{row.refusedToDisclosed}</td>
                <td>{row.disclosedToRefused}</td>
                <td>{row.notReDecided}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
