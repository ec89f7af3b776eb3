// The open-data list as it is on disk (open-data/): re-read when one of its files changes, so the list's
// review and a new dataset file take effect within a second without a restart, as policies do. The files
// are looked at (a stat of each) at most once a second, not on every request of the open-data pages.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenDataList, OpenDataset } from '../../../../shared/openData/OpenDataList.ts';
import { datasetFiles, OPEN_DATA_FOLDER, readOpenDataList } from '../../../../shared/openData/readOpenDataList.ts';

function fingerprintOf(folder: string): string {
  return [join(folder, 'list.yaml'), ...datasetFiles(folder)]
    .map((path) => {
      const stat = statSync(path);
      return `${path}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('\n');
}

const CHECK_EVERY_MS = 1000;

let last: { folder: string; fingerprint: string; checkedAt: number; list: OpenDataList; byId: Map<string, OpenDataset> } | undefined;

export function openDataListOnDisk(folder: string = OPEN_DATA_FOLDER): { list: OpenDataList; byId: ReadonlyMap<string, OpenDataset> } {
  const now = Date.now();
  if (last && last.folder === folder && now - last.checkedAt < CHECK_EVERY_MS) return last;
  const fingerprint = fingerprintOf(folder);
  if (last && last.folder === folder && last.fingerprint === fingerprint) {
    last.checkedAt = now;
    return last;
  }
  const list = readOpenDataList(folder);
  last = { folder, fingerprint, checkedAt: now, list, byId: new Map(list.datasets.map((dataset) => [dataset.id, dataset])) };
  return last;
}
