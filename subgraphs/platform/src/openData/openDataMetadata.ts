// A publisher's edit of a dataset's texts (title, description, keywords, in Vietnamese and English): kept
// over the list's, with who and when (metadataModifiedAt). Which datasets exist, their source and columns
// stay the list's files. Fields not given keep their value; the edit is checked whole before anything is written.
import type { Knex } from 'knex';
import type { Principal } from '../../../../shared/auth/Principal.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { MAX_OPEN_DATA_KEYWORDS } from '../../../../shared/loaders/listBounds.ts';
import { actorOf, requirePublisherOf } from './openDataPublishers.ts';
import type { MetadataEdits } from './openDataStore.ts';
import { lockedDatasetRow } from './openDataVersions.ts';

export interface MetadataInput {
  title?: string | null;
  titleEn?: string | null;
  description?: string | null;
  descriptionEn?: string | null;
  keywords?: string[] | null;
  keywordsEn?: string[] | null;
}

const TEXTS = { title: [3, 200], titleEn: [3, 200], description: [10, 4000], descriptionEn: [10, 4000] } as const;
const KEYWORD_LENGTH = 60;

function checkedText(input: MetadataInput, key: keyof typeof TEXTS): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  const [min, max] = TEXTS[key];
  if (text.length < min || text.length > max) throw badUserInput(`"${key}" must be ${min} to ${max} characters`, `input.${key}`);
  return text;
}

function checkedKeywords(input: MetadataInput, key: 'keywords' | 'keywordsEn'): string[] | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  const keywords = value.map((keyword) => keyword.trim());
  if (keywords.length === 0 || keywords.length > MAX_OPEN_DATA_KEYWORDS) throw badUserInput(`"${key}" must list 1 to ${MAX_OPEN_DATA_KEYWORDS} keywords`, `input.${key}`);
  if (keywords.some((keyword) => keyword.length === 0 || keyword.length > KEYWORD_LENGTH)) throw badUserInput(`Each of "${key}" must be 1 to ${KEYWORD_LENGTH} characters`, `input.${key}`);
  if (new Set(keywords.map((keyword) => keyword.toLowerCase())).size !== keywords.length) throw badUserInput(`"${key}" lists a keyword twice`, `input.${key}`);
  return keywords;
}

export async function updateMetadata(knex: Knex, principal: Principal, id: string, input: MetadataInput): Promise<void> {
  requirePublisherOf(principal, id);
  const title = { vi: checkedText(input, 'title'), en: checkedText(input, 'titleEn') };
  const description = { vi: checkedText(input, 'description'), en: checkedText(input, 'descriptionEn') };
  const keywords = { vi: checkedKeywords(input, 'keywords'), en: checkedKeywords(input, 'keywordsEn') };
  const given = [title, description, keywords].flatMap((pair) => [pair.vi, pair.en]).filter((value) => value !== undefined);
  if (given.length === 0) throw badUserInput('Give at least one of title, titleEn, description, descriptionEn, keywords, keywordsEn', 'input');
  await knex.transaction(async (trx) => {
    await lockedDatasetRow(trx, id);
    const row = await trx('open_data_dataset').select({ metadata: 'metadata' }).where('id', id).first();
    const before: MetadataEdits = row?.metadata ?? {};
    const merge = <T>(was: { vi?: T; en?: T } | undefined, now: { vi?: T; en?: T }) => {
      const merged = { ...was, ...Object.fromEntries(Object.entries(now).filter(([, value]) => value !== undefined)) };
      return Object.keys(merged).length ? merged : undefined;
    };
    const metadata: MetadataEdits = {
      ...(merge(before.title, title) && { title: merge(before.title, title) }),
      ...(merge(before.description, description) && { description: merge(before.description, description) }),
      ...(merge(before.keywords, keywords) && { keywords: merge(before.keywords, keywords) }),
    };
    await trx('open_data_dataset')
      .where('id', id)
      .update({ metadata: JSON.stringify(metadata), metadata_modified_by: actorOf(principal), metadata_modified_at: trx.fn.now(), version: trx.raw('version + 1') });
  });
}
