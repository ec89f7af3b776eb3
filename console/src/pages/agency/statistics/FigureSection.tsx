// A chart and the table of its figures, under one heading.
import { useText } from '../../../text/language.tsx';
import { FigureChart, type Figures } from './FigureChart.tsx';

export function FigureSection({ id, title, kind, figures, labelHeading, valueHeading }: { id: string; title: string; kind: 'line' | 'bar'; figures: Figures; labelHeading: string; valueHeading: string }) {
  const s = useText().agency.statistics;
  return (
    <section aria-labelledby={id} className="agency-figure">
      <h2 id={id}>{title}</h2>
      <FigureChart kind={kind} figures={figures} label={valueHeading} description={s.chartOf(title)} />
      <table className="agency-table">
        <caption>{s.tableOf(title)}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {figures.labels.map((label, index) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{figures.values[index]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
