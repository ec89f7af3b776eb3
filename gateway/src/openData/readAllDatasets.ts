// Every dataset of the open-data list (published, not yet published and withdrawn), as the caller reads
// them: what CKAN's actions and the DCAT catalogue are built from. The list holds hundreds of datasets at
// most, so a few pages of one operation each; MAX_PAGES bounds it should that ever stop being true.
import type { Answer, AnswerError, AskPlatform } from '../askAsCaller.ts';
import { ALL_DATASETS_QUERY, type OpenDataListReviewAnswer, type OpenDatasetAnswer } from './openDataAnswers.ts';

const MAX_PAGES = 20;

interface DatasetsPage {
  openDataList: OpenDataListReviewAnswer | null;
  openDatasets: { nodes: OpenDatasetAnswer[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } | null;
}

export async function readAllDatasets(ask: AskPlatform): Promise<{ datasets: OpenDatasetAnswer[]; review: OpenDataListReviewAnswer } | { errors: AnswerError[] }> {
  const datasets: OpenDatasetAnswer[] = [];
  let review: OpenDataListReviewAnswer | null = null;
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer: Answer<DatasetsPage> = await ask<DatasetsPage>(ALL_DATASETS_QUERY, { after });
    const list = answer.data?.openDatasets;
    // A partial answer (a dataset's field refused or failed) would publish a wrong catalogue: refused whole.
    review ??= answer.data?.openDataList ?? null;
    if (!list || !review || answer.errors.length) return { errors: answer.errors.length ? answer.errors : [{ message: 'The open-data list could not be read' }] };
    datasets.push(...list.nodes);
    if (!list.pageInfo.hasNextPage) break;
    after = list.pageInfo.endCursor;
  }
  return { datasets, review: review! };
}
