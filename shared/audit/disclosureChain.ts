// The hash chain of the disclosure log: how a row is hashed, and how the chain is checked.
//
// A row records what one request asked of one agency about personal data: who asked, why, and per
// data subject which fields were disclosed on what basis or refused for what reason. Rows written
// before (up to Nov 2026) hold one data subject each (`data_subject`, `fields`); they stay as they
// are, are read the same way and verify with the hash they were written with.
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

/** JSON with object keys sorted at every level: jsonb stores keys in its own order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const FIELD_OUTCOME_KEYS = new Set(['basis', 'decision', 'fields', 'reason', 'restricted', 'rule']);
const SUBJECT_OUTCOME_KEYS = new Set(['decision', 'fields']);

function hasOnlyKeys(value: unknown, keys: Set<string>): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  for (const key in value) if (!keys.has(key)) return false;
  return true;
}

const RESTRICTION_KEYS = new Set(['legalBasis', 'notifyAfter', 'requestId']);

/** A restriction the fast path hashes exactly as canonicalJson would: known keys, string values. */
function isPlainRestriction(value: unknown): boolean {
  return hasOnlyKeys(value, RESTRICTION_KEYS) && Object.values(value as object).every((item) => typeof item === 'string' || item === undefined);
}

function isFieldOutcomeList(value: unknown): value is FieldOutcome[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        hasOnlyKeys(entry, FIELD_OUTCOME_KEYS) &&
        Array.isArray(entry.fields) &&
        entry.fields.every((field: unknown) => typeof field === 'string') &&
        (entry.restricted === undefined || isPlainRestriction(entry.restricted)),
    )
  );
}

/** Field outcomes with their keys in sorted order (JSON.stringify leaves out undefined, as canonicalJson does). */
function sortedFieldOutcomes(fields: FieldOutcome[]) {
  return fields.map((entry) => ({
    basis: entry.basis, decision: entry.decision, fields: entry.fields, reason: entry.reason,
    restricted: entry.restricted && { legalBasis: entry.restricted.legalBasis, notifyAfter: entry.restricted.notifyAfter, requestId: entry.restricted.requestId },
    rule: entry.rule,
  }));
}

/**
 * The same text as canonicalJson, built without sorting when every outcome holds only the keys the
 * writer puts there (the writer hashes every row it appends). Anything else, e.g. a row read back
 * with a key added by hand, goes through canonicalJson, so nothing escapes the hash.
 */
function recordText(values: unknown[], outcomes: unknown): string {
  if (!Array.isArray(outcomes) || !outcomes.every((outcome) => hasOnlyKeys(outcome, SUBJECT_OUTCOME_KEYS) && isFieldOutcomeList(outcome.fields))) {
    return canonicalJson(values);
  }
  const sorted = (outcomes as SubjectOutcome[]).map((outcome) => ({ decision: outcome.decision, fields: sortedFieldOutcomes(outcome.fields) }));
  return JSON.stringify(values.map((value) => (value === outcomes ? sorted : value ?? null)));
}

/** The same for a row of one data subject. */
function personRecordText(values: unknown[], fields: unknown): string {
  if (!isFieldOutcomeList(fields)) return canonicalJson(values);
  return JSON.stringify(values.map((value) => (value === fields ? sortedFieldOutcomes(fields) : value ?? null)));
}

function stringsOnly(values: unknown): boolean {
  return Array.isArray(values) && values.every((value) => typeof value === 'string' || value === null);
}

function sha256(prevHash: string, text: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(text).digest('hex');
}

/** Canonical text of a row, so the hash does not depend on how it was built or stored. */
export function hashRecord(prevHash: string, record: DisclosureRecord): string {
  const values: unknown[] = [
    record.requestId, record.at, record.principal, record.agency, record.roles, record.purpose,
    record.caseId, record.dataSubjects, record.outcomes, record.decision,
  ];
  const plain = stringsOnly(record.roles) && stringsOnly(record.dataSubjects);
  return sha256(prevHash, plain ? recordText(values, record.outcomes) : canonicalJson(values));
}

/** The hash of a row written before Nov 2026 (one data subject), as it was computed then. */
export function hashPersonRecord(prevHash: string, record: PersonRecord): string {
  const values: unknown[] = [
    record.requestId, record.at, record.principal, record.agency, record.roles, record.purpose,
    record.caseId, record.dataSubject, record.fields, record.decision,
  ];
  return sha256(prevHash, stringsOnly(record.roles) ? personRecordText(values, record.fields) : canonicalJson(values));
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
  dataSubjects: 'data_subjects',
  outcomes: 'outcomes',
  dataSubject: 'data_subject',
  fields: 'fields',
  decision: 'decision',
  prevHash: 'prev_hash',
  hash: 'hash',
};

/** A row as read with RECORD_COLUMNS. */
export type StoredRow = Omit<DisclosureRecord & PersonRecord, 'at' | 'dataSubjects' | 'outcomes'> & {
  seq: string | number;
  at: Date | string;
  dataSubjects: DisclosureRecord['dataSubjects'] | null;
  outcomes: DisclosureRecord['outcomes'] | null;
  prevHash: string;
  hash: string;
};

/** The hash a stored row should have, in the form it was written in. */
export function expectedHash(row: StoredRow): string {
  const at = new Date(row.at).toISOString();
  if (row.dataSubjects === null && row.outcomes === null) return hashPersonRecord(row.prevHash, { ...row, at });
  return hashRecord(row.prevHash, { ...row, at, dataSubjects: row.dataSubjects as DisclosureRecord['dataSubjects'], outcomes: row.outcomes as SubjectOutcome[] });
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
