// The results as plain tables on stdout (the JSON goes to bench/results/, resultsFile.ts).
import { cpus, loadavg } from 'node:os';
import type { Validity } from './benchValidity.ts';
import type { PageSummary, TargetName } from './benchTargets.ts';
import { cpuByPart, type CpuByPart, type RunCpu } from './cpuAccounting.ts';
import { percent, type LoadSample } from './machineLoad.ts';
import type { MeasuredCommit } from './measuredCommit.ts';
import type { DownloadMemory } from './openDataBench.ts';
import { printConsoleFirstLoad, type ConsoleFirstLoad } from './consoleFirstLoad.ts';
import type { PairedRatio } from './pairedRounds.ts';
import type { LoadResult } from './runLoad.ts';
import { textTable } from './textTable.ts';

export interface Measurement extends LoadResult {
  target: TargetName;
  connections: number;
  /** Statements sent by the target's services during the run (all six subgraphs for the gateway). */
  sqlStatements: number;
  sqlPerRequest: number;
  /** CPU ms per request sent, per process, and the machine's CPU shared with other work during the run. */
  cpu: RunCpu;
}

export interface BenchReport {
  date: string;
  commit: MeasuredCommit;
  /** False when other work shared the machine: then the ratios are not results. */
  valid: boolean;
  invalidBecause: string[];
  /** `loadAverage` is the 1-minute load average when the run started: other work on the machine skews results. */
  machine: { cpus: number; cpuModel: string; node: string; platform: string; loadAverage: number };
  /** The machine outside the measured runs: before our services started, once they settled, and after the warm-up just before measuring. */
  load: LoadSample[];
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
    /** The one-box shape (subgraphs in the gateway's process) over raw SQL. */
    oneBoxOverRaw: number | null;
    /** p99 latency of the full stack over HTTP, and of the one-box shape, over the raw baseline's. */
    gatewayP99OverRaw: number | null;
    oneBoxP99OverRaw: number | null;
    /** The full stack over the same with operation and rate limits off: what the limits cost. */
    limitsOnOverOff: number | null;
    policiesOnOverOff: number | null;
    auditOnOverOff: number | null;
    consentGatedOverPolicyOnly: number | null;
    /** The same page read on a rule that requires a connection agreement, over one that does not. */
    connectionGatedOverFree: number | null;
  }[];
  /** Rounds per pair of targets that differ by one control; each control's cost measured in them (pairedRounds.ts). */
  pairedRounds: number;
  pairedRatios: PairedRatio[];
  /** One anonymous download of a 200,000-row dataset as CSV: the gateway's and the platform's memory during it. */
  downloadMemory: DownloadMemory;
  /** The console's pages opened cold in a browser, after the load (issue 16: under 1 s over loopback). */
  consoleFirstLoad: ConsoleFirstLoad[];
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
    const p99Over = (a: Measurement | undefined, b: Measurement) => (a && b.p99Ms > 0 ? a.p99Ms / b.p99Ms : null);
    return [{
      connections,
      gatewayOverRaw: gateway.requestsPerSecond / raw.requestsPerSecond,
      oneBoxOverRaw: over(find('one-box'), raw),
      gatewayP99OverRaw: p99Over(gateway, raw),
      oneBoxP99OverRaw: p99Over(find('one-box'), raw),
      limitsOnOverOff: over(gateway, find('gateway-no-limits')),
      policiesOnOverOff: over(withoutAudit, withoutPolicies),
      auditOnOverOff: over(gateway, withoutAudit),
      consentGatedOverPolicyOnly: over(find('consent-gated'), find('policy-only')),
      connectionGatedOverFree: over(find('connection-gated'), find('connection-free')),
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

const ms = (value: number) => value.toFixed(2);

/** One row of the CPU table: where one request's CPU went, by process. */
function cpuRow(m: Measurement): string[] {
  const subgraphs = m.cpu.processes.filter((entry) => entry.role === 'subgraph');
  const biggest = subgraphs.reduce<(typeof subgraphs)[number] | undefined>((top, entry) => (!top || entry.msPerRequest > top.msPerRequest ? entry : top), undefined);
  const parts = cpuByPart(m.cpu.processes);
  return [
    m.target,
    String(m.connections),
    ms(parts.gateway),
    subgraphs.length > 0 ? ms(parts.subgraphs) : '-',
    biggest ? `${biggest.name} ${ms(biggest.msPerRequest)}` : '-',
    ms(parts.postgres),
    ms(parts.redis),
    ms(parts.loadGenerator),
    ms(m.cpu.totalMsPerRequest),
    m.sqlPerRequest.toFixed(2),
    percent(m.cpu.otherShare),
  ];
}

/** A control's CPU ms per request, with and without it, and where the difference went. */
function pairCpu({ over, under }: { over: CpuByPart; under: CpuByPart }): string {
  const signed = (value: number) => `${value >= 0 ? '+' : ''}${ms(value)}`;
  const labels: [Exclude<keyof CpuByPart, 'total'>, string][] = [['gateway', 'gateway'], ['subgraphs', 'subgraphs'], ['postgres', 'Postgres'], ['redis', 'Redis'], ['loadGenerator', 'load generator']];
  const parts = labels.map(([part, label]) => `${label} ${signed(over[part] - under[part])}`);
  return `CPU ${ms(over.total)} against ${ms(under.total)} ms a request (${signed(over.total - under.total)}: ${parts.join(', ')})`;
}

function printWarning(report: BenchReport): void {
  if (report.valid) return;
  console.log(
    `\nWARNING: other work shared the machine, so these figures are not results and no ratio is reported as one:\n` +
      report.invalidBecause.map((reason) => `  - ${reason}`).join('\n'),
  );
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
  const load = report.load
    .map((sample) => `load average ${sample.loadAverage}, other work ${percent(sample.otherShare)}${sample.ourShare === undefined ? '' : ` and our idle services ${percent(sample.ourShare)}`} of the CPU ${sample.when}`)
    .join('; ');
  console.log(`
Benchmark: one page of ${page.citizens} citizens of ward ${report.ward.code} (${report.ward.residents.toLocaleString('en')} residents) with civil events, land parcels, enterprises
  page holds ${page.civilEvents} civil events, ${page.landParcels} parcels, ${page.businesses} enterprises; ${page.responseBytes} bytes of JSON
  commit ${report.commit.short}${report.commit.dirty ? ' with uncommitted changes' : ''}; date ${report.date}
  ${report.machine.cpus} cores (${report.machine.cpuModel}), node ${report.machine.node}, ${report.machine.platform}
  ${load}
  gateway caller: ${report.caller.roles.join(',')} of ${report.caller.agency}, X-Purpose ${report.caller.purpose}
  scale ${report.citizens.toLocaleString('en')} citizens; Postgres ${report.postgres}; load and all services on this machine over loopback
  autocannon: ${report.warmupSeconds} s warm-up per target, then ${report.durationSeconds} s per run, targets one after another; then each control's pair in ${report.pairedRounds} alternating rounds

${textTable(['target', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'SQL/request'], rows)}

CPU ms per request (sent), by process:
${textTable(['target', 'connections', 'gateway/raw', 'subgraphs', 'biggest subgraph', 'postgres', 'redis', 'load gen', 'total', 'SQL/request', 'other work'], report.measurements.map(cpuRow))}
`);
  // On a shared machine the ratios measure the other work as much as ours: labelled, never a result.
  const label = report.valid ? '' : 'not valid, the machine was shared: ';
  // The performance issue's targets: over HTTP at least 0.35x raw SQL with p99 at most 4x; one box at least 0.50x.
  for (const ratio of report.ratios) {
    const p99 = (value: number | null) => (value === null ? '' : `, p99 ${value.toFixed(1)}x raw's (target at most 4x)`);
    console.log(`${label}headline at ${ratio.connections} connections: over HTTP ${ratio.gatewayOverRaw.toFixed(2)}x raw (target at least 0.35)${p99(ratio.gatewayP99OverRaw)}` +
      (ratio.oneBoxOverRaw === null ? '' : `; one box ${ratio.oneBoxOverRaw.toFixed(2)}x raw (target at least 0.50)${p99(ratio.oneBoxP99OverRaw)}`));
  }
  // Each control's cost from its alternating rounds; the single runs above are in the JSON, not read as costs.
  for (const paired of report.pairedRatios) {
    console.log(
      `${label}${paired.pair} at ${paired.connections} connections: ${paired.ratio.toFixed(2)}x over ${paired.rounds} alternating rounds ` +
        `(rounds from ${paired.lowestRound.toFixed(2)}x to ${paired.highestRound.toFixed(2)}x; ${paired.bound}); ${pairCpu(paired.cpu)}`,
    );
  }
  const memory = report.downloadMemory;
  console.log(
    `open data: one download of ${memory.rows.toLocaleString('en')} rows of ${memory.dataset}.csv (${(memory.bytes / 1e6).toFixed(1)} MB, HTTP ${memory.status}) in ${memory.seconds.toFixed(1)} s; ` +
      memory.processes.map((process) => `${process.name} resident memory ${process.beforeMb.toFixed(0)} MB before, at most ${process.peakMb.toFixed(0)} MB during (+${process.growthMb.toFixed(0)} MB)`).join('; ') +
      ' (target: under 100 MB of growth)',
  );
  printConsoleFirstLoad(report.consoleFirstLoad);
  console.log(
    'open-data-download: a dataset\'s CSV (population by commune, gender and age band) without a token; open-data-graphql: a page of the open-data catalogue over GraphQL without a token.',
  );
  console.log(
    'consent-gated: an agency reading identity fields only with each citizen\'s consent (a consent check and a disclosure-log entry per row); ' +
      'policy-only: the same query by the police (statutory basis) with the disclosure log off.',
  );
  console.log(
    'connection-gated: the tax office reading a page of identities on a rule that requires an approved connection agreement (held); ' +
      'connection-free: the same page read by social insurance on a rule that needs none. Both with every control on.',
  );
  console.log('SQL/request: statements counted by the services over the requests sent (completed + in flight at the end).');
  console.log(
    'CPU ms per request: user + system time from /proc of each service (its whole process group), of every Postgres process ' +
      '(backends of other databases excluded), of Redis and of this process (autocannon), over the requests sent. ' +
      'gateway/raw: the gateway, or the raw-SQL baseline. other work: the share of the machine\'s CPU (all cores) used by processes not ours during the run. ' +
      'A control\'s CPU: the same, over all the rounds of each side of its pair, and by how much the side with the control spent more.',
  );
  printWarning(report);
}
