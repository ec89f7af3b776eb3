// One open dataset, for anyone: its description in the reader's language, freshness, downloads, columns,
// versions and the first rows, all from one request; and the way to report a problem with it.
import { Link, useParams } from 'react-router-dom';
import { useAnswer } from '../../graphql/useAnswer.ts';
import { useLanguage } from '../../text/language.tsx';
import { ErrorList } from '../../ui/ErrorList.tsx';
import { Page } from '../../ui/Page.tsx';
import { ColumnsTable } from './ColumnsTable.tsx';
import { DatasetFacts } from './DatasetFacts.tsx';
import { descriptionOf, titleOf } from './datasetTexts.ts';
import { DownloadLinks } from './DownloadLinks.tsx';
import { formatMoment } from '../../ui/dates.ts';
import { FreshnessFacts } from './FreshnessFacts.tsx';
import { NO_PURPOSE } from '../../graphql/ask.ts';
import { DATASET_QUERY } from './openDataQueries.ts';
import type { DatasetDetail } from './openDataTypes.ts';
import { RowsPreview } from './RowsPreview.tsx';
import { VersionsTable } from './VersionsTable.tsx';

export function DatasetPage() {
  const { texts: t, language } = useLanguage();
  const { id = '' } = useParams();
  const answer = useAnswer<{ openDataset: DatasetDetail | null }>(DATASET_QUERY, { id }, NO_PURPOSE);
  const dataset = answer.data?.openDataset;
  if (!dataset) {
    return (
      <Page title={t.openData.title}>
        <ErrorList errors={answer.errors} />
        {answer.loading ? <p>{t.common.loading}</p> : answer.data && <p>{t.openData.notFound}</p>}
        <p>
          <Link to="/open-data">{t.openData.backToCatalogue}</Link>
        </p>
      </Page>
    );
  }
  const title = titleOf(dataset, language);
  return (
    <Page title={title}>
      <p>
        <Link to="/open-data">{t.openData.backToCatalogue}</Link>
      </p>
      <ErrorList errors={answer.errors} />
      <p className="description">{descriptionOf(dataset, language)}</p>
      {dataset.status === 'WITHDRAWN' && dataset.withdrawnAt && (
        <p className="errors">{t.openData.withdrawn(formatMoment(dataset.withdrawnAt, language), dataset.withdrawnReason ?? '')}</p>
      )}
      <FreshnessFacts dataset={dataset} />
      <h2>{t.openData.downloads}</h2>
      <DownloadLinks dataset={dataset} />
      <p>
        <Link to={`/open-data/${encodeURIComponent(dataset.id)}/report`} state={{ title: dataset.title, titleEn: dataset.titleEn }}>
          {t.openData.reportProblem}
        </Link>
      </p>
      <h2>{t.openData.details}</h2>
      <DatasetFacts dataset={dataset} />
      <h2 id="columns-title">{t.openData.columns}</h2>
      <ColumnsTable columns={dataset.columns} />
      <h2 id="preview-title">{t.openData.preview}</h2>
      <RowsPreview columns={dataset.columns} rows={dataset.rows.nodes} totalCount={dataset.rows.totalCount} />
      <h2>{t.openData.versions}</h2>
      <VersionsTable versions={dataset.versions.nodes} totalCount={dataset.versions.totalCount} />
    </Page>
  );
}

