// The check of the open-data list (issue 15, item 1), run by `npm run open-data:check` and by `npm test`:
// first each file's structure against a JSON schema (ajv, as policy files are checked), then its meaning:
// the publisher is an agency of the directory, spatial coverage is administrative units after the 2025
// reform, the temporal coverage runs forward, ids are unique, the source exists in its subgraph, the list
// was reviewed within 6 months (Thái Bình QĐ 10/2021 Đ6.3), and every column of a register or catalogue
// names the `Type.field` it publishes, which the owner subgraph's policies must classify `public`: a
// dataset that would publish an internal, personal, sensitive or secret field is refused. Every problem
// carries the file and line to look at.
import { join, relative } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { AGENCIES } from '../catalogue/platformCatalogue.ts';
import { subgraphTypeDefs } from '../config/subgraphSchemas.ts';
import type { CompiledPolicies } from '../policy/compilePolicies.ts';
import { policySchemaOf } from '../policy/checkSubgraphPolicies.ts';
import { loadSubgraphPolicies, policyDir as defaultPolicyDir } from '../policy/loadSubgraphPolicies.ts';
import { parseYamlFile } from '../policy/readPolicyFiles.ts';
import { PROVINCE_CODE, UNITS } from '../../synthetic/administrativeUnits.ts';
import { LICENCES } from './licences.ts';
import { COLUMN_TYPES, DATA_THEMES, UPDATE_FREQUENCIES, type OpenDataSource } from './OpenDataList.ts';
import { datasetFiles, OPEN_DATA_FOLDER } from './readOpenDataList.ts';

export interface OpenDataProblem {
  file: string;
  line: number;
  message: string;
}

/** What each subgraph computes, by source name: its kind and, where it says, its columns. */
export type KnownSources = Readonly<Record<string, Readonly<Record<string, { kind: OpenDataSource['kind']; columns?: readonly string[] }>>>>;

export interface CheckOptions {
  /** The subgraphs' sources (subgraphs/openDataSources.ts). */
  sources: KnownSources;
  /** The province's date (YYYY-MM-DD) the review's age is measured at. */
  today: string;
  /** Where the policies are (default: the platform's policy folder). */
  policyDir?: string;
}

/** The list is reviewed at least every 6 months. */
export const REVIEW_MONTHS = 6;

const DATE = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
const CODE = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 };
const TEXT = { type: 'string', minLength: 1, pattern: '\\S' };
const bilingual = (maxLength: number) => ({
  type: 'object',
  additionalProperties: false,
  required: ['vi', 'en'],
  properties: { vi: { ...TEXT, maxLength }, en: { ...TEXT, maxLength } },
});
const words = { type: 'array', minItems: 1, uniqueItems: true, items: { ...TEXT, maxLength: 60 } };

export const listFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reviewed_on', 'reviewed_by'],
  properties: { reviewed_on: DATE, reviewed_by: CODE },
} as const;

export const datasetFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'description', 'publisher', 'licence', 'keywords', 'themes', 'spatial', 'temporal', 'frequency', 'source', 'columns', 'distributions'],
  properties: {
    id: CODE,
    title: bilingual(200),
    description: bilingual(2000),
    publisher: CODE,
    licence: { type: 'string' },
    keywords: { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: words, en: words } },
    themes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } },
    spatial: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } },
    temporal: { type: 'object', additionalProperties: false, required: ['start', 'end'], properties: { start: DATE, end: { anyOf: [DATE, { type: 'null' }] } } },
    frequency: { type: 'string' },
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'subgraph', 'name'],
      properties: {
        kind: { enum: ['register', 'aggregate', 'catalogue'] },
        subgraph: CODE,
        name: CODE,
        minimum_cell_count: { type: 'integer', minimum: 2, maximum: 1000 },
      },
    },
    columns: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'title', 'type'],
        properties: {
          name: { type: 'string', pattern: '^[a-z][a-z0-9]*(_[a-z0-9]+)*$', maxLength: 64 },
          title: bilingual(200),
          type: { enum: [...COLUMN_TYPES] },
          field: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$' },
        },
      },
    },
    distributions: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['csv', 'json'] } },
  },
} as const;

const ajv = new Ajv({ allErrors: true });
const validateList = ajv.compile(listFileSchema);
const validateDataset = ajv.compile(datasetFileSchema);

type Path = (string | number)[];

