// The check of the open-data list (npm run open-data:check): the repository's list passes, and a broken
// copy in a temporary folder is refused with the file, the line and what is wrong.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { provinceDay } from '../../shared/calendar/provinceDay.ts';
import { addMonths, checkOpenDataList, type OpenDataProblem } from '../../shared/openData/checkOpenDataList.ts';
import { OPEN_DATA_FOLDER } from '../../shared/openData/readOpenDataList.ts';
import { OPEN_DATA_SOURCES } from '../../subgraphs/openDataSources.ts';

const TODAY = '2026-12-05';
const check = (folder: string, today = TODAY) => checkOpenDataList(folder, { sources: OPEN_DATA_SOURCES, today });

/** A copy of the repository's list with one file's text changed; the problems of the copy. */
function brokenCopy(file: string, change: (text: string) => string, today = TODAY): { problems: OpenDataProblem[]; lineOf: (marker: string) => number } {
  const folder = join(mkdtempSync(join(tmpdir(), 'open-data-')), 'open-data');
  cpSync(OPEN_DATA_FOLDER, folder, { recursive: true });
  const path = join(folder, file);
  const changed = change(readFileSync(path, 'utf8'));
  writeFileSync(path, changed);
  const lineOf = (marker: string) => {
    const at = changed.indexOf(marker);
    if (at < 0) throw new Error(`"${marker}" is not in the changed file`);
    return changed.slice(0, at).split('\n').length;
  };
  return { problems: check(folder, today), lineOf };
}

function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`"${from}" is not in the file`);
  return text.replace(from, to);
}

const ENTERPRISES = 'datasets/enterprises.dataset.yaml';
const POPULATION = 'datasets/population-by-commune-gender-age.dataset.yaml';
const SERVICES = 'datasets/sharing-services.dataset.yaml';

