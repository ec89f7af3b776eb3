// The hash chain of the disclosure log: how a row is hashed, and how the chain is checked.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

export const GENESIS_HASH = '0'.repeat(64);

export interface DisclosureRecord {
  requestId: string;
  at: string;
  principal: string | null;
  agency: string | null;
  roles: string[];
  purpose: string | null;
  caseId: string | null;
  dataSubject: string | null;
  /** The fields asked for, grouped by outcome: those disclosed on one basis, or refused for one reason, under one rule. */
  fields: FieldOutcome[];
  decision: 'disclosed' | 'refused' | 'partial';
}

export interface FieldOutcome {
  /** Type.field of each field with this outcome. */
  fields: string[];
  decision: 'disclosed' | 'refused';
  basis?: string;
  reason?: string;
  rule: string | null;
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

const OUTCOME_KEYS = new Set(['basis', 'decision', 'fields', 'reason', 'rule']);

/**
 * The same text as canonicalJson for a record whose field entries hold only the keys the writer
 * puts there, built without sorting (the writer hashes every record it appends). Anything else, e.g.
 * a row read back with a key added by hand, goes through canonicalJson, so nothing escapes the hash.
 */
function recordJson(values: unknown[], fields: DisclosureRecord['fields']): string {
  for (const entry of fields) {
    if (!Array.isArray(entry.fields) || !entry.fields.every((field) => typeof field === 'string')) return canonicalJson(values);
    for (const key in entry) if (!OUTCOME_KEYS.has(key)) return canonicalJson(values);
  }
  // Keys in sorted order; JSON.stringify leaves out undefined properties, as canonicalJson does.
  const sorted = fields.map((entry) => ({ basis: entry.basis, decision: entry.decision, fields: entry.fields, reason: entry.reason, rule: entry.rule }));
  return JSON.stringify(values.map((value) => (value === fields ? sorted : value ?? null)));
}

/** Canonical text of a record, so the hash does not depend on how it was built or stored. */
export function hashRecord(prevHash: string, record: DisclosureRecord): string {
  const values: unknown[] = [
    record.requestId, record.at, record.principal, record.agency, record.roles, record.purpose,
    record.caseId, record.dataSubject, record.fields, record.decision,
  ];
  const canonical = Array.isArray(record.fields) && record.roles.every((role) => typeof role === 'string') ? recordJson(values, record.fields) : canonicalJson(values);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
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
  dataSubject: 'data_subject',
  fields: 'fields',
  decision: 'decision',
  prevHash: 'prev_hash',
  hash: 'hash',
};

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
    const page = await knex('disclosure_log').select(RECORD_COLUMNS).where('seq', '>', after).orderBy('seq').limit(pageSize);
    for (const row of page) {
      rows += 1;
      if (row.prevHash !== previous) return { rows, broken: { seq: String(row.seq), problem: 'its link to the previous row does not match (a row was removed or inserted)' } };
      const record: DisclosureRecord = { ...row, at: new Date(row.at).toISOString() };
      if (hashRecord(row.prevHash, record) !== row.hash) return { rows, broken: { seq: String(row.seq), problem: 'its content does not match its hash (the row was changed)' } };
      previous = row.hash;
    }
    if (page.length < pageSize) return { rows, broken: null };
    after = String(page[page.length - 1].seq);
  }
}
