// The one question both targets are asked, as HTTP requests, and the check that they give the same answer
// before any load: a benchmark of two different answers would compare nothing.
import { isDeepStrictEqual } from 'node:util';
import { signDevUserToken } from '../shared/auth/userToken.ts';

export const BENCH_QUERY =
  'query ($unit: String) { citizens(unitCode: $unit, first: 20) { nodes { id fullName dateOfBirth ' +
  'civilEvents { kind registeredOn } landParcels { parcelNumber area } businesses { enterpriseCode name } } } }';

/**
 * The consent-gated variant: fields an agency reads only with each citizen's consent, so every record
 * needs a consent check and a disclosure record. Asked as one lookup per citizen of the bench page (20
 * aliases): a caller reading only on consent may look people up but not browse a register list
 * (README, "What a caller may learn of records they may not read"). The same query by an agency reading
 * on a statutory basis, with the disclosure log off, is the policy-only figure it is compared with.
 */
export function consentBenchQuery(citizenIds: readonly string[]): string {
  return `{ ${citizenIds.map((id, index) => `c${index}: citizen(id: ${JSON.stringify(id)}) { id fullName dateOfBirth gender }`).join(' ')} }`;
}
/** The consent groups consentBenchQuery reads. */
export const CONSENT_BENCH_GROUPS = ['population.citizen:key', 'population.citizen:identity'];
/** An agency that reads those fields only with consent (the seed policies). */
export const CONSENT_CALLER = { agency: 'so-noi-vu', purpose: 'public-service-delivery' };

/**
 * The connection-gated pair: the same list page (the bench ward's first 20 citizens, their identity) read
 * by the tax office, whose rule requires an approved connection agreement (held, so each request checks
 * it), and by social insurance, whose rule for the same fields needs none. Both on the full stack.
 */
export const CONNECTION_BENCH_QUERY = 'query ($unit: String) { citizens(unitCode: $unit, first: 20) { nodes { id fullName dateOfBirth gender } } }';
/** The services CONNECTION_BENCH_QUERY reads (the ward filter tests residence), all covered by the bench's connection. */
export const CONNECTION_BENCH_GROUPS = ['population.citizen:key', 'population.citizen:identity', 'population.citizen:residence'];
/** Reads those fields only on an approved connection (the seed policies' tax-office-identifies-taxpayers). */
export const CONNECTION_CALLER = { agency: 'thue-tinh', purpose: 'tax-administration' };
/** Reads the same fields on a statutory rule that needs no connection (social-insurance-enrols-members). */
export const CONNECTION_FREE_CALLER = { agency: 'bhxh-tinh', purpose: 'social-insurance' };

/** Every target one run measures, in the order it measures them. */
export const TARGET_NAMES = [
  'gateway', 'one-box', 'gateway-no-limits', 'gateway-no-audit', 'gateway-no-policies', 'raw-sql', 'consent-gated', 'policy-only',
  'connection-gated', 'connection-free', 'open-data-download', 'open-data-graphql',
] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export interface BenchTarget {
  name: TargetName;
  url: string;
  /** POST by default (GraphQL and the raw page); GET for a download. */
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Absent for a GET. */
  body?: string;
}

/**
 * The open-data pair (issue 15), both without a token, as anyone on the internet asks: a dataset's CSV
 * download, and a page of the catalogue over GraphQL.
 */
export const OPEN_DATA_BENCH_DATASET = 'population-by-commune-gender-age';
export const OPEN_DATA_BENCH_QUERY =
  'query { openDatasets(first: 20) { totalCount nodes { id title publisher publisherName frequency freshness dataModifiedAt currentVersion { number rowCount } distributions { format downloadPath } } } }';

export function openDataDownloadTarget(baseUrl: string, datasetId = OPEN_DATA_BENCH_DATASET): BenchTarget {
  return { name: 'open-data-download', url: `${baseUrl}/open-data/datasets/${datasetId}.csv`, method: 'GET', headers: {} };
}

export function openDataGraphqlTarget(baseUrl: string): BenchTarget {
  return { name: 'open-data-graphql', url: `${baseUrl}/graphql`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: OPEN_DATA_BENCH_QUERY }) };
}

export function gatewayTarget(
  baseUrl: string,
  unitCode: string,
  caller: { agency: string; purpose: string; caseId?: string },
  name: TargetName = 'gateway',
  query = BENCH_QUERY,
): BenchTarget {
  return {
    name,
    url: `${baseUrl}/graphql`,
    headers: {
      'content-type': 'application/json',
      // By default a provincial police officer investigating a case (the seed policies let them read every
      // field of the bench query). Valid for
      // an hour: the whole run takes minutes.
      authorization: `Bearer ${signDevUserToken({ roles: ['officer'], agency: caller.agency })}`,
      'x-purpose': caller.purpose,
      // The police's criminal-investigation rules apply only to a named case (requires_case_id).
      ...(caller.caseId ? { 'x-case-id': caller.caseId } : {}),
    },
    body: JSON.stringify({ query, variables: { unit: unitCode } }),
  };
}

