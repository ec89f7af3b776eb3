// What a dataset is about: publisher, licence (to its text), themes, keywords, period and frequency.
import { Link } from 'react-router-dom';
import { useLanguage } from '../../text/language.tsx';
import { formatDay, formatMoment } from '../../ui/dates.ts';
import { publisherOf } from './datasetTexts.ts';
import type { DatasetDetail } from './openDataTypes.ts';

export function DatasetFacts({ dataset }: { dataset: DatasetDetail }) {
  const { texts: t, language } = useLanguage();
  const from = formatDay(dataset.temporalStart, language);
  return (
    <dl className="facts">
      <div>
        <dt>{t.openData.publisher}</dt>
        <dd>{publisherOf(dataset, t)}</dd>
      </div>
      <div>
        <dt>{t.openData.licence}</dt>
        <dd>
          <a href={dataset.licenceUrl}>{dataset.licence}</a>
        </dd>
      </div>
      <div>
        <dt>{t.openData.themes}</dt>
        <dd>{dataset.themes.map((code) => t.openData.themeNames[code] ?? code).join('; ')}</dd>
      </div>
      <div>
        <dt>{t.openData.keywords}</dt>
        <dd>
          <ul className="keywords">
            {(language === 'en' ? dataset.keywordsEn : dataset.keywords).map((keyword) => (
              <li key={keyword}>
                <Link to={`/open-data?keyword=${encodeURIComponent(keyword)}`} aria-label={t.openData.keywordLink(keyword)}>
                  {keyword}
                </Link>
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t.openData.temporal}</dt>
        <dd>{dataset.temporalEnd ? t.openData.temporalRange(from, formatDay(dataset.temporalEnd, language)) : t.openData.temporalOngoing(from)}</dd>
      </div>
      <div>
        <dt>{t.openData.frequency}</dt>
        <dd>{t.openData.frequencies[dataset.frequency] ?? dataset.frequency}</dd>
      </div>
      <div>
        <dt>{t.openData.status}</dt>
        <dd>{t.openData.statuses[dataset.status] ?? dataset.status}</dd>
      </div>
      <div>
        <dt>{t.openData.metadataModified}</dt>
        <dd>{formatMoment(dataset.metadataModifiedAt, language)}</dd>
      </div>
    </dl>
  );
}
