// A client holding a current copy gets 304: If-None-Match decides when sent, else If-Modified-Since.
import { describe, expect, it } from 'vitest';
import { downloadEtag, httpDate, isNotModified } from './downloadValidators.ts';

const sha = 'c0ffee'.repeat(10);
const etag = downloadEtag(sha, 'csv');
const modified = '2026-11-01T08:00:00.500Z';

describe('a download’s validators', () => {
  it('name the version’s content and the format, so CSV and JSON never share a tag', () => {
    expect(etag).toMatch(/^"c0ffee.*-csv-e\d+"$/);
    expect(downloadEtag(sha, 'json')).not.toBe(etag);
  });

  it('answer 304 to the same tag, to one of several, to *, and to a weak form of it', () => {
    expect(isNotModified({ ifNoneMatch: etag }, etag, modified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `"other", ${etag}` }, etag, modified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '*' }, etag, modified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `W/${etag}` }, etag, modified)).toBe(true);
  });

  it('serve the file to another tag, even when If-Modified-Since alone would say current', () => {
    expect(isNotModified({ ifNoneMatch: '"old"', ifModifiedSince: httpDate(modified) }, etag, modified)).toBe(false);
  });

  it('answer 304 to If-Modified-Since at or after the data’s last change (to the second), not before', () => {
    expect(isNotModified({ ifModifiedSince: httpDate(modified) }, etag, modified)).toBe(true);
    expect(isNotModified({ ifModifiedSince: 'Sat, 31 Oct 2026 08:00:00 GMT' }, etag, modified)).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'not a date' }, etag, modified)).toBe(false);
    expect(isNotModified({}, etag, modified)).toBe(false);
  });
});
