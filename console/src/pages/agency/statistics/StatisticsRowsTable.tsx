// Every row of the statistics as the gateway answered it.
import { useText } from '../../../text/language.tsx';
import { useDates } from '../../../ui/dates.ts';
import type { ReferenceLists } from '../../../ui/useReferenceLists.ts';
import type { StatisticsRow } from './summariseStatistics.ts';

export function StatisticsRowsTable({ rows, lists }: { rows: StatisticsRow[]; lists: ReferenceLists }) {
  const t = useText();
  const s = t.agency.statistics;
  const dates = useDates();
  return (
    <section aria-labelledby="rows-title">
      <h2 id="rows-title">{s.rowsTitle}</h2>
      <div className="agency-scroll" tabIndex={0} role="region" aria-labelledby="rows-title">
        <table className="agency-table">
          <caption>{s.rowsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.day}</th>
              <th scope="col">{t.agency.catalogue.service}</th>
              <th scope="col">{s.consumer}</th>
              <th scope="col">{s.purpose}</th>
              <th scope="col">{s.requests}</th>
              <th scope="col">{s.records}</th>
              <th scope="col">{s.refusals}</th>
              <th scope="col">{s.subjects}</th>
              <th scope="col">{s.latency}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.day}|${row.service}|${row.consumerAgency}|${row.purpose}`}>
                <td>{dates.day(row.day)}</td>
                <td><code>{row.service}</code></td>
                <td>{lists.agencyName(row.consumerAgency)}</td>
                <td>{row.purpose ? lists.purposeName(row.purpose) : s.noPurpose}</td>
                <td>{row.requests}</td>
                <td>{row.recordsDisclosed}</td>
                <td>{row.refusals.map((refusal) => `${t.common.reasons[refusal.reason] ?? refusal.reason}: ${refusal.count}`).join('; ')}</td>
                <td>{row.distinctSubjects}</td>
                <td>{row.latencyMs.p95 ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
