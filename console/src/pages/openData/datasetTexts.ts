// A dataset's texts in the reader's language: the API gives Vietnamese and English side by side.
import type { Language } from '../../text/language.tsx';
import type { Texts } from '../../text/vi/index.ts';
import type { DatasetColumn, DatasetSummary } from './openDataTypes.ts';

export const titleOf = (dataset: Pick<DatasetSummary, 'title' | 'titleEn'>, language: Language) => (language === 'en' ? dataset.titleEn : dataset.title);
export const descriptionOf = (dataset: Pick<DatasetSummary, 'description' | 'descriptionEn'>, language: Language) => (language === 'en' ? dataset.descriptionEn : dataset.description);
export const columnTitleOf = (column: DatasetColumn, language: Language) => (language === 'en' ? column.titleEn : column.title);
/** The publisher in the reader's language (the catalogue's texts), else as the API names it (Vietnamese). */
export const publisherOf = (dataset: Pick<DatasetSummary, 'publisher' | 'publisherName'>, texts: Texts) => texts.catalogue.agencyNames[dataset.publisher] ?? dataset.publisherName;