function schemaProblems(errors: ErrorObject[] | null | undefined, file: string, lineOf: (path: Path) => number): OpenDataProblem[] {
  return (errors ?? [])
    // anyOf repeats its branches' errors: the branch messages say enough.
    .filter((error) => error.keyword !== 'anyOf')
    .map((error) => {
      const path = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      const where = error.instancePath ? `"${error.instancePath.slice(1).replace(/\//g, '.')}"` : 'the file';
      const missing = (error.params as { missingProperty?: string }).missingProperty;
      const detail =
        error.keyword === 'additionalProperties' ? `has an unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"`
        : error.keyword === 'required' ? (missing === 'vi' ? 'is missing its Vietnamese text "vi"' : missing === 'en' ? 'is missing its English text "en"' : `is missing "${missing}"`)
        : error.keyword === 'enum' ? `must be one of ${(error.params as { allowedValues: string[] }).allowedValues.join(', ')}`
        : error.keyword === 'minLength' || (error.keyword === 'pattern' && (error.params as { pattern: string }).pattern === '\\S') ? 'must not be empty'
        : error.keyword === 'pattern' && (error.params as { pattern: string }).pattern === DATE.pattern ? 'must be a date written YYYY-MM-DD'
        : error.keyword === 'pattern' ? `is not written as expected (${(error.params as { pattern: string }).pattern})`
        : error.message ?? 'is not valid';
      return { file, line: lineOf(path), message: `${where} ${detail}` };
    });
}

/** A calendar date written YYYY-MM-DD that exists. */
function isDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** `day` plus `months` calendar months (the last day of a shorter month). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

const AGENCY_CODES = new Set<string>(AGENCIES.map((agency) => agency.code));
/** The province and its communes and wards after the 1 July 2025 reform. */
const UNIT_CODES = new Set<string>([PROVINCE_CODE, ...UNITS.map((unit) => unit.code)]);

