// GET /open-data/datasets/<id>.csv and .json: a published dataset's current version as one file, for
// anyone, with or without a token. Built from the platform's GraphQL answers as the caller (the same
// anonymous rules, policies and refusals as GraphQL): first the dataset's status and validators (a
// current copy gets 304 before any row is read), then its rows, 1,000 per operation (rowLines: one text a
// page), streamed.
//
// Statuses: an unknown dataset 404 NOT_FOUND; one never published 404 NOT_YET_PUBLISHED; a withdrawn one
// 404 DATASET_WITHDRAWN with its reason and date (its rows are no longer served, and a withdrawal may be
// reversed, so not 410). The version is pinned: the first page's operation also reads the current
// version's number, and a first page of another version than the one whose ETag was sent is refused (503,
// retry) before any byte; every later page follows the platform's cursor, which carries the version it
// started on (every version is kept), so a version published during a download never mixes into it.
import type { Request, Response } from 'express';
import type { ApolloServer } from '@apollo/server';
import { errorBody } from '../../../shared/errors/clientErrors.ts';
import { logError } from '../../../shared/logging/log.ts';
import type { GatewayContext } from '../GatewayContext.ts';
import { startDeadline } from '../requestDeadline.ts';
import { askAsCaller, firstError, statusOfErrors } from '../askAsCaller.ts';
import { downloadEtag, httpDate, isNotModified } from './downloadValidators.ts';
import { MEDIA_TYPE, rowEncoder, type DownloadFormat } from './encodeRows.ts';
import { DOWNLOAD_HEAD_QUERY, ROWS_PAGE_QUERY, valuesOfLines, type DownloadHead, type RowsPage } from './openDataAnswers.ts';
import { streamRowPages, type NextPage, type PageOfRows } from './streamRowPages.ts';

export const DATASET_DOWNLOAD_PATH = /^\/open-data\/datasets\/([a-z0-9]+(?:-[a-z0-9]+)*)\.(csv|json)$/;

/**
 * Five minutes: a published version changes at most a few times a day, and a cache that asks again
 * after five minutes gets 304 for the price of one small operation. `public`: the files are open data.
 */
export const DOWNLOAD_CACHE_CONTROL = 'public, max-age=300';

export function datasetDownload(server: ApolloServer<GatewayContext>, requestMs: number) {
  return async (req: Request, res: Response): Promise<void> => {
    const match = DATASET_DOWNLOAD_PATH.exec(req.path);
    if (!match) {
      res.status(404).type('application/json').send(errorBody('Not found: a dataset is downloaded at /open-data/datasets/<id>.csv or .json', 'NOT_FOUND'));
      return;
    }
    const [, id, format] = match as unknown as [string, string, DownloadFormat];
    const ask = askAsCaller(server, req.principal!, () => startDeadline(requestMs));
    const head = await ask<{ openDataset: DownloadHead | null }>(DOWNLOAD_HEAD_QUERY, { id });
    if (head.errors.length || !head.data) {
      const { message, code } = firstError(head.errors);
      res.status(statusOfErrors(head.errors)).type('application/json').send(errorBody(message, code));
      return;
    }
    const dataset = head.data.openDataset;
    if (!dataset) {
      res.status(404).type('application/json').send(errorBody(`No open dataset "${id}": the list is at /api/3/action/package_list`, 'NOT_FOUND'));
      return;
    }
    if (dataset.status === 'WITHDRAWN') {
      res
        .status(404)
        .type('application/json')
        .send(errorBody(`The dataset "${id}" was withdrawn by its publisher: ${dataset.withdrawnReason ?? 'no reason given'}`, 'DATASET_WITHDRAWN', { withdrawnAt: dataset.withdrawnAt }));
      return;
    }
    const version = dataset.currentVersion;
    if (dataset.status !== 'PUBLISHED' || !version) {
      res.status(404).type('application/json').send(errorBody(`The dataset "${id}" has not been published yet`, 'NOT_YET_PUBLISHED'));
      return;
    }

    const etag = downloadEtag(version.sha256, format);
    res.setHeader('etag', etag);
    if (dataset.dataModifiedAt) res.setHeader('last-modified', httpDate(dataset.dataModifiedAt));
    res.setHeader('cache-control', DOWNLOAD_CACHE_CONTROL);
    // A token changes nothing in the file, but a shared cache must not serve a signed-in caller's refusal to another.
    res.setHeader('vary', 'Authorization');
    if (isNotModified({ ifNoneMatch: req.get('if-none-match'), ifModifiedSince: req.get('if-modified-since') }, etag, dataset.dataModifiedAt)) {
      res.status(304).end();
      return;
    }
    if (req.method === 'HEAD') {
      // The headers a GET would send, without reading a row.
      res.status(200).setHeader('content-type', MEDIA_TYPE[format]);
      res.setHeader('content-disposition', `attachment; filename="${id}.${format}"`);
      res.setHeader('x-open-data-version', String(version.number));
      res.end();
      return;
    }

    const nextPage: NextPage = async (after) => {
      const answer = await ask<{ openDataset: RowsPage | null }>(ROWS_PAGE_QUERY, { id, after });
      const page = answer.data?.openDataset;
      if (answer.errors.length || !page) {
        if (answer.errors.length) logError('open-data download page failed', { dataset: id, version: version.number, errors: answer.errors.map((error) => error.extensions?.code) });
        return { failed: 'PAGE_FAILED' };
      }
      // Only the first page can meet another version: later ones are pinned by their cursor.
      if (after === null && page.currentVersion?.number !== version.number) return { failed: 'VERSION_CHANGED' };
      return { rows: valuesOfLines(page.rowLines.lines), next: page.rowLines.pageInfo.hasNextPage ? page.rowLines.pageInfo.endCursor : null } satisfies PageOfRows;
    };
    const first = await nextPage(null);
    if ('failed' in first) {
      // Nothing written yet: the failure can still be told with a status.
      const [status, message, code] =
        first.failed === 'VERSION_CHANGED'
          ? [503, 'A new version of the dataset was being published: try again', 'VERSION_CHANGED']
          : [503, 'The dataset could not be read: try again later', 'SUBGRAPH_UNAVAILABLE'];
      res.removeHeader('etag');
      res.removeHeader('last-modified');
      res.setHeader('cache-control', 'no-store');
      res.setHeader('retry-after', '1');
      res.status(status).type('application/json').send(errorBody(message, code));
      return;
    }
    res.status(200);
    res.setHeader('content-type', MEDIA_TYPE[format]);
    res.setHeader('content-disposition', `attachment; filename="${id}.${format}"`);
    res.setHeader('x-open-data-version', String(version.number));
    const outcome = await streamRowPages(res, rowEncoder(format, dataset.columns), first, nextPage);
    if (!outcome.done && outcome.why !== 'CLIENT_GONE') logError('open-data download cut off', { dataset: id, version: version.number, why: outcome.why });
  };
}
