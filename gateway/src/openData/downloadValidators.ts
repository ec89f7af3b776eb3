// A download's validators and the 304 decision, made before any row is read. The ETag is strong: it
// names the published version's content (its sha256) and the file's format, and the bytes of a format
// are a pure function of the version's rows and columns (encodeRows.ts), so equal tags mean equal bytes.
// Last-Modified is when the published rows last changed (dataModifiedAt), not the metadata.
import type { DownloadFormat } from './encodeRows.ts';

/** Bump when encodeRows.ts writes the same rows differently: every cached file is then stale. */
const ENCODING_REVISION = 1;

export function downloadEtag(sha256: string, format: DownloadFormat): string {
  return `"${sha256}-${format}-e${ENCODING_REVISION}"`;
}

/** An HTTP date (IMF-fixdate, second precision) from an ISO instant. */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/** The entity tags of an If-None-Match header ("*" matches any); weak tags compare by their opaque part (RFC 9110 13.1.2: weak comparison). */
function tagsOf(header: string): string[] {
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .filter(Boolean);
}

/**
 * Whether the client's copy is current (RFC 9110 13.2.2): If-None-Match decides when sent, and
 * If-Modified-Since is then ignored; otherwise the copy is current if the data changed no later than
 * the date it names (an unreadable date is ignored).
 */
export function isNotModified(headers: { ifNoneMatch?: string; ifModifiedSince?: string }, etag: string, lastModified: string | null): boolean {
  if (headers.ifNoneMatch !== undefined) {
    const tags = tagsOf(headers.ifNoneMatch);
    return tags.includes('*') || tags.includes(etag);
  }
  if (headers.ifModifiedSince === undefined || lastModified === null) return false;
  const since = Date.parse(headers.ifModifiedSince);
  if (Number.isNaN(since)) return false;
  // Last-Modified is sent to the second: compare at that precision.
  return Math.floor(Date.parse(lastModified) / 1000) * 1000 <= since;
}
