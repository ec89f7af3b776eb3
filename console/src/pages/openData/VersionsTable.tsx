// Every version a publisher published, newest first, with its SHA-256 so a downloaded file can be checked.
import { useLanguage } from '../../text/language.tsx';
import { formatMoment } from '../../ui/dates.ts';
import type { DatasetVersion } from './openDataTypes.ts';

export function VersionsTable({ versions, totalCount }: { versions: DatasetVersion[]; totalCount: number }) {
  const { texts: t, language } = useLanguage();
  if (versions.length === 0) return <p>{t.openData.noVersions}</p>;
  return (
    <div className="scroll">
      <table className="versions">
        <caption>{t.openData.versionsCaption(totalCount)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.openData.versionNumber}</th>
            <th scope="col">{t.openData.versionPublishedAt}</th>
            <th scope="col">{t.openData.versionPublishedBy}</th>
            <th scope="col">{t.openData.versionHow}</th>
            <th scope="col">{t.openData.versionRows}</th>
            <th scope="col">{t.openData.versionSha256}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.number}>
              <th scope="row">{version.number}</th>
              <td>{formatMoment(version.publishedAt, language)}</td>
              <td>{version.publishedBy}</td>
              <td>{t.openData.versionHows[version.how] ?? version.how}</td>
              <td>{version.rowCount.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB')}</td>
              <td>
                <code className="sha">{version.sha256}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
