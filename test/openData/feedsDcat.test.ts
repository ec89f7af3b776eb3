// The national portal's harvester reading the DCAT-AP 3 catalogue without a token: JSON-LD and Turtle
// describe the same graph, the seeded catalogue meets the project's shapes with no violation and no
// warning, dct:modified is the data's, and the pages are named with Hydra.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isomorphic } from 'rdf-isomorphic';
import type { Quad } from 'n3';
import { config } from '../../shared/config/config.ts';
import { AGENCIES } from '../../shared/catalogue/platformCatalogue.ts';
import { getStack, query, tokenFor } from '../support/stack.ts';
import { parseJsonLd, parseTurtle, validateDcat } from './feedsRdf.ts';
import { openDataFixture } from './feedsPublish.ts';

const publicUrl = config.publicGatewayUrl;
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const fixture = openDataFixture();
let base: string;
/** The datasets published now (other test files publish too), by id. */
let publishedIds: string[];

async function feed(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

const objectsOf = (quads: Quad[], subject: string, predicate: string) =>
  quads.filter((quad) => quad.subject.value === subject && quad.predicate.value === predicate).map((quad) => quad.object.value).sort();

beforeAll(async () => {
  base = (await getStack()).gateway.url;
  await fixture.publish('enterprises', ['enterprise_code', 'name', 'address', 'status', 'sector', 'registered_on'], [['3300100001', 'Công ty TNHH Phố Hiến', 'Hưng Yên', 'ACTIVE', '4620', '2012-03-04']], new Date('2026-11-02T03:04:05.678Z'));
  await fixture.publish('administrative-units', ['code'], [['33']], new Date('2026-10-01T00:00:00.000Z'));
  await fixture.publish('land-area-by-purpose-commune', ['unit_code', 'purpose', 'area_ha'], [['33001', 'LUA', '12.5']]);
  await fixture.withdraw('land-area-by-purpose-commune', 'Số liệu sai đơn vị');
  await fixture.neverPublished('civil-events-by-month-commune');
  const answer = await query(null, '{ openDatasets(first: 100) { nodes { id status } } }');
  publishedIds = answer.body.data.openDatasets.nodes.filter((node: { status: string }) => node.status === 'PUBLISHED').map((node: { id: string }) => node.id).sort();
});

afterAll(async () => {
  await fixture.restore();
});

describe('a harvester reading the DCAT-AP 3 catalogue', () => {
  it('gets JSON-LD and Turtle that describe the same graph', async () => {
    const jsonld = await feed('/open-data/catalog.jsonld');
    const turtle = await feed('/open-data/catalog.ttl');
    expect([jsonld.status, jsonld.type]).toEqual([200, 'application/ld+json; charset=utf-8']);
    expect([turtle.status, turtle.type]).toEqual([200, 'text/turtle; charset=utf-8']);
    const fromJsonLd = await parseJsonLd(jsonld.text);
    const fromTurtle = parseTurtle(turtle.text);
    expect(fromTurtle.length).toBeGreaterThan(50);
    expect(isomorphic(fromJsonLd, fromTurtle)).toBe(true);
  });

  it('finds no violation and no warning against the project’s DCAT-AP 3 shapes', async () => {
    const quads = parseTurtle((await feed('/open-data/catalog.ttl')).text);
    expect(await validateDcat(quads)).toEqual([]);
  });

  it('lists the published datasets, with the data’s last change, frequency, freshness and absolute download URLs; not a withdrawn or unpublished one', async () => {
    const quads = parseTurtle((await feed('/open-data/catalog.ttl')).text);
    const catalog = `${publicUrl}/open-data/catalog`;
    const enterprises = `${publicUrl}/open-data/datasets/enterprises`;
    expect(publishedIds).toEqual(expect.arrayContaining(['administrative-units', 'enterprises']));
    expect(publishedIds).not.toContain('land-area-by-purpose-commune');
    expect(publishedIds).not.toContain('civil-events-by-month-commune');
    expect(objectsOf(quads, catalog, `${DCAT}dataset`)).toEqual(publishedIds.map((id) => `${publicUrl}/open-data/datasets/${id}`).sort());
    expect(objectsOf(quads, enterprises, `${DCT}modified`)).toEqual(['2026-11-02T03:04:05.678Z']);
    expect(objectsOf(quads, enterprises, `${DCT}accrualPeriodicity`)).toEqual(['http://publications.europa.eu/resource/authority/frequency/MONTHLY']);
    expect(objectsOf(quads, enterprises, `${publicUrl}/open-data/ns#freshness`)).toHaveLength(1);
    expect(objectsOf(quads, `${enterprises}#json`, `${DCAT}downloadURL`)).toEqual([`${publicUrl}/open-data/datasets/enterprises.json`]);
    expect(objectsOf(quads, `${enterprises}#json`, `${DCAT}mediaType`)).toEqual(['https://www.iana.org/assignments/media-types/application/json']);
    expect(objectsOf(quads, `${enterprises}#json`, `${DCT}format`)).toEqual(['http://publications.europa.eu/resource/authority/file-type/JSON']);
  });

  it('names the publisher as contact point to a caller without a token, and its focal point with direct lines to a state agency’s officer', async () => {
    const finance = AGENCIES.find((agency) => agency.code === 'so-tai-chinh')!;
    const [name, role, phone, email] = finance.focalPoint;
    const contactOf = (quads: Quad[]) => {
      const [contact] = quads.filter((quad) => quad.subject.value === `${publicUrl}/open-data/datasets/enterprises` && quad.predicate.value === `${DCAT}contactPoint`);
      const about = quads.filter((quad) => quad.subject.equals(contact.object));
      return Object.fromEntries(about.map((quad) => [quad.predicate.value.split(/[#/]/).pop(), quad.object.value]));
    };
    const anonymousView = contactOf(parseTurtle((await feed('/open-data/catalog.ttl')).text));
    expect(anonymousView).toEqual({ type: `${VCARD}Organization`, fn: finance.name, hasURL: `${publicUrl}/api/3/action/organization_show?id=so-tai-chinh` });
    const officer = tokenFor({ role: 'officer', agency: 'so-tu-phap' });
    const officerQuads = parseTurtle((await feed('/open-data/catalog.ttl', { authorization: `Bearer ${officer}` })).text);
    expect(contactOf(officerQuads)).toEqual({
      type: `${VCARD}Individual`,
      fn: name,
      title: role,
      'organization-name': finance.name,
      hasEmail: `mailto:${email}`,
      hasTelephone: `tel:${phone.replace(/[^\d+]/g, '')}`,
      hasURL: `${publicUrl}/api/3/action/organization_show?id=so-tai-chinh`,
    });
    expect(await validateDcat(officerQuads)).toEqual([]);
  });

  it('says when the list was last reviewed and whether the review is current', async () => {
    const quads = parseTurtle((await feed('/open-data/catalog.ttl')).text);
    const review = (await query(null, '{ openDataList { reviewedOn freshness } }')).body.data.openDataList;
    const catalog = `${publicUrl}/open-data/catalog`;
    expect(objectsOf(quads, catalog, `${publicUrl}/open-data/ns#listReviewedOn`)).toEqual([review.reviewedOn]);
    expect(objectsOf(quads, catalog, `${publicUrl}/open-data/ns#listFreshness`)).toEqual([review.freshness]);
  });

  it('names its one page with Hydra, answers the same by content negotiation, 404 past the last page and 400 for a bad page', async () => {
    const quads = await parseJsonLd((await feed('/open-data/catalog.jsonld?page=1')).text);
    const view = `${publicUrl}/open-data/catalog?page=1`;
    expect(objectsOf(quads, `${publicUrl}/open-data/catalog`, `${HYDRA}view`)).toEqual([view]);
    expect(objectsOf(quads, view, `${HYDRA}first`)).toEqual([view]);
    expect(objectsOf(quads, view, `${HYDRA}last`)).toEqual([view]);
    expect(objectsOf(quads, view, `${HYDRA}next`)).toEqual([]);
    const negotiated = await feed('/open-data/catalog', { accept: 'text/turtle' });
    expect(negotiated.type).toBe('text/turtle; charset=utf-8');
    expect(isomorphic(parseTurtle(negotiated.text), quads)).toBe(true);
    const past = await feed('/open-data/catalog.ttl?page=2');
    expect(past.status).toBe(404);
    expect(JSON.parse(past.text).errors[0].extensions.code).toBe('NOT_FOUND');
    const bad = await feed('/open-data/catalog.ttl?page=zero');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
