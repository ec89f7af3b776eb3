// The catalogue's search and facet choices live in the address (?q=…&theme=…), so a search can be
// bookmarked, shared and gone back to.
import { useSearchParams } from 'react-router-dom';
import { FACET_KEYS, type FacetChoice, type FacetKey } from './catalogueFacets.ts';

export interface CatalogueSearch {
  text: string;
  /** A keyword as listed (from a dataset's page), searched by the gateway like the words. */
  keyword: string | null;
  choice: FacetChoice;
  setText: (text: string) => void;
  dropKeyword: () => void;
  choose: (facet: FacetKey, value: string | null) => void;
  clear: () => void;
}

export function useCatalogueSearch(): CatalogueSearch {
  const [params, setParams] = useSearchParams();
  const choice = Object.fromEntries(FACET_KEYS.map((facet) => [facet, params.get(facet) || null])) as FacetChoice;
  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  };
  return {
    text: params.get('q') ?? '',
    keyword: params.get('keyword') || null,
    choice,
    setText: (text) => update((next) => (text.trim() ? next.set('q', text.trim()) : next.delete('q'))),
    dropKeyword: () => update((next) => next.delete('keyword')),
    choose: (facet, value) => update((next) => (value ? next.set(facet, value) : next.delete(facet))),
    clear: () => setParams(new URLSearchParams()),
  };
}
