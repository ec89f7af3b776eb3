// The DCAT-AP 3 graph of the catalogue, on plain objects: it conforms to the project's shapes with no
// violation and no warning, the shapes catch a broken dataset, Turtle and JSON-LD carry the same graph,
// and Hydra names the pages.
import type { Quad } from 'n3';
import { describe, expect, it } from 'vitest';
import { PUBLIC_URL, datasetAnswer, sampleDatasets } from '../../../test/openData/feedsFixtures.ts';
import { parseJsonLd, parseTurtle, validateDcat } from '../../../test/openData/feedsRdf.ts';
import { isomorphic } from 'rdf-isomorphic';
import { catalogGraph, catalogPage, projectNamespace } from './dcatGraph.ts';
import { toJsonLd, toTurtle } from './dcatSerialisations.ts';

const about = { publicUrl: PUBLIC_URL, operator: { code: 'so-khoa-hoc-cong-nghe', name: 'Sở Khoa học và Công nghệ' }, modified: '2026-11-20T08:00:00.000Z' };
const published = sampleDatasets().filter((dataset) => dataset.status === 'PUBLISHED');
const graph = (datasets = published, number = 1, size = 50) => catalogGraph(catalogPage(datasets, number, size)!, about);
const objectsOf = (quads: Quad[], subject: string, predicate: string) =>
  quads.filter((quad) => quad.subject.value === subject && quad.predicate.value === predicate).map((quad) => quad.object.value);

describe('the DCAT-AP 3 catalogue graph', () => {
  it('conforms to the project’s shapes with no violation and no warning', async () => {
    expect(await validateDcat(graph())).toEqual([]);
  });

  it('gives a dataset without a title a violation, and one without keywords or distributions warnings', async () => {
    const quads = graph().filter(
      (quad) => !(quad.subject.value === `${PUBLIC_URL}/open-data/datasets/enterprises` && ['http://purl.org/dc/terms/title', 'http://www.w3.org/ns/dcat#keyword', 'http://www.w3.org/ns/dcat#distribution'].includes(quad.predicate.value)),
    );
    const findings = await validateDcat(quads);
    expect(findings.map(({ severity, focusNode, path }) => ({ severity, focusNode, path })).sort((a, b) => (a.path! < b.path! ? -1 : 1))).toEqual([
      { severity: 'Violation', focusNode: `${PUBLIC_URL}/open-data/datasets/enterprises`, path: 'http://purl.org/dc/terms/title' },
      { severity: 'Warning', focusNode: `${PUBLIC_URL}/open-data/datasets/enterprises`, path: 'http://www.w3.org/ns/dcat#distribution' },
      { severity: 'Warning', focusNode: `${PUBLIC_URL}/open-data/datasets/enterprises`, path: 'http://www.w3.org/ns/dcat#keyword' },
    ]);
  });

  it('gives a distribution without an access URL and a catalogue without a publisher violations', async () => {
    const quads = graph().filter(
      (quad) => quad.predicate.value !== 'http://www.w3.org/ns/dcat#accessURL' && !(quad.subject.value === `${PUBLIC_URL}/open-data/catalog` && quad.predicate.value === 'http://purl.org/dc/terms/publisher'),
    );
    const findings = await validateDcat(quads);
    expect(new Set(findings.map((finding) => `${finding.severity} ${finding.path}`))).toEqual(
      new Set(['Violation http://www.w3.org/ns/dcat#accessURL', 'Violation http://purl.org/dc/terms/publisher']),
    );
  });

  it('says the data’s last change in dct:modified, not the metadata’s, with frequency, themes and freshness from their vocabularies', () => {
    const quads = graph();
    const dataset = `${PUBLIC_URL}/open-data/datasets/enterprises`;
    expect(objectsOf(quads, dataset, 'http://purl.org/dc/terms/modified')).toEqual(['2026-11-10T00:00:00.000Z']);
    expect(objectsOf(quads, dataset, 'http://purl.org/dc/terms/accrualPeriodicity')).toEqual(['http://publications.europa.eu/resource/authority/frequency/MONTHLY']);
    expect(objectsOf(quads, dataset, 'http://www.w3.org/ns/dcat#theme')).toEqual(['http://publications.europa.eu/resource/authority/data-theme/ECON']);
    expect(objectsOf(quads, dataset, `${projectNamespace(PUBLIC_URL)}freshness`)).toEqual(['FRESH']);
    expect(objectsOf(quads, `${dataset}#csv`, 'http://www.w3.org/ns/dcat#downloadURL')).toEqual([`${PUBLIC_URL}/open-data/datasets/enterprises.csv`]);
    expect(objectsOf(quads, `${dataset}#csv`, 'http://www.w3.org/ns/dcat#mediaType')).toEqual(['https://www.iana.org/assignments/media-types/text/csv']);
  });

  it('is the same graph in Turtle and in JSON-LD', async () => {
    const quads = graph();
    const prefixes = { od: projectNamespace(PUBLIC_URL) };
    const fromTurtle = parseTurtle(await toTurtle(quads, prefixes));
    const fromJsonLd = await parseJsonLd(JSON.stringify(toJsonLd(quads, prefixes)));
    expect(fromTurtle).toHaveLength(quads.length);
    expect(isomorphic(fromTurtle, fromJsonLd)).toBe(true);
    expect(isomorphic(fromTurtle, quads)).toBe(true);
  });

  it('names its pages with Hydra: first, previous, next and last, and lists only the page’s datasets', () => {
    const many = Array.from({ length: 5 }, (_, index) => datasetAnswer({ id: `set-${index}` }));
    const quads = graph(many, 2, 2);
    const view = `${PUBLIC_URL}/open-data/catalog?page=2`;
    expect(objectsOf(quads, view, 'http://www.w3.org/ns/hydra/core#first')).toEqual([`${PUBLIC_URL}/open-data/catalog?page=1`]);
    expect(objectsOf(quads, view, 'http://www.w3.org/ns/hydra/core#previous')).toEqual([`${PUBLIC_URL}/open-data/catalog?page=1`]);
    expect(objectsOf(quads, view, 'http://www.w3.org/ns/hydra/core#next')).toEqual([`${PUBLIC_URL}/open-data/catalog?page=3`]);
    expect(objectsOf(quads, view, 'http://www.w3.org/ns/hydra/core#last')).toEqual([`${PUBLIC_URL}/open-data/catalog?page=3`]);
    expect(objectsOf(quads, `${PUBLIC_URL}/open-data/catalog`, 'http://www.w3.org/ns/dcat#dataset')).toEqual([`${PUBLIC_URL}/open-data/datasets/set-2`, `${PUBLIC_URL}/open-data/datasets/set-3`]);
    expect(catalogPage(many, 4, 2)).toBeNull();
    expect(catalogPage([], 1)).toMatchObject({ number: 1, last: 1, datasets: [] });
  });
});
