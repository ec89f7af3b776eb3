// GET /open-data/catalog.jsonld and /open-data/catalog.ttl (and /open-data/catalog, by the Accept
// header): the DCAT-AP 3 catalogue, ?page=N (1-based, 50 datasets a page; Hydra first/previous/next/last
// name the pages as /open-data/catalog?page=N, one name for both serialisations). Built from one GraphQL
// read of the list as the caller. It describes the datasets whose files are served (PUBLISHED): a
// withdrawn dataset leaves the catalogue, so harvesters drop it, and one never published has nothing to
// harvest yet (CKAN's package_show still shows both, with their status). A signed-in caller also gets the
// publishers' focal points as contact points, as far as the agency directory's policies let them see.
import type { Request, Response } from 'express';
import { isAnonymous } from '../../../shared/auth/Principal.ts';
import type { ApolloServer } from '@apollo/server';
import { errorBody } from '../../../shared/errors/clientErrors.ts';
import type { GatewayContext } from '../GatewayContext.ts';
import { startDeadline } from '../requestDeadline.ts';
import { askAsCaller, firstError, statusOfErrors, type AskPlatform } from '../askAsCaller.ts';
import { packageModifiedAt } from './ckanPackage.ts';
import { CATALOG_PAGE_SIZE, catalogGraph, catalogPage, projectNamespace, type FocalPointAnswer } from './dcatGraph.ts';
import { toJsonLd, toTurtle } from './dcatSerialisations.ts';
import { readAllDatasets } from './readAllDatasets.ts';

export const DCAT_PATHS = ['/open-data/catalog', '/open-data/catalog.jsonld', '/open-data/catalog.ttl'] as const;
export type CatalogFormat = 'jsonld' | 'ttl';

export const CATALOG_MEDIA_TYPE: Record<CatalogFormat, string> = {
  jsonld: 'application/ld+json; charset=utf-8',
  ttl: 'text/turtle; charset=utf-8',
};

/** The portal's operator (Sở Khoa học và Công nghệ runs the platform): the catalogue's publisher. */
const OPERATOR_CODE = 'so-khoa-hoc-cong-nghe';

const FOCAL_POINTS_QUERY = 'query OpenDataFocalPoints { agencies { code focalPoint { name role email phone } } }';

/**
 * The agency directory's focal points as the signed-in caller reads them: the directory's policies decide
 * (a field refused comes back null and is left out); a directory that cannot be read leaves the agencies
 * as contact points.
 */
async function readFocalPoints(ask: AskPlatform): Promise<Map<string, FocalPointAnswer>> {
  const answer = await ask<{ agencies: Array<{ code: string; focalPoint: FocalPointAnswer | null }> | null }>(FOCAL_POINTS_QUERY, {});
  return new Map((answer.data?.agencies ?? []).filter((agency) => agency.focalPoint?.name).map((agency) => [agency.code, agency.focalPoint!]));
}

function formatOf(req: Request): CatalogFormat | null {
  if (req.path.endsWith('.jsonld')) return 'jsonld';
  if (req.path.endsWith('.ttl')) return 'ttl';
  const chosen = req.accepts(['application/ld+json', 'text/turtle', 'application/json']);
  return chosen === 'text/turtle' ? 'ttl' : chosen ? 'jsonld' : null;
}

export function dcatCatalog(server: ApolloServer<GatewayContext>, requestMs: number, publicUrl: string, operatorName: string) {
  return async (req: Request, res: Response): Promise<void> => {
    const format = formatOf(req);
    if (!format) {
      res.status(406).type('application/json').send(errorBody('The catalogue is served as application/ld+json or text/turtle', 'NOT_ACCEPTABLE'));
      return;
    }
    for (const name of Object.keys(req.query)) {
      if (name !== 'page') {
        res.status(400).type('application/json').send(errorBody(`Unknown parameter "${name}": the catalogue takes page`, 'BAD_USER_INPUT'));
        return;
      }
    }
    const raw = req.query.page ?? '1';
    const number = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(number) || number < 1) {
      res.status(400).type('application/json').send(errorBody('"page" must be a whole number from 1', 'BAD_USER_INPUT'));
      return;
    }
    const ask = askAsCaller(server, req.principal!, () => startDeadline(requestMs));
    const read = await readAllDatasets(ask);
    if ('errors' in read) {
      const { message, code } = firstError(read.errors);
      res.status(statusOfErrors(read.errors)).type('application/json').send(errorBody(message, code));
      return;
    }
    const published = read.datasets.filter((dataset) => dataset.status === 'PUBLISHED' && dataset.currentVersion).sort((a, b) => (a.id < b.id ? -1 : 1));
    const page = catalogPage(published, number);
    if (!page) {
      res.status(404).type('application/json').send(errorBody(`No page ${number} of the catalogue: it has ${Math.max(1, Math.ceil(published.length / CATALOG_PAGE_SIZE))}`, 'NOT_FOUND'));
      return;
    }
    const times = read.datasets.map(packageModifiedAt).sort();
    const modified = new Date(times[times.length - 1] ?? Date.now()).toISOString();
    const operator = { code: OPERATOR_CODE, name: read.datasets.find((dataset) => dataset.publisher === OPERATOR_CODE)?.publisherName ?? operatorName };
    const focalPoints = isAnonymous(req.principal!) ? undefined : await readFocalPoints(ask);
    const quads = catalogGraph(page, { publicUrl, operator, modified, review: read.review, focalPoints });
    const prefixes = { od: projectNamespace(publicUrl) };
    res.setHeader('cache-control', 'public, max-age=300');
    res.setHeader('vary', 'Accept, Authorization');
    res.status(200).type(CATALOG_MEDIA_TYPE[format]);
    res.send(format === 'ttl' ? await toTurtle(quads, prefixes) : JSON.stringify(toJsonLd(quads, prefixes), null, 1));
  };
}
