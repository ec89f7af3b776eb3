// package_search over the packages in memory (the list holds hundreds of datasets at most: one read of
// all of them per request, then matching, faceting and sorting here costs less than one more query).
// The subset of CKAN's Solr syntax clients use: `q` free text (every word must appear, accents ignored,
// `*:*` everything) and `field:value` clauses in `q` or `fq` (`organization:`, `tags:`, `res_format:`,
// `groups:`, `license_id:`, `name:`; a value "quoted" or (a OR b); `-` before a clause excludes);
// `rows` (default 10, at most 1000), `start`, `sort` (`score`, `metadata_modified`, `name`, `title_string`,
// each `asc` or `desc`, comma-separated), `facet.field` with `facet.limit` (default 50, negative: all).
import { THEME_LABELS, type CkanPackage } from './ckanPackage.ts';

export class CkanError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export const FACET_FIELDS = ['organization', 'tags', 'res_format', 'groups', 'license_id'] as const;
type FacetField = (typeof FACET_FIELDS)[number];
const FILTER_FIELDS = new Set<string>([...FACET_FIELDS, 'name', 'id']);
export const MAX_ROWS = 1000;
const DEFAULT_SORT = 'score desc, metadata_modified desc';

/** Lower case without accents (Vietnamese đ as d): "Dân số" matches "dan so". */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
}

function valuesOf(pkg: CkanPackage, field: string): string[] {
  switch (field) {
    case 'organization':
      return [pkg.organization.name];
    case 'tags':
      return pkg.tags.map((tag) => tag.name);
    case 'res_format':
      return pkg.resources.map((resource) => resource.format);
    case 'groups':
      return pkg.groups.map((group) => group.name);
    case 'license_id':
      return [pkg.license_id];
    default:
      return [pkg.name];
  }
}

interface Clause {
  field: string;
  values: string[];
  negated: boolean;
}

const CLAUSE = /([+-]?)([A-Za-z_]+):("(?:[^"\\]|\\.)*"|\([^)]*\)|[^\s"()]+)/g;

function unquoted(value: string): string {
  return value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}

/** Field clauses and the free text left over, from a q or fq string. */
export function parseQuery(text: string, parameter: 'q' | 'fq'): { clauses: Clause[]; words: string[] } {
  const clauses: Clause[] = [];
  const rest = text.replace(CLAUSE, (_whole, sign: string, field: string, raw: string) => {
    if (!FILTER_FIELDS.has(field)) throw new CkanError(409, 'Search Query Error', `Search Query is invalid: ${parameter} may filter on ${[...FILTER_FIELDS].join(', ')}, not "${field}"`);
    const values = raw.startsWith('(') ? raw.slice(1, -1).split(/\s+OR\s+/).map((value) => unquoted(value.trim())).filter(Boolean) : [unquoted(raw)];
    clauses.push({ field, values, negated: sign === '-' });
    return ' ';
  });
  const words = rest
    .split(/\s+/)
    .filter((word) => word && word !== 'AND' && word !== '*:*');
  if (parameter === 'fq' && words.length) throw new CkanError(409, 'Search Query Error', `Search Query is invalid: fq takes field:value clauses, not "${words[0]}"`);
  return { clauses, words: words.map(folded) };
}

function matchesClause(pkg: CkanPackage, clause: Clause): boolean {
  const have = valuesOf(pkg, clause.field).map(folded);
  const hit = clause.values.some((value) => have.includes(folded(value)));
  return clause.negated ? !hit : hit;
}

