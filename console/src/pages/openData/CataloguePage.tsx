// The open-data catalogue, for anyone: words searched by the gateway (one request per search), facets
// counted and applied on that answer, each dataset with its freshness and downloads.
import { useText } from '../../text/language.tsx';
import { useAnswer } from '../../graphql/useAnswer.ts';
import { ErrorList } from '../../ui/ErrorList.tsx';
import { Page } from '../../ui/Page.tsx';
import { matchesChoice } from './catalogueFacets.ts';
import { useCatalogueSearch } from './catalogueSearch.ts';
import { CatalogueFacets } from './CatalogueFacets.tsx';
import { DatasetListItem } from './DatasetListItem.tsx';
import { NO_PURPOSE } from '../../graphql/ask.ts';
import { CATALOGUE_QUERY } from './openDataQueries.ts';
import type { DatasetSummary } from './openDataTypes.ts';
import { SearchForm } from './SearchForm.tsx';

interface CatalogueAnswer {
  openDatasets: { totalCount: number; nodes: DatasetSummary[] };
}

export function CataloguePage() {
  const t = useText();
  const search = useCatalogueSearch();
  const filter = { ...(search.text ? { text: search.text } : {}), ...(search.keyword ? { keyword: search.keyword } : {}) };
  const answer = useAnswer<CatalogueAnswer>(CATALOGUE_QUERY, { filter }, NO_PURPOSE);
  const found = answer.data?.openDatasets;
  const shown = found?.nodes.filter((dataset) => matchesChoice(dataset, search.choice)) ?? [];
  return (
    <Page title={t.openData.title}>
      <p>{t.openData.intro}</p>
      <SearchForm text={search.text} onSearch={search.setText} />
      {search.keyword && (
        <p className="keyword">
          {t.openData.keywordChosen(search.keyword)}{' '}
          <button type="button" className="secondary" onClick={search.dropKeyword}>
            {t.openData.dropKeyword}
          </button>
        </p>
      )}
      <ErrorList errors={answer.errors} />
      <div className="catalogue">
        {found && <CatalogueFacets datasets={found.nodes} choice={search.choice} onChoose={search.choose} onClear={search.clear} />}
        <div className="results">
          <p role="status" className="result-count">
            {answer.loading ? t.common.loading : found ? t.openData.resultCount(shown.length) : ''}
          </p>
          {found && found.totalCount > found.nodes.length && <p className="hint">{t.openData.moreThanShown(found.nodes.length, found.totalCount)}</p>}
          <ul className="datasets">
            {shown.map((dataset) => (
              <DatasetListItem key={dataset.id} dataset={dataset} />
            ))}
          </ul>
        </div>
      </div>
    </Page>
  );
}
