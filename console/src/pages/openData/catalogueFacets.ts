// The catalogue's facets, counted from the one answer of the page: for each facet, how many datasets of
// each value match every *other* chosen facet (so a reader sees what choosing another value would give).
import type { DatasetSummary } from './openDataTypes.ts';

export const FACET_KEYS = ['theme', 'publisher', 'frequency', 'licence', 'status', 'freshness'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];
export type FacetChoice = Record<FacetKey, string | null>;

export interface FacetValue {
  value: string;
  count: number;
}

/** The values a dataset has for a facet (a dataset has several themes, one of everything else). */
export function valuesOf(dataset: DatasetSummary, facet: FacetKey): string[] {
  switch (facet) {
    case 'theme':
      return dataset.themes;
    case 'publisher':
      return [dataset.publisher];
    case 'frequency':
      return [dataset.frequency];
    case 'licence':
      return [dataset.licence];
    case 'status':
      return [dataset.status];
    case 'freshness':
      return [dataset.freshness];
  }
}

export function matchesChoice(dataset: DatasetSummary, choice: FacetChoice, except?: FacetKey): boolean {
  return FACET_KEYS.every((facet) => facet === except || choice[facet] === null || valuesOf(dataset, facet).includes(choice[facet]!));
}

/** Every value the datasets have for `facet`, with its count under the other facets' choices. */
export function facetValues(datasets: DatasetSummary[], choice: FacetChoice, facet: FacetKey): FacetValue[] {
  const counts = new Map<string, number>();
  for (const dataset of datasets) for (const value of valuesOf(dataset, facet)) counts.set(value, counts.get(value) ?? 0);
  for (const dataset of datasets.filter((candidate) => matchesChoice(candidate, choice, facet))) {
    for (const value of valuesOf(dataset, facet)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count }));
}

/** How many datasets match every facet but `facet`: the count of its "all" choice. */
export function countWithout(datasets: DatasetSummary[], choice: FacetChoice, facet: FacetKey): number {
  return datasets.filter((dataset) => matchesChoice(dataset, choice, facet)).length;
}
