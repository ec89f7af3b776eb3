// A dataset's texts in the reader's language: the API gives Vietnamese and English side by side.
import type { Language } from '../../text/language.tsx';
import type { DatasetColumn, DatasetSummary } from './openDataTypes.ts';

export const titleOf = (dataset: Pick<DatasetSummary, 'title' | 'titleEn'>, language: Language) => (language === 'en' ? dataset.titleEn : dataset.title);
export const descriptionOf = (dataset: Pick<DatasetSummary, 'description' | 'descriptionEn'>, language: Language) => (language === 'en' ? dataset.descriptionEn : dataset.description);
export const columnTitleOf = (column: DatasetColumn, language: Language) => (language === 'en' ? column.titleEn : column.title);
