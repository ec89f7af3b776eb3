// A dataset in the catalogue: its title (to its page), what it is, who publishes it, how fresh it is, and
// its downloads.
import { Link } from 'react-router-dom';
import { useLanguage } from '../../text/language.tsx';
import { descriptionOf, publisherOf, titleOf } from './datasetTexts.ts';
import { DownloadLinks } from './DownloadLinks.tsx';
import { FreshnessFacts } from './FreshnessFacts.tsx';
import type { DatasetSummary } from './openDataTypes.ts';

export function DatasetListItem({ dataset }: { dataset: DatasetSummary }) {
  const { texts: t, language } = useLanguage();
  return (
    <li className="dataset" data-dataset={dataset.id}>
      <h2>
        <Link to={`/open-data/${encodeURIComponent(dataset.id)}`}>{titleOf(dataset, language)}</Link>
      </h2>
      <p>{descriptionOf(dataset, language)}</p>
      <dl className="facts">
        <div>
          <dt>{t.openData.publisher}</dt>
          <dd>{publisherOf(dataset, t)}</dd>
        </div>
        <div>
          <dt>{t.openData.themes}</dt>
          <dd>{dataset.themes.map((code) => t.openData.themeNames[code] ?? code).join('; ')}</dd>
        </div>
        <div>
          <dt>{t.openData.frequency}</dt>
          <dd>{t.openData.frequencies[dataset.frequency] ?? dataset.frequency}</dd>
        </div>
        <div>
          <dt>{t.openData.licence}</dt>
          <dd>{dataset.licence}</dd>
        </div>
        <div>
          <dt>{t.openData.status}</dt>
          <dd>{t.openData.statuses[dataset.status] ?? dataset.status}</dd>
        </div>
      </dl>
      <FreshnessFacts dataset={dataset} />
      <DownloadLinks dataset={dataset} />
    </li>
  );
}
