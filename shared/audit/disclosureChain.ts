// The hash chain of the disclosure log: how a row is hashed, and how the chain is checked.
//
// A row records what one request asked of one agency about personal data: who asked, why, and per
// data subject which fields were disclosed on what basis or refused for what reason. Rows keep the
// form they were written in, are read the same way and verify with the hash they were written with:
// since Dec 2026 each distinct outcome once (`outcome_sets`, `outcome_of`); Nov-Dec 2026 each data
// subject's outcome in full (`outcomes`); before, one data subject per row (`data_subject`, `fields`).
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Principal } from '../auth/Principal.ts';
import type { Restriction } from '../policy/PolicyDocument.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type DisclosureDecision = 'disclosed' | 'refused' | 'partial';

/** A request as the log records it: when, who asked (the caller's Principal, flattened), and why. */
export interface LoggedRequest {
  requestId: string;
  at: string;
  principal: string | null;
  agency: string | null;
  roles: string[];
  purpose: string | null;
  caseId: string | null;
  /** The parent who asked for a minor child (X-Child-Id; `principal` is the child); absent otherwise. */
  guardian?: string | null;
}

/** The request a row records: the caller the gateway vouched for, flattened, and when. */
export function loggedRequest(principal: Principal, at: string): LoggedRequest {
  return {
    requestId: principal.requestId,
    at,
    principal: principal.subject,
    agency: principal.agency,
    roles: principal.roles,
    purpose: principal.purpose,
    caseId: principal.caseId,
    ...(principal.guardian && { guardian: principal.guardian }),
  };
}

/** One row of the log: one request's decisions on one agency's personal data. */
export interface DisclosureRecord extends LoggedRequest {
  /** The people the data is about, in the order of `outcomes` (null: fields of no one in particular). */
  dataSubjects: Array<string | null>;
  outcomes: SubjectOutcome[];
  /** Over every subject: all disclosed, all refused, or partial. */
  decision: DisclosureDecision;
}

/** What one data subject's fields came to in one request. */
export interface SubjectOutcome {
  decision: DisclosureDecision;
  /** The fields asked for, grouped by outcome: those disclosed on one basis, or refused for one reason, under one rule. */
  fields: FieldOutcome[];
}

export interface FieldOutcome {
  /** Type.field of each field with this outcome. */
  fields: string[];
  decision: 'disclosed' | 'refused';
  basis?: string;
  reason?: string;
  rule: string | null;
  /**
   * Hidden from the data subject until released or over (a restricted rule). `requestId`, on the record
   * of a read of the log, names the restricted request whose release also releases this read.
   */
  restricted?: Restriction & { requestId?: string };
}

/** A row as written before Nov 2026: one request and one data subject. */
export interface PersonRecord extends LoggedRequest {
  dataSubject: string | null;
  /** Grouped outcomes, or (the first rows) one entry per field: `{field, decision, basis|reason, rule}`. */
  fields: unknown[];
  decision: DisclosureDecision;
}

/** The decision over a set of outcomes. */
export function overallDecision(decisions: Iterable<DisclosureDecision>): DisclosureDecision {
  let disclosed = false;
  let refused = false;
  for (const decision of decisions) {
    if (decision !== 'refused') disclosed = true;
    if (decision !== 'disclosed') refused = true;
  }
  return disclosed && refused ? 'partial' : refused ? 'refused' : 'disclosed';
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number';
}

/** JSON with object keys sorted at every level: jsonb stores keys in its own order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    // A list of strings, numbers and nulls (data subjects, roles, outcome indexes): JSON.stringify gives that text already.
    if (value.every(isScalar)) return JSON.stringify(value);
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function sha256(prevHash: string, text: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(text).digest('hex');
}

/**
 * A record as rows are written since Dec 2026: each distinct outcome once (`outcomeSets`) and, per data
 * subject, the index of theirs (`outcomeOf`). Most subjects of a request share one outcome, so a row of
 * twenty people holds one or two outcomes, not twenty copies (disclosureLogSharedOutcomesMigration.ts).
 */
export interface StoredRecord extends LoggedRequest {
  dataSubjects: Array<string | null>;
  outcomeSets: SubjectOutcome[];
  outcomeOf: number[];
  decision: DisclosureDecision;
}

