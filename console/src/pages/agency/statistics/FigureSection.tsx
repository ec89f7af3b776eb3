// A chart and the table of its figures, under one heading.
import { useText } from '../../../text/language.tsx';
import { FigureChart, type Figures } from './FigureChart.tsx';

/** `wide`: a chart across the page (a day per point); its table then lists only the days with a figure. */
export function FigureSection({ id, title, kind, figures, labelHeading, valueHeading, wide = false }: { id: string; title: string; kind: 'line' | 'bar'; figures: Figures; labelHeading: string; valueHeading: string; wide?: boolean }) {
  const s = useText().agency.statistics;
  return (
    <section aria-labelledby={id} className={wide ? 'agency-figure wide' : 'agency-figure'}>
      <h2 id={id}>{title}</h2>
      <FigureChart kind={kind} figures={figures} label={valueHeading} description={s.chartOf(title)} />
      <table className="agency-table">
        <caption>{wide ? s.tableOfNonZero(title) : s.tableOf(title)}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {figures.labels.map((label, index) => (wide && figures.values[index] === 0 ? null : (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{figures.values[index]}</td>
            </tr>
          )))}
        </tbody>
      </table>
    </section>
  );
}
