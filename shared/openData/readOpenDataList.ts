// Reads the open-data list from open-data/: list.yaml (the review) and one file per dataset in
// datasets/. Structure problems are reported by the check (checkOpenDataList.ts) with file and line;
// this reader only turns the files into the shapes of OpenDataList.ts.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlFile } from '../policy/readPolicyFiles.ts';
import type { OpenDataList, OpenDataset } from './OpenDataList.ts';

/** The repository's open-data list, beside policies/. */
export const OPEN_DATA_FOLDER = join(import.meta.dirname, '..', '..', 'open-data');
export const DATASET_SUFFIX = '.dataset.yaml';

interface ListFile {
  reviewed_on: string;
  reviewed_by: string;
}

type DatasetFile = Omit<OpenDataset, 'source'> & { source: Omit<OpenDataset['source'], 'minimumCellCount'> & { minimum_cell_count?: number } };

/** The dataset files of a list folder, sorted by name: the order of the catalogue. */
export function datasetFiles(folder: string): string[] {
  const datasets = join(folder, 'datasets');
  if (!existsSync(datasets)) return [];
  return readdirSync(datasets)
    .filter((name) => name.endsWith(DATASET_SUFFIX))
    .sort()
    .map((name) => join(datasets, name));
}

export function readOpenDataList(folder: string = OPEN_DATA_FOLDER): OpenDataList {
  const list = parseYamlFile(join(folder, 'list.yaml'), 'open-data/list.yaml');
  if (list.problems.length) throw new Error(list.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  const { reviewed_on: reviewedOn, reviewed_by: reviewedBy } = list.value as ListFile;
  const datasets = datasetFiles(folder).map((path) => {
    const file = parseYamlFile(path, path);
    if (file.problems.length) throw new Error(file.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    const { source, ...rest } = file.value as DatasetFile;
    const { minimum_cell_count: minimumCellCount, ...sourceRest } = source;
    return { ...rest, source: minimumCellCount === undefined ? sourceRest : { ...sourceRest, minimumCellCount } } as OpenDataset;
  });
  return { reviewedOn: String(reviewedOn), reviewedBy, datasets };
}