const SUBJECT_OUTCOME_KEYS = new Set(['decision', 'fields']);
const FIELD_OUTCOME_KEYS = new Set(['basis', 'decision', 'fields', 'reason', 'restricted', 'rule']);
const RESTRICTION_KEYS = new Set(['legalBasis', 'notifyAfter', 'requestId']);
/** Keys that hold a list or an object, checked by isPlainOutcome itself. */
const SUBJECT_OUTCOME_NESTED: ReadonlySet<string> = new Set(['fields']);
const FIELD_OUTCOME_NESTED: ReadonlySet<string> = new Set(['fields', 'restricted']);
const NOTHING_NESTED: ReadonlySet<string> = new Set();

/** Only the given keys, each holding a string or nothing (null, undefined), but the `nested` ones. */
function stringsUnder(value: unknown, keys: Set<string>, nested: ReadonlySet<string>): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  // for-in over an object literal: no array of entries made per object (a consent-gated row checks forty).
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!keys.has(key)) return false;
    if (nested.has(key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && item !== null && typeof item !== 'string') return false;
  }
  return true;
}

function isPlainOutcome(outcome: SubjectOutcome): boolean {
  if (!stringsUnder(outcome, SUBJECT_OUTCOME_KEYS, SUBJECT_OUTCOME_NESTED) || !Array.isArray(outcome.fields)) return false;
  for (const group of outcome.fields) {
    if (!stringsUnder(group, FIELD_OUTCOME_KEYS, FIELD_OUTCOME_NESTED) || !Array.isArray(group.fields)) return false;
    for (const field of group.fields) if (typeof field !== 'string') return false;
    if (group.restricted !== undefined && !stringsUnder(group.restricted, RESTRICTION_KEYS, NOTHING_NESTED)) return false;
  }
  return true;
}

/**
 * canonicalJson's text of an outcome, built without sorting when it holds only the keys the collector
 * puts there, as strings (a consent-gated row has an outcome per person: each consent is its basis).
 * Anything else goes through canonicalJson, so the stored text never differs from what verify computes.
 */
function outcomeText(outcome: SubjectOutcome): string {
  if (!isPlainOutcome(outcome)) return canonicalJson(outcome);
  return JSON.stringify({
    decision: outcome.decision,
    fields: outcome.fields.map((group) => ({
      basis: group.basis, decision: group.decision, fields: group.fields, reason: group.reason,
      restricted: group.restricted && { legalBasis: group.restricted.legalBasis, notifyAfter: group.restricted.notifyAfter, requestId: group.restricted.requestId },
      rule: group.rule,
    })),
  });
}

/**
 * The stored form of a record, and the canonical JSON of each of its outcome sets (the hash is built
 * from them). Outcomes are shared by identity first (the collector hands one object to the subjects
 * whose outcome is the same), then by their canonical text, so only distinct objects are serialised.
 */
export function storedForm(record: DisclosureRecord): { stored: StoredRecord; setTexts: string[] } {
  const byObject = new Map<SubjectOutcome, number>();
  const byText = new Map<string, number>();
  const outcomeSets: SubjectOutcome[] = [];
  const setTexts: string[] = [];
  const outcomeOf = record.outcomes.map((outcome) => {
    let index = byObject.get(outcome);
    if (index === undefined) {
      const text = outcomeText(outcome);
      index = byText.get(text);
      if (index === undefined) {
        index = outcomeSets.push(outcome) - 1;
        setTexts.push(text);
        byText.set(text, index);
      }
      byObject.set(outcome, index);
    }
    return index;
  });
  const { outcomes: _outcomes, ...request } = record;
  return { stored: { ...request, outcomeSets, outcomeOf }, setTexts };
}

/**
 * The hash of a row of the current form: of the canonical JSON of its values in column order. `setTexts`
 * (canonical JSON of each outcome set, from storedForm) saves serialising them again.
 */
