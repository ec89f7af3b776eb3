// The open-data list as it is on disk now (open-data/): re-read when one of its files changes, so the
// list's review and a new dataset file take effect without a restart, and a request costs a stat of the
// files, not a parse.
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

let last: { folder: string; fingerprint: string; list: OpenDataList; byId: Map<string, OpenDataset> } | undefined;

export function openDataListOnDisk(folder: string = OPEN_DATA_FOLDER): { list: OpenDataList; byId: ReadonlyMap<string, OpenDataset> } {
  const fingerprint = fingerprintOf(folder);
  if (last && last.folder === folder && last.fingerprint === fingerprint) return last;
  const list = readOpenDataList(folder);
  last = { folder, fingerprint, list, byId: new Map(list.datasets.map((dataset) => [dataset.id, dataset])) };
  return last;
}