/** The words of a text, folded: a query word matches a whole word, never part of one ("dan" is not in "danh"). */
function wordsOf(text: string): Set<string> {
  return new Set(folded(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

/** How well the words match: a word in the title counts 3, in a tag 2, elsewhere 1; 0 when a word is missing. */
function scoreOf(pkg: CkanPackage, words: readonly string[]): number {
  if (words.length === 0) return 1;
  const extra = (key: string) => pkg.extras.find((entry) => entry.key === key)?.value ?? '';
  const title = wordsOf(`${pkg.title} ${extra('title_en')}`);
  const tags = wordsOf(pkg.tags.map((tag) => tag.name).join(' '));
  const rest = wordsOf(`${pkg.name} ${pkg.notes} ${extra('notes_en')} ${pkg.organization.title}`);
  let score = 0;
  for (const word of words) {
    const found = (title.has(word) ? 3 : 0) + (tags.has(word) ? 2 : 0) + (rest.has(word) ? 1 : 0);
    if (found === 0) return 0;
    score += found;
  }
  return score;
}

type SortKey = { field: 'score' | 'metadata_modified' | 'name' | 'title_string'; descending: boolean };

export function parseSort(text: string): SortKey[] {
  return text.split(',').map((part) => {
    const [field, direction = 'asc', ...more] = part.trim().split(/\s+/);
    const known = ['score', 'metadata_modified', 'name', 'title_string'];
    if (!known.includes(field) || !['asc', 'desc'].includes(direction) || more.length) {
      throw new CkanError(409, 'Search Query Error', `Search Query is invalid: sort by ${known.join(', ')}, each asc or desc (e.g. "metadata_modified desc"), not "${part.trim()}"`);
    }
    return { field: field as SortKey['field'], descending: direction === 'desc' };
  });
}

/** The parameters as a GET query or a POST body gives them (CKAN takes both; ckanapi posts JSON). */
export type SearchParameters = Record<string, unknown>;

function integer(parameters: SearchParameters, name: string, fallback: number, min: number): number {
  const raw = parameters[name];
  if (raw === undefined || raw === '') return fallback;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value)) throw new CkanError(409, 'Validation Error', `${name}: Invalid integer`, { [name]: ['Invalid integer'] });
  if (value < min) throw new CkanError(409, 'Validation Error', `${name}: Must be ${min} or higher`, { [name]: [`Must be a natural number${min ? ' greater than zero' : ''}`] });
  return value;
}

function text(parameters: SearchParameters, name: string): string {
  const raw = parameters[name];
  if (raw === undefined || raw === null) return '';
  if (Array.isArray(raw)) return raw.map(String).join(' ');
  if (typeof raw !== 'string') throw new CkanError(409, 'Validation Error', `${name}: must be a string`, { [name]: ['Must be a string'] });
  return raw;
}

function facetFields(parameters: SearchParameters): FacetField[] {
  const raw = parameters['facet.field'];
  if (raw === undefined || raw === '') return [];
  let list: unknown = raw;
  if (typeof raw === 'string') {
    try {
      list = JSON.parse(raw);
    } catch {
      list = [raw];
    }
  }
  if (!Array.isArray(list) || !list.every((field) => typeof field === 'string')) {
    throw new CkanError(409, 'Validation Error', 'facet.field: a JSON list of field names, e.g. ["organization","tags"]', { 'facet.field': ['Must be a list of strings'] });
  }
  for (const field of list) {
    if (!(FACET_FIELDS as readonly string[]).includes(field)) throw new CkanError(409, 'Search Query Error', `Search Query is invalid: facets on ${FACET_FIELDS.join(', ')}, not "${field}"`);
  }
  return list as FacetField[];
}

export interface SearchResult {
  count: number;
  sort: string;
  results: CkanPackage[];
  facets: Record<string, Record<string, number>>;
  search_facets: Record<string, { title: string; items: Array<{ name: string; display_name: string; count: number }> }>;
}

function displayName(field: FacetField, value: string, packages: readonly CkanPackage[]): string {
  if (field === 'organization') return packages.find((pkg) => pkg.organization.name === value)?.organization.title ?? value;
  if (field === 'groups') return THEME_LABELS[value.toUpperCase()] ?? value;
  if (field === 'license_id') return packages.find((pkg) => pkg.license_id === value)?.license_title ?? value;
  return value;
}

export function searchPackages(packages: readonly CkanPackage[], parameters: SearchParameters): SearchResult {
  const rows = integer(parameters, 'rows', 10, 0);
  if (rows > MAX_ROWS) throw new CkanError(409, 'Validation Error', `rows: Must be ${MAX_ROWS} or lower`, { rows: [`Must be less than or equal to ${MAX_ROWS}`] });
  const start = integer(parameters, 'start', 0, 0);
  const sortText = text(parameters, 'sort') || DEFAULT_SORT;
  const sort = parseSort(sortText);
  const q = parseQuery(text(parameters, 'q'), 'q');
  const fq = parseQuery(text(parameters, 'fq'), 'fq');
  const fields = facetFields(parameters);
  const facetLimit = integer(parameters, 'facet.limit', 50, Number.MIN_SAFE_INTEGER);
  const clauses = [...q.clauses, ...fq.clauses];

  const matched = packages
    .filter((pkg) => clauses.every((clause) => matchesClause(pkg, clause)))
    .map((pkg) => ({ pkg, score: scoreOf(pkg, q.words) }))
    .filter((entry) => entry.score > 0);
  const keyOf = (entry: { pkg: CkanPackage; score: number }, field: SortKey['field']): number | string =>
    field === 'score' ? entry.score : field === 'metadata_modified' ? entry.pkg.metadata_modified : field === 'name' ? entry.pkg.name : folded(entry.pkg.title);
  matched.sort((a, b) => {
    for (const key of sort) {
      const [x, y] = [keyOf(a, key.field), keyOf(b, key.field)];
      if (x !== y) return (x < y ? -1 : 1) * (key.descending ? -1 : 1);
    }
    return a.pkg.name < b.pkg.name ? -1 : a.pkg.name > b.pkg.name ? 1 : 0;
  });

  const facets: SearchResult['facets'] = {};
  const searchFacets: SearchResult['search_facets'] = {};
  for (const field of fields) {
    const counts = new Map<string, number>();
    for (const { pkg } of matched) for (const value of new Set(valuesOf(pkg, field))) counts.set(value, (counts.get(value) ?? 0) + 1);
    const ordered = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const kept = facetLimit < 0 ? ordered : ordered.slice(0, facetLimit);
    facets[field] = Object.fromEntries(kept);
    searchFacets[field] = { title: field, items: kept.map(([name, count]) => ({ name, display_name: displayName(field, name, packages), count })) };
  }
  return { count: matched.length, sort: sortText, results: matched.slice(start, start + rows).map((entry) => entry.pkg), facets, search_facets: searchFacets };
}