export function hashStoredRecord(prevHash: string, record: StoredRecord, setTexts = record.outcomeSets.map(canonicalJson)): string {
  // A guardian is hashed after the data subjects, only when there is one: rows without keep their hashes.
  const head = canonicalJson([
    record.requestId, record.at, record.principal, record.agency, record.roles, record.purpose, record.caseId, record.dataSubjects,
    ...(record.guardian ? [record.guardian] : []),
  ]);
  return sha256(prevHash, `${head.slice(0, -1)},[${setTexts.join(',')}],${canonicalJson(record.outcomeOf)},${canonicalJson(record.decision)}]`);
}

/** The hash of a row written Nov-Dec 2026 (each data subject's outcome in full), as it was computed then. */
export function hashPerRequestRecord(prevHash: string, record: DisclosureRecord): string {
  return sha256(prevHash, canonicalJson([
    record.requestId, record.at, record.principal, record.agency, record.roles, record.purpose,
    record.caseId, record.dataSubjects, record.outcomes, record.decision,
  ]));
}

/** The hash of a row written before Nov 2026 (one data subject), as it was computed then. */
export function hashPersonRecord(prevHash: string, record: PersonRecord): string {
  return sha256(prevHash, canonicalJson([
    record.requestId, record.at, record.principal, record.agency, record.roles, record.purpose,
    record.caseId, record.dataSubject, record.fields, record.decision,
  ]));
}

export const RECORD_COLUMNS = {
  seq: 'seq',
  requestId: 'request_id',
  at: 'at',
  principal: 'principal',
  agency: 'agency',
  roles: 'roles',
  purpose: 'purpose',
  caseId: 'case_id',
  guardian: 'guardian',
  dataSubjects: 'data_subjects',
  outcomeSets: 'outcome_sets',
  outcomeOf: 'outcome_of',
  outcomes: 'outcomes',
  dataSubject: 'data_subject',
  fields: 'fields',
  decision: 'decision',
  prevHash: 'prev_hash',
  hash: 'hash',
};

/** A row as read with RECORD_COLUMNS: the columns of its own form are set, the others null. */
export type StoredRow = LoggedRequest & {
  seq: string | number;
  at: Date | string;
  dataSubjects: StoredRecord['dataSubjects'] | null;
  outcomeSets: StoredRecord['outcomeSets'] | null;
  outcomeOf: StoredRecord['outcomeOf'] | null;
  outcomes: DisclosureRecord['outcomes'] | null;
  dataSubject: string | null;
  fields: unknown[] | null;
  decision: DisclosureDecision;
  prevHash: string;
  hash: string;
};

/** The hash a stored row should have, in the form it was written in. */
export function expectedHash(row: StoredRow): string {
  const at = new Date(row.at).toISOString();
  if (row.outcomeSets !== null || row.outcomeOf !== null) {
    return hashStoredRecord(row.prevHash, { ...row, at, dataSubjects: row.dataSubjects ?? [], outcomeSets: row.outcomeSets ?? [], outcomeOf: row.outcomeOf ?? [] });
  }
  if (row.outcomes !== null || row.dataSubjects !== null) {
    return hashPerRequestRecord(row.prevHash, { ...row, at, dataSubjects: row.dataSubjects ?? [], outcomes: row.outcomes ?? [] });
  }
  return hashPersonRecord(row.prevHash, { ...row, at, fields: row.fields ?? [] });
}

export interface ChainCheck {
  rows: number;
  /** The first row whose link is broken, and why; null when the chain is whole. */
  broken: { seq: string; problem: string } | null;
}

/** Walks the chain in order, a page at a time. */
export async function verifyDisclosureChain(knex: Knex, pageSize = 5000): Promise<ChainCheck> {
  let previous = GENESIS_HASH;
  let after = '0';
  let rows = 0;
  for (;;) {
    const page: StoredRow[] = await knex('disclosure_log').select(RECORD_COLUMNS).where('seq', '>', after).orderBy('seq').limit(pageSize);
    for (const row of page) {
      rows += 1;
      if (row.prevHash !== previous) return { rows, broken: { seq: String(row.seq), problem: 'its link to the previous row does not match (a row was removed or inserted)' } };
      if (expectedHash(row) !== row.hash) return { rows, broken: { seq: String(row.seq), problem: 'its content does not match its hash (the row was changed)' } };
      previous = row.hash;
    }
    if (page.length < pageSize) return { rows, broken: null };
    after = String(page[page.length - 1].seq);
  }
}