export function checkOpenDataList(folder: string = OPEN_DATA_FOLDER, options: CheckOptions): OpenDataProblem[] {
  const problems: OpenDataProblem[] = [];
  const display = (path: string) => relative(join(folder, '..'), path);
  const policyDir = options.policyDir ?? defaultPolicyDir();

  const listPath = join(folder, 'list.yaml');
  const list = parseYamlFile(listPath, display(listPath));
  problems.push(...list.problems);
  if (list.value !== undefined) {
    if (!validateList(list.value)) problems.push(...schemaProblems(validateList.errors, display(listPath), list.lineOf));
    else {
      const { reviewed_on: reviewedOn, reviewed_by: reviewedBy } = list.value as { reviewed_on: string; reviewed_by: string };
      if (!isDay(reviewedOn)) problems.push({ file: display(listPath), line: list.lineOf(['reviewed_on']), message: `"reviewed_on" ${reviewedOn} is not a date` });
      else if (addMonths(reviewedOn, REVIEW_MONTHS) < options.today) {
        problems.push({ file: display(listPath), line: list.lineOf(['reviewed_on']), message: `The list was last reviewed on ${reviewedOn}, more than ${REVIEW_MONTHS} months before ${options.today}: it must be reviewed at least every ${REVIEW_MONTHS} months` });
      } else if (reviewedOn > options.today) {
        problems.push({ file: display(listPath), line: list.lineOf(['reviewed_on']), message: `"reviewed_on" ${reviewedOn} is after today (${options.today})` });
      }
      if (!AGENCY_CODES.has(reviewedBy)) problems.push({ file: display(listPath), line: list.lineOf(['reviewed_by']), message: `"reviewed_by" ${reviewedBy} is not an agency of the directory` });
    }
  }

  const compiled = new Map<string, CompiledPolicies | null>();
  const schemas = new Map(subgraphTypeDefs().map(({ name, typeDefs }) => [name, typeDefs]));
  const policiesOf = (subgraph: string): CompiledPolicies | null => {
    if (!compiled.has(subgraph)) {
      const typeDefs = schemas.get(subgraph);
      compiled.set(subgraph, typeDefs ? loadSubgraphPolicies(subgraph, policySchemaOf(typeDefs), policyDir).compiled : null);
    }
    return compiled.get(subgraph)!;
  };

  const seenIds = new Map<string, string>();
  const files = datasetFiles(folder);
  if (files.length === 0) problems.push({ file: display(join(folder, 'datasets')), line: 1, message: 'The list names no dataset (datasets/*.dataset.yaml)' });
  for (const path of files) {
    const file = display(path);
    const parsed = parseYamlFile(path, file);
    problems.push(...parsed.problems);
    if (parsed.value === undefined) continue;
    if (!validateDataset(parsed.value)) {
      problems.push(...schemaProblems(validateDataset.errors, file, parsed.lineOf));
      continue;
    }
    const at = (path: Path, message: string) => problems.push({ file, line: parsed.lineOf(path), message });
    const dataset = parsed.value as {
      id: string;
      publisher: string;
      licence: string;
      themes: string[];
      spatial: string[];
      temporal: { start: string; end: string | null };
      frequency: string;
      source: { kind: OpenDataSource['kind']; subgraph: string; name: string; minimum_cell_count?: number };
      columns: { name: string; field?: string }[];
    };

    const earlier = seenIds.get(dataset.id);
    if (earlier) at(['id'], `Dataset id "${dataset.id}" is already the id of ${earlier}`);
    else seenIds.set(dataset.id, file);
    if (!AGENCY_CODES.has(dataset.publisher)) at(['publisher'], `"publisher" ${dataset.publisher} is not an agency of the directory`);
    if (!(dataset.licence in LICENCES)) at(['licence'], `"licence" ${dataset.licence} is not a licence the portal offers (${Object.keys(LICENCES).join(', ')})`);
    dataset.themes.forEach((theme, i) => {
      if (!(DATA_THEMES as readonly string[]).includes(theme)) at(['themes', i], `Theme "${theme}" is not an EU data theme (${DATA_THEMES.join(', ')})`);
    });
    if (!(UPDATE_FREQUENCIES as readonly string[]).includes(dataset.frequency)) at(['frequency'], `"frequency" ${dataset.frequency} is not one of ${UPDATE_FREQUENCIES.join(', ')}`);
    dataset.spatial.forEach((code, i) => {
      if (!UNIT_CODES.has(code)) at(['spatial', i], `Spatial code "${code}" is not the province or one of its communes or wards after the 2025 reform`);
    });
    const { start, end } = dataset.temporal;
    if (!isDay(start)) at(['temporal', 'start'], `"temporal.start" ${start} is not a date`);
    if (end !== null && !isDay(end)) at(['temporal', 'end'], `"temporal.end" ${end} is not a date`);
    else if (end !== null && isDay(start) && end < start) at(['temporal', 'end'], `"temporal.end" ${end} is before "temporal.start" ${start}`);

    const names = new Set<string>();
    dataset.columns.forEach((column, i) => {
      if (names.has(column.name)) at(['columns', i, 'name'], `Column "${column.name}" appears twice`);
      names.add(column.name);
    });

    const { source } = dataset;
    if (source.minimum_cell_count !== undefined && source.kind !== 'aggregate') at(['source', 'minimum_cell_count'], '"source.minimum_cell_count" applies to aggregates only');
    const subgraphSources = options.sources[source.subgraph];
    if (!schemas.has(source.subgraph)) {
      at(['source', 'subgraph'], `"source.subgraph" ${source.subgraph} is not a subgraph (${[...schemas.keys()].join(', ')})`);
      continue;
    }
    const known = subgraphSources?.[source.name];
    if (!known) at(['source', 'name'], `Subgraph ${source.subgraph} has no open-data source "${source.name}"`);
    else if (known.kind !== source.kind) at(['source', 'kind'], `Source "${source.name}" of ${source.subgraph} is ${known.kind === 'aggregate' ? 'an' : 'a'} ${known.kind}, not ${source.kind === 'aggregate' ? 'an' : 'a'} ${source.kind}`);
    else if (known.columns && (known.columns.length !== dataset.columns.length || !dataset.columns.every((column) => known.columns!.includes(column.name)))) {
      at(['columns'], `The columns (${dataset.columns.map((column) => column.name).join(', ')}) are not those source "${source.name}" computes (${known.columns.join(', ')})`);
    }

    if (source.kind === 'aggregate') continue;
    // A register or a catalogue publishes fields of records: each must be public in the owner's policies.
    const policies = policiesOf(source.subgraph);
    dataset.columns.forEach((column, i) => {
      if (column.field === undefined) {
        at(['columns', i], `Column "${column.name}" does not say which field it publishes ("field: Type.field"): a ${source.kind} column must`);
        return;
      }
      const compiledField = policies?.fields.get(column.field);
      if (!policies) at(['columns', i, 'field'], `The policies of ${source.subgraph} do not compile (npm run policy:check): column "${column.name}" cannot be checked`);
      else if (!compiledField) at(['columns', i, 'field'], `Column "${column.name}" publishes ${column.field}, which is not a field of the ${source.subgraph} schema covered by a policy`);
      else if (compiledField.level !== 'public') {
        at(['columns', i, 'field'], `Column "${column.name}" publishes ${column.field}, which the policies classify ${compiledField.level} (${compiledField.policy}, group ${compiledField.group}): open data publishes only public fields`);
      }
    });
  }
  return problems;
}
