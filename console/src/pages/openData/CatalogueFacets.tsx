// The facets beside the catalogue: theme, publisher, frequency, licence, status and freshness, each value
// named in the reader's language and counted.
import { useText } from '../../text/language.tsx';
import { countWithout, FACET_KEYS, facetValues, type FacetChoice, type FacetKey } from './catalogueFacets.ts';
import { FacetSelect } from './FacetSelect.tsx';
import type { DatasetSummary } from './openDataTypes.ts';
import { publisherOf } from './datasetTexts.ts';

interface CatalogueFacetsProps {
  datasets: DatasetSummary[];
  choice: FacetChoice;
  onChoose: (facet: FacetKey, value: string | null) => void;
  onClear: () => void;
}

export function CatalogueFacets({ datasets, choice, onChoose, onClear }: CatalogueFacetsProps) {
  const t = useText();
  const publisherNames = new Map(datasets.map((dataset) => [dataset.publisher, publisherOf(dataset, t)]));
  const nameOf: Record<FacetKey, (value: string) => string> = {
    theme: (code) => t.openData.themeNames[code] ?? code,
    publisher: (code) => publisherNames.get(code) ?? code,
    frequency: (code) => t.openData.frequencies[code] ?? code,
    licence: (code) => code,
    status: (code) => t.openData.statuses[code] ?? code,
    freshness: (code) => t.openData.freshnessNames[code] ?? code,
  };
  return (
    <section className="facets" aria-labelledby="facets-title">
      <h2 id="facets-title">{t.openData.facetsTitle}</h2>
      {FACET_KEYS.map((facet) => (
        <FacetSelect
          key={facet}
          name={facet}
          label={t.openData.facets[facet]}
          values={facetValues(datasets, choice, facet)}
          allCount={countWithout(datasets, choice, facet)}
          chosen={choice[facet]}
          nameOf={nameOf[facet]}
          onChoose={(value) => onChoose(facet, value)}
        />
      ))}
      <button type="button" className="secondary" onClick={onClear}>
        {t.openData.clearFilters}
      </button>
    </section>
  );
}
