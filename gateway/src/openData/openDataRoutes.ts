// The open-data routes of the gateway, for anyone (a token, if sent, is verified as usual), each
// rate-limited per caller (without a token: per address) before any GraphQL work:
//   GET /open-data/datasets/<id>.csv | .json          downloads (datasetDownload.ts)
//   GET|POST /api/3/action/<action>                    CKAN's read actions (ckanActions.ts)
//   GET /open-data/catalog(.jsonld|.ttl)?page=N        the DCAT-AP 3 catalogue (dcatCatalog.ts)
import express, { type RequestHandler, type Router } from 'express';
import type { ApolloServer } from '@apollo/server';
import { AGENCIES } from '../../../shared/catalogue/platformCatalogue.ts';
import type { GatewayContext } from '../GatewayContext.ts';
import { CKAN_ACTION_PATH, ckanActions } from './ckanActions.ts';
import { datasetDownload } from './datasetDownload.ts';
import { DCAT_PATHS, dcatCatalog } from './dcatCatalog.ts';

export interface OpenDataRouteOptions {
  server: ApolloServer<GatewayContext>;
  /** authenticate(), then the rate limit (or nothing in the benchmark's run without limits). */
  callerChecks: RequestHandler[];
  requestMs: number;
  /** PUBLIC_GATEWAY_URL without a trailing slash: absolute URLs in CKAN's resources and the DCAT feed. */
  publicUrl: string;
}

/**
 * Open data may be read from a web page of any origin: `*` without credentials, so a browser sends no
 * cookie and a cross-origin caller reads what a caller without a token reads (a token header would need
 * a preflight, which is not answered).
 */
const anyOrigin: RequestHandler = (_req, res, next) => {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', 'ETag, Last-Modified, Content-Disposition, Retry-After');
  next();
};

export function openDataRoutes({ server, callerChecks, requestMs, publicUrl }: OpenDataRouteOptions): Router {
  const router = express.Router();
  const checks = [anyOrigin, ...callerChecks];
  router.get('/open-data/datasets/:file', ...checks, datasetDownload(server, requestMs));
  const actions = ckanActions(server, requestMs, publicUrl);
  router.get(CKAN_ACTION_PATH, ...checks, actions);
  // ckanapi posts its parameters as JSON; a search's parameters are small.
  router.post(CKAN_ACTION_PATH, ...checks, express.json({ limit: '16kb' }), express.urlencoded({ extended: false, limit: '16kb' }), actions);
  const operatorName = AGENCIES.find((agency) => agency.code === 'so-khoa-hoc-cong-nghe')?.name ?? 'so-khoa-hoc-cong-nghe';
  router.get([...DCAT_PATHS], ...checks, dcatCatalog(server, requestMs, publicUrl, operatorName));
  return router;
}
