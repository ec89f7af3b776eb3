// The results as a plain table on stdout and as JSON in bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PageSummary, TargetName } from './benchTargets.ts';
import type { LoadResult } from './runLoad.ts';

export const RESULTS_PATH = new URL('./results/latest.json', import.meta.url);

export interface Measurement extends LoadResult {
  target: TargetName;
  connections: number;
  /** Statements sent by the target's services during the run (all six subgraphs for the gateway). */
  sqlStatements: number;
  sqlPerRequest: number;
}

export interface BenchReport {
  date: string;
  /** `loadAverage` is the 1-minute load average when the run started: other work on the machine skews results. */
  machine: { cpus: number; cpuModel: string; node: string; platform: string; loadAverage: number };
  postgres: string;
  citizens: number;
  /** The gateway's caller (token claims and X-Purpose). */
  caller: { roles: string[]; agency: string; purpose: string };
  ward: { code: string; residents: number };
  page: PageSummary;
  warmupSeconds: number;
  durationSeconds: number;
  measurements: Measurement[];
  /**
   * Per connection count: the full stack over raw SQL; policies on (disclosure log off) over policies off
   * (what authorization costs); the full stack over policies-only (what the disclosure log costs).
   */
  ratios: {
    connections: number;
    gatewayOverRaw: number;
    /** The full stack over the same with operation and rate limits off: what the limits cost. */
    limitsOnOverOff: number | null;
    policiesOnOverOff: number | null;
    auditOnOverOff: number | null;
    consentGatedOverPolicyOnly: number | null;
  }[];
}

export function ratiosOf(measurements: Measurement[]): BenchReport['ratios'] {
  const counts = [...new Set(measurements.map((measurement) => measurement.connections))];
  return counts.flatMap((connections) => {
    const find = (target: TargetName) => measurements.find((m) => m.target === target && m.connections === connections);
    const gateway = find('gateway');
    const raw = find('raw-sql');
    const withoutPolicies = find('gateway-no-policies');
    const withoutAudit = find('gateway-no-audit');
    if (!gateway || !raw || raw.requestsPerSecond <= 0) return [];
    const over = (a: Measurement | undefined, b: Measurement | undefined) => (a && b && b.requestsPerSecond > 0 ? a.requestsPerSecond / b.requestsPerSecond : null);
    return [{
      connections,
      gatewayOverRaw: gateway.requestsPerSecond / raw.requestsPerSecond,
      limitsOnOverOff: over(gateway, find('gateway-no-limits')),
      policiesOnOverOff: over(withoutAudit, withoutPolicies),
      auditOnOverOff: over(gateway, withoutAudit),
      consentGatedOverPolicyOnly: over(find('consent-gated'), find('policy-only')),
    }];
  });
}

export function machineInfo(): BenchReport['machine'] {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: Number(loadavg()[0].toFixed(2)),
  };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}

export function printReport(report: BenchReport): void {
  const rows = report.measurements.map((m) => [
    m.target,
    String(m.connections),
    m.requestsPerSecond.toFixed(1),
    String(m.p50Ms),
    String(m.p99Ms),
    // Non-2xx answers and connection errors/timeouts are both failures of the target.
    m.non2xx + m.errors === 0 ? '0' : `${m.non2xx} non-2xx, ${m.errors} err`,
    m.sqlPerRequest.toFixed(2),
  ]);
  const page = report.page;
  console.log(`
Benchmark: one page of ${page.citizens} citizens of ward ${report.ward.code} (${report.ward.residents.toLocaleString('en')} residents) with civil events, land parcels, enterprises
  page holds ${page.civilEvents} civil events, ${page.landParcels} parcels, ${page.businesses} enterprises; ${page.responseBytes} bytes of JSON
  date ${report.date}; ${report.machine.cpus} cores (${report.machine.cpuModel}), node ${report.machine.node}, ${report.machine.platform}, load average ${report.machine.loadAverage} at start
  gateway caller: ${report.caller.roles.join(',')} of ${report.caller.agency}, X-Purpose ${report.caller.purpose}
  scale ${report.citizens.toLocaleString('en')} citizens; Postgres ${report.postgres}; load and all services on this machine over loopback
  autocannon: ${report.warmupSeconds} s warm-up per target, then ${report.durationSeconds} s per run, targets one after another

${table(['target', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'SQL/request'], rows)}
`);
  for (const ratio of report.ratios) {
    const policies = ratio.policiesOnOverOff === null ? '' : `; policies on/off (no audit) ${ratio.policiesOnOverOff.toFixed(2)}x`;
    const audit = ratio.auditOnOverOff === null ? '' : `; disclosure log on/off (policies on) ${ratio.auditOnOverOff.toFixed(2)}x`;
    console.log(`gateway/raw at ${ratio.connections} connections: ${ratio.gatewayOverRaw.toFixed(2)}x${policies}${audit}`);
  }
  for (const ratio of report.ratios) {
    if (ratio.limitsOnOverOff === null) continue;
    console.log(`limits on/off (operation and rate limits) at ${ratio.connections} connections: ${ratio.limitsOnOverOff.toFixed(2)}x (target at least 0.97)`);
  }
  for (const ratio of report.ratios) {
    if (ratio.consentGatedOverPolicyOnly === null) continue;
    console.log(
      `consent-gated/policy-only at ${ratio.connections} connections: ${ratio.consentGatedOverPolicyOnly.toFixed(2)}x (target at least 0.60)`,
    );
  }
  console.log(
    'consent-gated: an agency reading identity fields only with each citizen\'s consent (a consent check and a disclosure-log entry per row); ' +
      'policy-only: the same query by the police (statutory basis) with the disclosure log off.',
  );
  console.log('SQL/request: statements counted by the services over the requests sent (completed + in flight at the end).');
  if (report.machine.loadAverage > report.machine.cpus / 2) {
    console.log(
      `Warning: the load average was ${report.machine.loadAverage} on ${report.machine.cpus} cores when the run started: ` +
        'other work shares the machine, so absolute numbers are low and noisy; the ratios are less affected.',
    );
  }
}

export function writeReport(report: BenchReport): string {
  const path = fileURLToPath(RESULTS_PATH);
  mkdirSync(fileURLToPath(new URL('.', RESULTS_PATH)), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
