// What a proposed policy would have changed: the disclosure-log entries of the last days, read from every
// agency through the same internal route the access log uses (with the relay tokens the gateway minted
// for the proposing security officer), each logged field decided again under the proposed policies with
// decideAccess and the caller the entry records. Counted per consumer agency and field: refused then,
// disclosed now, and the reverse. A decision that would rest on the data subject's consent or request,
// or on the agency's connection agreement, is not re-decided from the log: those are counted apart, never guessed.
import type { Role } from '../../../../shared/auth/Principal.ts';
import { DISCLOSURE_LOG_PATH } from '../../../../shared/auth/relayTokens.ts';
import { positionOf, type LogEntry, type LogPosition } from '../../../../shared/audit/disclosureLogReader.ts';
import { SUBGRAPH_SERVICES } from '../../../../shared/config/services.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { MAX_ACCESS_LOG_PAGE_SIZE, MAX_POLICY_IMPACT_ROWS } from '../../../../shared/loaders/listBounds.ts';
import { logError } from '../../../../shared/logging/log.ts';
import type { CompiledPolicies } from '../../../../shared/policy/compilePolicies.ts';
import { decideAccess } from '../../../../shared/policy/decideAccess.ts';
import { NO_CONNECTIONS } from '../../../../shared/policy/HeldConnections.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { callRegisterLog } from '../accessLog/callRegisterLog.ts';

export const DEFAULT_IMPACT_DAYS = 30;
export const MAX_IMPACT_DAYS = 90;
/** Entries read per register at most (pages of the route's largest size): the replay says when it stopped there. */
export const MAX_ENTRIES_PER_REGISTER = 1000;

export interface ImpactRow {
  agency: string;
  field: string;
  refusedToDisclosed: number;
  disclosedToRefused: number;
  /** Would rest on the data subject's consent or request: not re-decided. */
  notReDecided: number;
}

export interface PolicyImpact {
  days: number;
  from: string;
  entriesReplayed: number;
  fieldDecisionsReplayed: number;
  /** True when some register held more than MAX_ENTRIES_PER_REGISTER entries in the period: only the newest were replayed. */
  capped: boolean;
  maxEntriesPerRegister: number;
  unavailableRegisters: string[];
  /** Only agency and field pairs where something would change or could not be re-decided; most first, at most MAX_POLICY_IMPACT_ROWS. */
  rows: ImpactRow[];
}

export function impactDaysOf(days: number | null | undefined): number {
  if (days === null || days === undefined) return DEFAULT_IMPACT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_IMPACT_DAYS) throw badUserInput(`"impactDays" must be 1 to ${MAX_IMPACT_DAYS}`, 'impactDays');
  return days;
}

const weight = (row: ImpactRow) => row.refusedToDisclosed + row.disclosedToRefused + row.notReDecided;

const REGISTRY_REASONS = new Set(['CONSENT_REQUIRED', 'SUBJECT_REQUEST_REQUIRED', 'CONNECTION_REQUIRED', 'CONNECTION_SUSPENDED']);

async function readRecentEntries(ctx: SubgraphContext<unknown>, register: string, from: string): Promise<{ entries: LogEntry[]; capped: boolean }> {
  const entries: LogEntry[] = [];
  let before: LogPosition | undefined;
  while (entries.length < MAX_ENTRIES_PER_REGISTER) {
    const limit = Math.min(MAX_ACCESS_LOG_PAGE_SIZE, MAX_ENTRIES_PER_REGISTER - entries.length);
    // Only counts leave the replay: the register does not record the read as a look at the entries.
    const page = await callRegisterLog<{ entries: LogEntry[] }>(ctx, register, DISCLOSURE_LOG_PATH, { filter: { from }, before, limit, forImpactReplay: true });
    entries.push(...page.entries);
    if (page.entries.length < limit) return { entries, capped: false };
    before = positionOf(page.entries[page.entries.length - 1]);
  }
  return { entries, capped: true };
}

export async function replayImpact(ctx: SubgraphContext<unknown>, proposed: ReadonlyMap<string, CompiledPolicies>, days: number): Promise<PolicyImpact> {
  const from = new Date(Date.now() - days * 86_400_000).toISOString();
  const rows = new Map<string, ImpactRow>();
  const unavailable: string[] = [];
  let capped = false;
  let entriesReplayed = 0;
  let fieldDecisionsReplayed = 0;
  const reads = await Promise.all(
    SUBGRAPH_SERVICES.map(async (service) => {
      try {
        return { register: service.name, ...(await readRecentEntries(ctx, service.name, from)) };
      } catch (error) {
        logError('disclosure log unavailable for the impact replay', { requestId: ctx.principal.requestId, register: service.name, error });
        unavailable.push(service.name);
        return { register: service.name, entries: [] as LogEntry[], capped: false };
      }
    }),
  );
  for (const { register, entries, capped: registerCapped } of reads) {
    capped ||= registerCapped;
    const policies = proposed.get(register);
    for (const entry of entries) {
      entriesReplayed += 1;
      const principal = {
        subject: entry.principal,
        agency: entry.agency,
        roles: entry.roles as Role[],
        purpose: entry.purpose,
        caseId: entry.caseId,
        requestId: ctx.principal.requestId,
      };
      const subjects = entry.dataSubject ? [entry.dataSubject] : [];
      for (const outcome of entry.fields) {
        const field = policies?.fields.get(outcome.field);
        // Only a register's field decisions are replayed: a look at the log (`DataAccess.entry`) or a
        // lookup's record-level check (`Query.citizen`, decided on the record's fields) is not one.
        if (!field || field.type === 'Query') continue;
        fieldDecisionsReplayed += 1;
        const now = decideAccess(field, principal, () => subjects, NO_CONNECTIONS);
        const disclosedNow = now?.allowed === true;
        const row = () => {
          const key = `${entry.agency ?? ''}\0${outcome.field}`;
          let found = rows.get(key);
          if (!found) rows.set(key, (found = { agency: entry.agency ?? '(none)', field: outcome.field, refusedToDisclosed: 0, disclosedToRefused: 0, notReDecided: 0 }));
          return found;
        };
        if (now && !now.allowed && REGISTRY_REASONS.has(now.reason)) {
          // Refused then for the same want of consent, request or connection: unchanged; otherwise the registry would decide.
          if (!(outcome.decision === 'refused' && outcome.reason && REGISTRY_REASONS.has(outcome.reason))) row().notReDecided += 1;
        } else if (outcome.decision === 'refused' && disclosedNow) row().refusedToDisclosed += 1;
        else if (outcome.decision === 'disclosed' && !disclosedNow) row().disclosedToRefused += 1;
      }
    }
  }
  return {
    days,
    from,
    entriesReplayed,
    fieldDecisionsReplayed,
    capped,
    maxEntriesPerRegister: MAX_ENTRIES_PER_REGISTER,
    unavailableRegisters: unavailable.sort(),
    rows: [...rows.values()].sort((a, b) => weight(b) - weight(a) || a.agency.localeCompare(b.agency) || a.field.localeCompare(b.field)).slice(0, MAX_POLICY_IMPACT_ROWS),
  };
}
