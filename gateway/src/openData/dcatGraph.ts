// The open-data catalogue as a DCAT-AP 3 graph (RDF quads), one page at a time: the dcat:Catalog (title,
// description, publisher, homepage, dct:modified, the page's datasets), each dcat:Dataset (title and
// description in vi and en, identifier, publisher as a foaf:Agent, keywords, EU data themes, spatial
// coverage, temporal coverage as a dct:PeriodOfTime, EU frequency, dct:modified of the DATA, contact point,
// distributions) and each dcat:Distribution (access and download URL, IANA media type, EU file type,
// licence), the datasets' and the list's freshness in the project's own namespace, and Hydra paging (DCAT-AP's paging guidance).
// Both serialisations (dcatSerialisations.ts) write this one graph.
import { DataFactory, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import type { OpenDataListReviewAnswer, OpenDatasetAnswer } from './openDataAnswers.ts';

const { namedNode, literal, blankNode, quad } = DataFactory;

export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** The project's own terms (freshness, status, next update due), under the gateway's public URL. */
export const projectNamespace = (publicUrl: string): string => `${publicUrl}/open-data/ns#`;

const EU = 'http://publications.europa.eu/resource/authority/';
const IANA = 'https://www.iana.org/assignments/media-types/';
/** SPDX ids of the list as the EU licence vocabulary names them; another licence is named by its own URL. */
const EU_LICENCES: Record<string, string> = {
  'CC-BY-4.0': 'CC_BY_4_0',
  'CC-BY-SA-4.0': 'CC_BY_SA_4_0',
  'CC0-1.0': 'CC0',
  'ODbL-1.0': 'ODC_BL',
  'PDDL-1.0': 'ODC_PDDL',
};

/** What each file is, in Vietnamese and English. */
const DISTRIBUTION_DESCRIPTIONS: Record<string, [string, string]> = {
  CSV: ['CSV (RFC 4180), UTF-8, dòng đầu là tên cột', 'CSV (RFC 4180), UTF-8, a header row of column names'],
  JSON: ['JSON, UTF-8, một mảng đối tượng theo tên cột', 'JSON, UTF-8, an array of objects keyed by column name'],
};

/** Datasets per page of the catalogue. */
export const CATALOG_PAGE_SIZE = 50;

export interface CatalogPage {
  /** 1-based. */
  number: number;
  /** At least 1: an empty catalogue has one empty page. */
  last: number;
  datasets: OpenDatasetAnswer[];
  totalItems: number;
}

/** The page asked for, or null when there is no such page (the route answers 404). */
export function catalogPage(datasets: readonly OpenDatasetAnswer[], number: number, size = CATALOG_PAGE_SIZE): CatalogPage | null {
  const last = Math.max(1, Math.ceil(datasets.length / size));
  if (!Number.isInteger(number) || number < 1 || number > last) return null;
  return { number, last, datasets: datasets.slice((number - 1) * size, number * size), totalItems: datasets.length };
}

export interface CatalogDescription {
  publicUrl: string;
  /** The operator of the portal (agency code and name): the catalogue's publisher. */
  operator: { code: string; name: string };
  /** The latest change of any dataset's data or metadata: the catalogue's dct:modified. */
  modified: string;
  /** The list's last review, said in the project's namespace. */
  review?: OpenDataListReviewAnswer;
  /** Publishers' focal points by agency code, as far as the caller may read them (none without a token). */
  focalPoints?: ReadonlyMap<string, FocalPointAnswer>;
}

export interface FocalPointAnswer {
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
}

/** The IRIs the catalogue mints, all under the gateway's public URL. */
export const catalogIris = (publicUrl: string) => ({
  catalog: `${publicUrl}/open-data/catalog`,
  page: (number: number) => `${publicUrl}/open-data/catalog?page=${number}`,
  dataset: (id: string) => `${publicUrl}/open-data/datasets/${id}`,
  distribution: (id: string, format: string) => `${publicUrl}/open-data/datasets/${id}#${format.toLowerCase()}`,
  agent: (code: string) => `${publicUrl}/open-data/publishers/${code}`,
  location: (code: string) => `${publicUrl}/open-data/administrative-units/${code}`,
});

export function catalogGraph(page: CatalogPage, about: CatalogDescription): Quad[] {
  const quads: Quad[] = [];
  const iri = catalogIris(about.publicUrl);
  const od = projectNamespace(about.publicUrl);
  const term = (curie: string) => {
    const [prefix, local] = curie.split(':') as [keyof typeof PREFIXES | 'od', string];
    return namedNode(prefix === 'od' ? `${od}${local}` : `${PREFIXES[prefix]}${local}`);
  };
  const add = (subject: Quad_Subject, predicate: string, object: Quad_Object) => quads.push(quad(subject, term(predicate), object));
  const text = (value: string, language?: string) => literal(value, language);
  const typed = (value: string, datatype: string) => literal(value, term(datatype));
  const a = (subject: Quad_Subject, type: string) => add(subject, 'rdf:type', term(type));
  const agents = new Map<string, string>();
  const agent = (code: string, name: string) => {
    const node = namedNode(iri.agent(code));
    if (!agents.has(code)) {
      agents.set(code, name);
      a(node, 'foaf:Agent');
      add(node, 'foaf:name', text(name, 'vi'));
      add(node, 'dct:identifier', text(code));
    }
    return node;
  };

  const catalog = namedNode(iri.catalog);
  a(catalog, 'dcat:Catalog');
  a(catalog, 'hydra:Collection');
  add(catalog, 'dct:title', text(`Dữ liệu mở — ${about.operator.name}`, 'vi'));
  add(catalog, 'dct:title', text(`Open data — ${about.operator.name}`, 'en'));
  add(catalog, 'dct:description', text('Danh mục dữ liệu mở của tỉnh: các bộ dữ liệu các cơ quan nhà nước công bố để mọi người sử dụng tự do.', 'vi'));
  add(catalog, 'dct:description', text('The province’s open-data catalogue: the datasets state agencies publish for anyone to use freely.', 'en'));
  add(catalog, 'dct:publisher', agent(about.operator.code, about.operator.name));
  add(catalog, 'foaf:homepage', namedNode(`${about.publicUrl}/`));
  // Titles, descriptions and keywords are in Vietnamese and English (EU language authority table).
  add(catalog, 'dct:language', namedNode(`${EU}language/VIE`));
  add(catalog, 'dct:language', namedNode(`${EU}language/ENG`));
  add(catalog, 'dct:modified', typed(about.modified, 'xsd:dateTime'));
  add(catalog, 'hydra:totalItems', typed(String(page.totalItems), 'xsd:nonNegativeInteger'));
  if (about.review) {
    // The list is reviewed at least every 6 months (Thái Bình QĐ 10/2021 Đ6.3): when, and whether that is still so.
    add(catalog, 'od:listReviewedOn', typed(about.review.reviewedOn, 'xsd:date'));
    add(catalog, 'od:listFreshness', text(about.review.freshness));
    add(catalog, 'od:listNextReviewDue', typed(about.review.nextReviewDue.slice(0, 10), 'xsd:date'));
  }

  const view = namedNode(iri.page(page.number));
  add(catalog, 'hydra:view', view);
  a(view, 'hydra:PartialCollectionView');
  add(view, 'hydra:first', namedNode(iri.page(1)));
  add(view, 'hydra:last', namedNode(iri.page(page.last)));
  if (page.number > 1) add(view, 'hydra:previous', namedNode(iri.page(page.number - 1)));
  if (page.number < page.last) add(view, 'hydra:next', namedNode(iri.page(page.number + 1)));

  for (const dataset of page.datasets) {
    const node = namedNode(iri.dataset(dataset.id));
    add(catalog, 'dcat:dataset', node);
    a(node, 'dcat:Dataset');
    add(node, 'dct:identifier', text(dataset.id));
    add(node, 'dct:title', text(dataset.title, 'vi'));
    add(node, 'dct:title', text(dataset.titleEn, 'en'));
    add(node, 'dct:description', text(dataset.description, 'vi'));
    add(node, 'dct:description', text(dataset.descriptionEn, 'en'));
    add(node, 'dct:publisher', agent(dataset.publisher, dataset.publisherName));
    for (const keyword of dataset.keywords) add(node, 'dcat:keyword', text(keyword, 'vi'));
    for (const keyword of dataset.keywordsEn) add(node, 'dcat:keyword', text(keyword, 'en'));
    for (const theme of dataset.themes) add(node, 'dcat:theme', namedNode(`${EU}data-theme/${theme}`));
    for (const code of dataset.spatial) {
      const location = namedNode(iri.location(code));
      add(node, 'dct:spatial', location);
      a(location, 'dct:Location');
      add(location, 'dct:identifier', text(code));
    }
    const period = blankNode(`period-${dataset.id}`);
    add(node, 'dct:temporal', period);
    a(period, 'dct:PeriodOfTime');
    add(period, 'dcat:startDate', typed(dataset.temporalStart, 'xsd:date'));
    if (dataset.temporalEnd) add(period, 'dcat:endDate', typed(dataset.temporalEnd, 'xsd:date'));
    add(node, 'dct:accrualPeriodicity', namedNode(`${EU}frequency/${dataset.frequency}`));
    // dct:modified is when the published DATA last changed; a metadata edit does not move it.
    if (dataset.dataModifiedAt) add(node, 'dct:modified', typed(new Date(dataset.dataModifiedAt).toISOString(), 'xsd:dateTime'));
    add(node, 'od:freshness', text(dataset.freshness));
    add(node, 'od:status', text(dataset.status));
    if (dataset.nextUpdateDue) add(node, 'od:nextUpdateDue', typed(dataset.nextUpdateDue.slice(0, 10), 'xsd:date'));

    // The publisher's focal point as far as the caller may see it (agency directory policies): its name and
    // title to a signed-in caller, its work e-mail and phone to state agencies; to anyone else the agency.
    const contact = blankNode(`contact-${dataset.id}`);
    const focalPoint = about.focalPoints?.get(dataset.publisher);
    add(node, 'dcat:contactPoint', contact);
    if (focalPoint) {
      a(contact, 'vcard:Individual');
      add(contact, 'vcard:fn', text(focalPoint.name));
      add(contact, 'vcard:title', text(focalPoint.role, 'vi'));
      add(contact, 'vcard:organization-name', text(dataset.publisherName, 'vi'));
      if (focalPoint.email) add(contact, 'vcard:hasEmail', namedNode(`mailto:${focalPoint.email}`));
      if (focalPoint.phone) add(contact, 'vcard:hasTelephone', namedNode(`tel:${focalPoint.phone.replace(/[^\d+]/g, '')}`));
    } else {
      a(contact, 'vcard:Organization');
      add(contact, 'vcard:fn', text(dataset.publisherName, 'vi'));
    }
    add(contact, 'vcard:hasURL', namedNode(`${about.publicUrl}/api/3/action/organization_show?id=${encodeURIComponent(dataset.publisher)}`));

    const licence = namedNode(EU_LICENCES[dataset.licence] ? `${EU}licence/${EU_LICENCES[dataset.licence]}` : dataset.licenceUrl);
    for (const distribution of dataset.distributions) {
      const format = distribution.format.toUpperCase();
      const part = namedNode(iri.distribution(dataset.id, format));
      const url = namedNode(`${about.publicUrl}${distribution.downloadPath}`);
      add(node, 'dcat:distribution', part);
      a(part, 'dcat:Distribution');
      add(part, 'dct:title', text(`${dataset.title} (${format})`, 'vi'));
      add(part, 'dct:title', text(`${dataset.titleEn} (${format})`, 'en'));
      const [vi, en] = DISTRIBUTION_DESCRIPTIONS[format] ?? [`${format}, UTF-8`, `${format}, UTF-8`];
      add(part, 'dct:description', text(`${vi}; phiên bản hiện hành của bộ dữ liệu.`, 'vi'));
      add(part, 'dct:description', text(`${en}; the dataset's current version.`, 'en'));
      add(part, 'dcat:accessURL', url);
      add(part, 'dcat:downloadURL', url);
      add(part, 'dcat:mediaType', namedNode(`${IANA}${distribution.mediaType.split(';')[0].trim()}`));
      add(part, 'dct:format', namedNode(`${EU}file-type/${format}`));
      add(part, 'dct:license', licence);
      if (dataset.dataModifiedAt) add(part, 'dct:modified', typed(new Date(dataset.dataModifiedAt).toISOString(), 'xsd:dateTime'));
    }
    a(licence, 'dct:LicenseDocument');
  }
  return dedupe(quads);
}

/** The same licence document typed once per dataset: one triple in a graph, one line in a file. */
function dedupe(quads: Quad[]): Quad[] {
  const seen = new Set<string>();
  return quads.filter((entry) => {
    const key = `${entry.subject.id} ${entry.predicate.id} ${entry.object.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