/** A target that is not a page of citizens answers 200 (a GraphQL one without errors): the open-data targets. */
export async function checkAnswers(target: BenchTarget): Promise<void> {
  if (target.method === 'GET') await fetchOk(target);
  else await ask(target);
}

/** The ids of the citizens a target's page holds. */
export async function pageCitizenIds(target: BenchTarget): Promise<string[]> {
  return citizensOf((await ask(target)).answer).map((node) => node.id);
}

export function rawTarget(baseUrl: string, unitCode: string): BenchTarget {
  return {
    name: 'raw-sql',
    url: `${baseUrl}/page`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ unitCode }),
  };
}

export interface PageSummary {
  citizens: number;
  civilEvents: number;
  landParcels: number;
  businesses: number;
  responseBytes: number;
}

type PageCitizen = { id: string; civilEvents?: unknown[] | null; landParcels?: unknown[] | null; businesses?: unknown[] | null };

interface Answer {
  /** The bench page (`citizens.nodes`), or the consent variant's lookups (`c0` … `c19`). */
  data?: { citizens?: { nodes?: PageCitizen[] } } & Record<string, unknown>;
  errors?: unknown[];
}

/** The citizens an answer holds, in page order, from either form of query. */
function citizensOf(answer: Answer): PageCitizen[] {
  const data = answer.data ?? {};
  if (data.citizens) return data.citizens.nodes ?? [];
  return Object.keys(data)
    .filter((alias) => /^c\d+$/.test(alias))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .map((alias) => data[alias] as PageCitizen);
}

/** The target's answer as text, once; anything but 200 fails the run. */
async function fetchOk(target: BenchTarget): Promise<string> {
  const response = await fetch(target.url, { method: target.method ?? 'POST', headers: target.headers, body: target.body, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${target.name} answered HTTP ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

async function ask(target: BenchTarget): Promise<{ answer: Answer; bytes: number }> {
  const text = await fetchOk(target);
  let answer: Answer;
  try {
    answer = JSON.parse(text) as Answer;
  } catch {
    throw new Error(`${target.name} did not answer JSON: ${text.slice(0, 500)}`);
  }
  if (answer.errors?.length) {
    const first = answer.errors[0] as { extensions?: { code?: string; policy?: string } };
    const hint =
      first.extensions?.code === 'FORBIDDEN'
        ? `\nThe access policies refuse this caller (policy ${first.extensions.policy}): set BENCH_AGENCY and BENCH_PURPOSE to an officer they allow to read every field of the bench query.`
        : '';
    throw new Error(`${target.name} answered with ${answer.errors.length} errors, the first: ${JSON.stringify(answer.errors[0])}${hint}`);
  }
  return { answer, bytes: Buffer.byteLength(text) };
}

function firstDifference(a: unknown, b: unknown, path = 'data'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i += 1) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

/** Both answer 200 without errors, with the same citizens and the same data; throws otherwise. */
export async function checkTargetsAgree(gateway: BenchTarget, raw: BenchTarget): Promise<PageSummary> {
  // (`raw` is the reference: raw SQL, or for a gated variant the run it is compared with.)
  const fromGateway = await ask(gateway);
  const fromRaw = await ask(raw);
  const nodes = citizensOf(fromGateway.answer);
  const gatewayIds = nodes.map((node) => node.id);
  const rawIds = citizensOf(fromRaw.answer).map((node) => node.id);
  if (gatewayIds.length < 20) throw new Error(`The gateway returned ${gatewayIds.length} citizens, not a full page of 20`);
  if (!isDeepStrictEqual(gatewayIds, rawIds)) {
    throw new Error(`The targets returned different citizens:\n  gateway: ${gatewayIds.join(', ')}\n  raw-sql: ${rawIds.join(', ')}`);
  }
  const difference = firstDifference(fromGateway.answer.data, fromRaw.answer.data);
  if (difference) throw new Error(`The targets answered differently (gateway vs raw-sql) at ${difference}`);
  const count = (pick: (node: (typeof nodes)[number]) => unknown[] | null | undefined) => nodes.reduce((sum, node) => sum + (pick(node)?.length ?? 0), 0);
  return {
    citizens: nodes.length,
    civilEvents: count((node) => node.civilEvents),
    landParcels: count((node) => node.landParcels),
    businesses: count((node) => node.businesses),
    responseBytes: fromGateway.bytes,
  };
}