describe('the open-data list check', () => {
  it("passes the repository's list, today", () => {
    // Today's date in the province, on purpose: a list not reviewed for 6 months fails the build (Đ6.3).
    expect(check(OPEN_DATA_FOLDER, provinceDay(new Date()))).toEqual([]);
  });

  it('refuses a dataset publishing the charter capital, which the policies classify internal', () => {
    const { problems, lineOf } = brokenCopy(ENTERPRISES, (text) => replaced(text, 'field: Enterprise.sector', 'field: Enterprise.charterCapital'));
    expect(problems).toEqual([
      { file: `open-data/${ENTERPRISES}`, line: lineOf('Enterprise.charterCapital'), message: expect.stringContaining('Column "sector" publishes Enterprise.charterCapital, which the policies classify internal') },
    ]);
  });

  it("refuses a dataset publishing the legal representative, which the policies classify personal", () => {
    const { problems, lineOf } = brokenCopy(ENTERPRISES, (text) => replaced(text, 'field: Enterprise.address', 'field: Enterprise.legalRepresentative'));
    expect(problems).toEqual([
      { file: `open-data/${ENTERPRISES}`, line: lineOf('Enterprise.legalRepresentative'), message: expect.stringContaining('publishes Enterprise.legalRepresentative, which the policies classify personal') },
    ]);
  });

  it('refuses a catalogue column of an internal field of the sharing services', () => {
    const { problems, lineOf } = brokenCopy(SERVICES, (text) => replaced(text, 'field: SharingService.status', 'field: SharingService.howToConnect'));
    expect(problems).toEqual([{ file: `open-data/${SERVICES}`, line: lineOf('SharingService.howToConnect'), message: expect.stringContaining('which the policies classify internal') }]);
  });

  it('refuses a register column that does not say which field it publishes, or names no field of the schema', () => {
    const missing = brokenCopy(ENTERPRISES, (text) => replaced(text, ', field: Enterprise.name}', '}'));
    expect(missing.problems).toEqual([{ file: `open-data/${ENTERPRISES}`, line: missing.lineOf('{name: name,'), message: 'Column "name" does not say which field it publishes ("field: Type.field"): a register column must' }]);
    const unknown = brokenCopy(ENTERPRISES, (text) => replaced(text, 'Enterprise.name}', 'Enterprise.nickname}'));
    expect(unknown.problems).toEqual([{ file: `open-data/${ENTERPRISES}`, line: unknown.lineOf('Enterprise.nickname'), message: 'Column "name" publishes Enterprise.nickname, which is not a field of the business schema covered by a policy' }]);
  });

  it('refuses an unknown key', () => {
    const { problems, lineOf } = brokenCopy(POPULATION, (text) => replaced(text, 'frequency: QUARTERLY', 'frequency: QUARTERLY\nowner_email: someone@example.org'));
    expect(problems).toEqual([{ file: `open-data/${POPULATION}`, line: lineOf('id:'), message: 'the file has an unknown key "owner_email"' }]);
  });

  it('refuses a title without its Vietnamese text and a description without its English text', () => {
    const { problems, lineOf } = brokenCopy(POPULATION, (text) =>
      replaced(replaced(text, 'title: {vi: "Dân số theo xã, giới tính và nhóm tuổi", en:', 'title: {en:'), 'en: "People with permanent residence', 'fr: "People with permanent residence'),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: `open-data/${POPULATION}`, line: lineOf('title:'), message: '"title" is missing its Vietnamese text "vi"' },
        { file: `open-data/${POPULATION}`, line: lineOf('description:') + 1, message: '"description" has an unknown key "fr"' },
        { file: `open-data/${POPULATION}`, line: lineOf('description:') + 1, message: '"description" is missing its English text "en"' },
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('refuses an empty English title', () => {
    const { problems, lineOf } = brokenCopy(POPULATION, (text) => replaced(text, 'en: "Population by commune, gender and age band"', 'en: " "'));
    expect(problems).toEqual([{ file: `open-data/${POPULATION}`, line: lineOf('title:'), message: '"title.en" must not be empty' }]);
  });

  it('refuses a publisher that is not an agency of the directory', () => {
    const { problems, lineOf } = brokenCopy(POPULATION, (text) => replaced(text, 'publisher: cong-an-tinh', 'publisher: so-du-lich'));
    expect(problems).toEqual([{ file: `open-data/${POPULATION}`, line: lineOf('publisher:'), message: '"publisher" so-du-lich is not an agency of the directory' }]);
  });

  it('refuses an unknown theme, frequency and licence', () => {
    const { problems, lineOf } = brokenCopy(POPULATION, (text) =>
      replaced(replaced(replaced(text, 'themes: [SOCI, REGI]', 'themes: [SOCI, POPU]'), 'frequency: QUARTERLY', 'frequency: SOMETIMES'), 'licence: CC-BY-4.0', 'licence: All-Rights-Reserved'),
    );
    expect(problems).toEqual([
      { file: `open-data/${POPULATION}`, line: lineOf('licence:'), message: expect.stringContaining('"licence" All-Rights-Reserved is not a licence the portal offers') },
      { file: `open-data/${POPULATION}`, line: lineOf('themes:'), message: expect.stringContaining('Theme "POPU" is not an EU data theme') },
      { file: `open-data/${POPULATION}`, line: lineOf('frequency:'), message: '"frequency" SOMETIMES is not one of DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUAL, IRREG' },
    ]);
  });

  it('refuses a spatial code that is not a unit after the 2025 reform', () => {
    // A district code of old Hưng Yên: districts were abolished on 1 July 2025.
    const { problems, lineOf } = brokenCopy(POPULATION, (text) => replaced(text, 'spatial: ["33"]', 'spatial: ["33", "323"]'));
    expect(problems).toEqual([{ file: `open-data/${POPULATION}`, line: lineOf('spatial:'), message: 'Spatial code "323" is not the province or one of its communes or wards after the 2025 reform' }]);
  });

  it('refuses a temporal coverage that ends before it starts', () => {
    const { problems, lineOf } = brokenCopy(POPULATION, (text) => replaced(text, 'temporal: {start: 2025-07-01, end: null}', 'temporal: {start: 2025-07-01,\n  end: 2024-12-31}'));
    expect(problems).toEqual([{ file: `open-data/${POPULATION}`, line: lineOf('end: 2024'), message: '"temporal.end" 2024-12-31 is before "temporal.start" 2025-07-01' }]);
  });

  it('refuses two datasets with the same id', () => {
    const { problems, lineOf } = brokenCopy('datasets/social-beneficiaries-by-programme-commune.dataset.yaml', (text) =>
      replaced(text, 'id: social-beneficiaries-by-programme-commune', 'id: population-by-commune-gender-age'),
    );
    expect(problems).toEqual([
      {
        file: 'open-data/datasets/social-beneficiaries-by-programme-commune.dataset.yaml',
        line: lineOf('id:'),
        message: `Dataset id "population-by-commune-gender-age" is already the id of open-data/${POPULATION}`,
      },
    ]);
  });

  it('refuses a source subgraph or source name that does not exist', () => {
    const subgraph = brokenCopy(POPULATION, (text) => replaced(text, 'subgraph: population,', 'subgraph: health,'));
    expect(subgraph.problems).toEqual([{ file: `open-data/${POPULATION}`, line: subgraph.lineOf('source:'), message: expect.stringContaining('"source.subgraph" health is not a subgraph') }]);
    const name = brokenCopy(POPULATION, (text) => replaced(text, 'name: population-by-commune-gender-age,', 'name: population-by-religion,'));
    expect(name.problems).toEqual([{ file: `open-data/${POPULATION}`, line: name.lineOf('source:'), message: 'Subgraph population has no open-data source "population-by-religion"' }]);
  });

  it('refuses a list not reviewed within 6 months', () => {
    const { problems, lineOf } = brokenCopy('list.yaml', (text) => replaced(text, 'reviewed_on: 2026-11-20', 'reviewed_on: 2026-05-20'), '2026-11-21');
    expect(problems).toEqual([
      { file: 'open-data/list.yaml', line: lineOf('reviewed_on:'), message: 'The list was last reviewed on 2026-05-20, more than 6 months before 2026-11-21: it must be reviewed at least every 6 months' },
    ]);
    // Six months to the day is still in time.
    expect(brokenCopy('list.yaml', (text) => replaced(text, 'reviewed_on: 2026-11-20', 'reviewed_on: 2026-05-20'), '2026-11-20').problems).toEqual([]);
  });

  it('counts six months in calendar months', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-05-20', 6)).toBe('2026-11-20');
  });

  it('refuses columns the source does not compute', () => {
    const { problems, lineOf } = brokenCopy(POPULATION, (text) => replaced(text, '{name: age_band,', '{name: age_group,'));
    expect(problems).toEqual([{ file: `open-data/${POPULATION}`, line: lineOf('  - {name: unit_code'), message: expect.stringContaining('are not those source "population-by-commune-gender-age" computes') }]);
  });
});
