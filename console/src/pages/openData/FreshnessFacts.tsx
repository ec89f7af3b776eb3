// When a dataset was last published, when its data last changed and when the next version is due: the
// facts its freshness is counted from (docs/open-data.md, "Freshness").
import { useLanguage } from '../../text/language.tsx';
import { formatDay, formatMoment } from '../../ui/dates.ts';
import { FreshnessBadge } from './FreshnessBadge.tsx';
import type { DatasetSummary } from './openDataTypes.ts';

export function FreshnessFacts({ dataset }: { dataset: DatasetSummary }) {
  const { texts: t, language } = useLanguage();
  const published = dataset.currentVersion?.publishedAt;
  return (
    <dl className="facts">
      <div>
        <dt>{t.openData.freshness}</dt>
        <dd>
          <FreshnessBadge freshness={dataset.freshness} />
        </dd>
      </div>
      <div>
        <dt>{t.openData.lastPublished}</dt>
        <dd>{published ? formatMoment(published, language) : t.openData.neverPublished}</dd>
      </div>
      {dataset.dataModifiedAt && (
        <div>
          <dt>{t.openData.dataModified}</dt>
          <dd>{formatMoment(dataset.dataModifiedAt, language)}</dd>
        </div>
      )}
      {dataset.nextUpdateDue && (
        <div>
          <dt>{t.openData.nextUpdateDue}</dt>
          <dd>{formatDay(dataset.nextUpdateDue, language)}</dd>
        </div>
      )}
    </dl>
  );
}
