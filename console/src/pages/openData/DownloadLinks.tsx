// The gateway's anonymous downloads of a dataset's current version (/open-data/datasets/<id>.csv|.json),
// offered only while it has one.
import { useLanguage } from '../../text/language.tsx';
import { titleOf } from './datasetTexts.ts';
import type { DatasetSummary } from './openDataTypes.ts';

export function DownloadLinks({ dataset }: { dataset: DatasetSummary }) {
  const { texts: t, language } = useLanguage();
  if (dataset.status !== 'PUBLISHED' || dataset.distributions.length === 0) return <p className="hint">{t.openData.noDownloads}</p>;
  const title = titleOf(dataset, language);
  return (
    <ul className="downloads">
      {dataset.distributions.map(({ format, mediaType, downloadPath }) => (
        <li key={format}>
          <a className="button secondary" href={downloadPath} type={mediaType} download aria-label={t.openData.downloadLabel(format, title)}>
            {t.openData.download(format)}
          </a>
        </li>
      ))}
    </ul>
  );
}
