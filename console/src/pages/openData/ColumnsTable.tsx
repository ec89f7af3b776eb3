// A dataset's columns: the name in the files, what it means in the reader's language, and its type.
import { useLanguage } from '../../text/language.tsx';
import { columnTitleOf } from './datasetTexts.ts';
import type { DatasetColumn } from './openDataTypes.ts';

export function ColumnsTable({ columns }: { columns: DatasetColumn[] }) {
  const { texts: t, language } = useLanguage();
  return (
    <table aria-labelledby="columns-title">
      <thead>
        <tr>
          <th scope="col">{t.openData.columnName}</th>
          <th scope="col">{t.openData.columnTitle}</th>
          <th scope="col">{t.openData.columnType}</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((column) => (
          <tr key={column.name}>
            <td>
              <code>{column.name}</code>
            </td>
            <td>{columnTitleOf(column, language)}</td>
            <td>{t.openData.columnTypes[column.type] ?? column.type}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
