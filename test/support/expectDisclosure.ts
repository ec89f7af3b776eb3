// "This disclosure was recorded": what one request (by the gateway's x-request-id) left in one
// agency's disclosure log — who asked, why, about whom, and per field what was given on which legal
// basis or refused for which reason. The same expectation says what the who-used-my-data views list.
import { expect } from 'vitest';
import { readDisclosureLog, type LogEntry } from '../../shared/audit/disclosureLogReader.ts';
import { findService } from '../../shared/config/services.ts';
import { getStack } from './stack.ts';

/** One field decided about one person; `rule` is compared only when stated. */
export type RecordedField =
  | { field: string; decision: 'disclosed'; basis: string; rule?: unknown }
  | { field: string; decision: 'refused'; reason: string; rule?: unknown };

export interface ExpectedDisclosure {
  /** The register (subgraph) whose log holds the record: `population`, `civil-status`, `land`, ... */
  register: string;
  /** The request, by the `x-request-id` the gateway answered with. */
  requestId: string;
  /** The agency that asked (null: a person asking about themself). */
  agency: string | null;
  /** Compared only when stated: the account that asked, and its roles. */
  principal?: string | null;
  roles?: string[];
  purpose: string | null;
  /** The dossier named in X-Case-Id; none unless stated. */
  caseId?: string | null;
  /** Every person the request touched in this register, each with every field decided, in the order recorded. */
  subjects: Record<string, RecordedField[]>;
}

/** Everything one request left in one register's disclosure log, one entry per data subject. */
export async function disclosuresOf(register: string, requestId: string): Promise<LogEntry[]> {
  const { subgraphs } = await getStack();
  return readDisclosureLog(subgraphs[register].database.knex, { all: true }, { filter: { requestId }, limit: 1000 });
}

function decisionOver(fields: RecordedField[]): 'disclosed' | 'refused' | 'partial' {
  const disclosed = fields.some((field) => field.decision === 'disclosed');
  const refused = fields.some((field) => field.decision === 'refused');
  return disclosed && refused ? 'partial' : refused ? 'refused' : 'disclosed';
}

const bySubject = <T extends { dataSubject: string | null }>(a: T, b: T) => String(a.dataSubject).localeCompare(String(b.dataSubject));

/**
 * Asserts the register recorded the request exactly so: the caller, purpose and case, one entry per
 * data subject and no other, each with its fields and the decision over them. Returns the entries.
 */
export async function expectDisclosure(expected: ExpectedDisclosure): Promise<LogEntry[]> {
  const entries = await disclosuresOf(expected.register, expected.requestId);
  const wanted = Object.entries(expected.subjects)
    .map(([dataSubject, fields]) => ({
      requestId: expected.requestId,
      agency: expected.agency,
      ...('principal' in expected ? { principal: expected.principal } : {}),
      ...('roles' in expected ? { roles: expected.roles } : {}),
      purpose: expected.purpose,
      caseId: expected.caseId ?? null,
      dataSubject,
      decision: decisionOver(fields),
      fields,
    }))
    .sort(bySubject);
  const recorded = [...entries].sort(bySubject).map((entry, index) => {
    const counterpart = wanted[index]?.fields ?? [];
    return {
      requestId: entry.requestId,
      agency: entry.agency,
      ...('principal' in expected ? { principal: entry.principal } : {}),
      ...('roles' in expected ? { roles: entry.roles } : {}),
      purpose: entry.purpose,
      caseId: entry.caseId,
      dataSubject: entry.dataSubject,
      decision: entry.decision,
      fields: entry.fields.map(({ rule, ...field }, at) => ({ ...field, ...(counterpart[at] && 'rule' in counterpart[at] ? { rule } : {}) })),
    };
  });
  expect({ register: expected.register, entries: recorded }).toEqual({ register: expected.register, entries: wanted });
  return entries;
}

/**
 * The same disclosure as `myDataAccessLog` and `dataAccessLog` list it (without `at` and
 * `principal`): one entry per data subject, decisions in capitals, the basis as `legalBasis`.
 */
export function disclosureAsListed(expected: ExpectedDisclosure) {
  return Object.entries(expected.subjects).map(([dataSubject, fields]) => ({
    requestId: expected.requestId,
    register: expected.register,
    holderAgency: findService(expected.register)?.ownerAgency,
    agency: expected.agency,
    purpose: expected.purpose,
    caseId: expected.caseId ?? null,
    dataSubject,
    decision: decisionOver(fields).toUpperCase(),
    fields: fields.map((field) => ({
      field: field.field,
      decision: field.decision.toUpperCase(),
      legalBasis: field.decision === 'disclosed' ? field.basis : null,
      reason: field.decision === 'refused' ? field.reason : null,
    })),
  }));
}
