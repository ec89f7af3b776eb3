// The first rows of the current version, under the columns' titles; an empty or suppressed cell is said,
// not left blank.
import { useLanguage } from '../../text/language.tsx';
import { columnTitleOf } from './datasetTexts.ts';
import type { DatasetColumn } from './openDataTypes.ts';

interface RowsPreviewProps {
  columns: DatasetColumn[];
  rows: { values: (string | null)[] }[];
  totalCount: number;
}

export function RowsPreview({ columns, rows, totalCount }: RowsPreviewProps) {
  const { texts: t, language } = useLanguage();
  if (rows.length === 0) return <p>{t.openData.noRows}</p>;
  return (
    // Focusable so a keyboard reader can scroll a preview wider than the page.
    <div className="scroll" tabIndex={0} role="region" aria-labelledby="preview-title">
      <table className="preview">
        <caption>{t.openData.previewCaption(rows.length, totalCount)}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.name}>
                {columnTitleOf(column, language)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {columns.map((column, at) => (
                <td key={column.name}>{row.values[at] ?? <span className="hint">{t.openData.emptyCell}</span>}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
