// npm run bench: the gateway against raw SQL on the same Postgres server, for the same page of citizens.
// Starts every service as a child process, checks both targets agree, loads each in turn with
// autocannon, reads where the CPU went (each process, Postgres, the machine's other work), prints the
// tables and writes bench/results/. Every child is stopped on the way out, whether the run ends, fails
// or is interrupted.
import { ensureChromium } from '../scripts/chromium.ts';
import { SUBGRAPH_SERVICES } from '../shared/config/services.ts';
import {
  approveBenchConnection,
  busiestWard,
  checkServerReachable,
  copyForStacks,
  dropBenchDatabases,
  dropStackCopies,
  grantBenchConsents,
  ServerUnreachableError,
  unseededAgencies,
  vacuumAnalyze,
} from './benchDatabase.ts';
import { BENCH_STACKS, benchSettingsFromEnv, type BenchSettings } from './benchSettings.ts';
import {
  checkAnswers,
  checkTargetsAgree,
  CONSENT_BENCH_GROUPS,
  consentBenchQuery,
  CONSENT_CALLER,
  CONNECTION_BENCH_GROUPS,
  CONNECTION_BENCH_QUERY,
  CONNECTION_CALLER,
  CONNECTION_FREE_CALLER,
  gatewayTarget,
  openDataDownloadTarget,
  openDataGraphqlTarget,
  pageCitizenIds,
  rawTarget,
  TARGET_NAMES,
  type BenchTarget,
} from './benchTargets.ts';
import { validityOf } from './benchValidity.ts';
import { killAllChildrenNow, stopAllChildren } from './childProcesses.ts';
import { runCpu, takeCpuSnapshot, type TargetProcess } from './cpuAccounting.ts';
import { percent, sampleMachineLoad, waitUntilQuiet } from './machineLoad.ts';
import { measuredCommit } from './measuredCommit.ts';
import { measureDownloadMemory, publishBenchOpenData, writeLargeOpenDataVersion } from './openDataBench.ts';
import { measureConsoleFirstLoad } from './consoleFirstLoad.ts';
import { ensureConsoleBuilt } from '../console/consoleBuild.ts';
import { CONTROL_PAIRS, pairedRatio, ROUND_SECONDS, roundOrder, type PairedRatio } from './pairedRounds.ts';
import { machineInfo, printReport, ratiosOf, type BenchReport, type Measurement } from './report.ts';
import { writeResults } from './resultsFile.ts';
import { runLoad, stopRunningLoad } from './runLoad.ts';
import { totalSqlStatements } from './sqlStatements.ts';
import { BENCH_STATISTICS_SECONDS, prepareSeededDatabases, startServices, type RunningService, type RunningServices } from './startServices.ts';
import { baselineProcesses, stackProcesses } from './targetProcesses.ts';

let interrupted = false;
process.on('exit', killAllChildrenNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping every service…`);
    stopRunningLoad();
    void stopAllChildren().finally(() => process.exit(130));
  });
}

/** Fails the run if a service died under load: its numbers would be a crash, not a measurement. */
async function assertAllAlive(services: RunningService[]): Promise<void> {
  for (const service of services) {
    if (service.child.hasExited()) {
      throw new Error(`${service.name} ${await service.child.exited} during the run. Its last output:\n${service.child.recentOutput() || '(nothing)'}`);
    }
  }
}

/** Requests still in flight when autocannon stopped finish on the server: wait until the counter is still. */
async function settledStatements(baseUrls: string[]): Promise<number> {
  let previous = await totalSqlStatements(baseUrls);
  for (let i = 0; i < 30; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const current = await totalSqlStatements(baseUrls);
    if (current === previous) return current;
    previous = current;
  }
  return previous;
}

/** Where a target's requests are counted (its services' /metrics) and whose CPU is its own. */
interface TargetParts {
  countedAt: string[];
  processes: TargetProcess[];
}

async function measure(target: BenchTarget, connections: number, parts: TargetParts, settings: BenchSettings, all: RunningService[], seconds = settings.durationSeconds): Promise<Measurement> {
  const pgids = all.map((service) => service.child.pid);
  const before = await settledStatements(parts.countedAt);
  const cpuBefore = takeCpuSnapshot(pgids, settings.databasePrefix);
  const result = await runLoad(target, connections, seconds);
  // After the requests in flight have finished on the servers, so their CPU is in, as their SQL is.
  const sqlStatements = (await settledStatements(parts.countedAt)) - before;
  const cpu = runCpu(cpuBefore, takeCpuSnapshot(pgids, settings.databasePrefix), parts.processes, result.sent);
  await assertAllAlive(all);
  const measurement: Measurement = {
    target: target.name,
    connections,
    ...result,
    sqlStatements,
    // Over the requests sent, not only those autocannon saw complete: the ones in flight when it stopped
    // (up to one per connection) still run on the servers, and the settled counter includes their SQL.
    sqlPerRequest: result.sent > 0 ? sqlStatements / result.sent : 0,
    cpu,
  };
  console.log(
    `  ${target.name.padEnd(19)} ${String(connections).padStart(2)} connections: ${result.requestsPerSecond.toFixed(1)} req/s, ` +
      `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.non2xx} non-2xx, ${result.errors} errors, ` +
      `${cpu.totalMsPerRequest.toFixed(2)} CPU ms/request, other work ${(cpu.otherShare * 100).toFixed(0)}% of the machine`,
  );
  return measurement;
}

async function main(settings: BenchSettings): Promise<void> {
  // The console's first load is measured last, in Debian's chromium: installed first where it is missing,
  // so a run does not fail after its minutes of load (and before the machine's load is sampled).
  ensureChromium();
  // Before our own processes add to it: the load average says whether other work shares the machine.
  const machine = machineInfo();
  const commit = measuredCommit();
  const load = [await sampleMachineLoad('before our services started', settings.loadSampleSeconds, [], settings.databasePrefix)];
  const postgres = await checkServerReachable(settings);
  console.log(`Postgres ${postgres} at ${new URL(settings.serverUrl).host}; databases ${settings.databasePrefix}<service>; ${settings.citizens.toLocaleString('en')} citizens`);
  const agencies = SUBGRAPH_SERVICES.map((service) => service.name);
  if (settings.fresh) {
    await dropBenchDatabases(settings, agencies);
    console.log(`BENCH_FRESH=1: dropped ${agencies.map((name) => `${settings.databasePrefix}${name.replace(/-/g, '_')}`).join(', ')}`);
  }
  // The gateway serves the console's build: current before it starts, for the first-load figures.
  await ensureConsoleBuilt({ quiet: true });
  await prepareSeededDatabases(settings, await unseededAgencies(settings, agencies));
  const vacuumStarted = Date.now();
  await vacuumAnalyze(settings, agencies);
  console.log(`  vacuum (analyze) of the agency databases: ${((Date.now() - vacuumStarted) / 1000).toFixed(1)} s`);
  await writeLargeOpenDataVersion(settings);
  const copyStarted = Date.now();
  await copyForStacks(settings, agencies);
  console.log(`  a copy of them for each of the ${BENCH_STACKS.length} stacks: ${((Date.now() - copyStarted) / 1000).toFixed(1)} s`);
  try {
    await measureStacks(settings, await startServices(settings), { machine, commit, load, postgres });
  } finally {
    await stopAllChildren();
    await dropStackCopies(settings, agencies);
  }
}

/** What a run found out before its services started, for its report. */
type RunFacts = Pick<BenchReport, 'machine' | 'commit' | 'load' | 'postgres'>;

/** Everything a run measures of the services started, then the report. */
async function measureStacks(settings: BenchSettings, services: RunningServices, { machine, commit, load, postgres }: RunFacts): Promise<void> {
  const servicesStarted = Date.now();
  const all = [
    ...services.subgraphs,
    services.gateway,
    services.oneBox,
    ...services.unaudited.subgraphs,
    services.unaudited.gateway,
    ...services.unprotected.subgraphs,
    services.unprotected.gateway,
    ...services.unlimited.subgraphs,
    services.unlimited.gateway,
    services.baseline,
  ];

  const ward = await busiestWard(settings);
  const gateway = gatewayTarget(services.gateway.baseUrl, ward.code, settings.caller);
  const unprotected = gatewayTarget(services.unprotected.gateway.baseUrl, ward.code, settings.caller, 'gateway-no-policies');
  const unaudited = gatewayTarget(services.unaudited.gateway.baseUrl, ward.code, settings.caller, 'gateway-no-audit');
  const unlimited = gatewayTarget(services.unlimited.gateway.baseUrl, ward.code, settings.caller, 'gateway-no-limits');
  const raw = rawTarget(services.baseline.baseUrl, ward.code);
  const oneBox = gatewayTarget(services.oneBox.baseUrl, ward.code, settings.caller, 'one-box');
  const page = await checkTargetsAgree(gateway, raw);
  await checkTargetsAgree(oneBox, raw);
  await checkTargetsAgree(unprotected, raw);
  await checkTargetsAgree(unaudited, raw);
  await checkTargetsAgree(unlimited, raw);
  console.log(`Both targets return the same ${page.citizens} citizens of ward ${ward.code} with the same data.`);

  // The citizens of the bench page, each looked up by id.
  const pageIds = await pageCitizenIds(gateway);
  const policyOnly = gatewayTarget(services.unaudited.gateway.baseUrl, ward.code, settings.caller, 'policy-only', consentBenchQuery(pageIds));
  const consentGated = gatewayTarget(services.gateway.baseUrl, ward.code, CONSENT_CALLER, 'consent-gated', consentBenchQuery(pageIds));
  await grantBenchConsents(settings, 'full', pageIds, CONSENT_CALLER, CONSENT_BENCH_GROUPS);
  await checkTargetsAgree(consentGated, policyOnly);
  console.log(`The consent-gated and policy-only runs return the same ${page.citizens} citizens with the same data.`);
  const connectionGated = gatewayTarget(services.gateway.baseUrl, ward.code, CONNECTION_CALLER, 'connection-gated', CONNECTION_BENCH_QUERY);
  const connectionFree = gatewayTarget(services.gateway.baseUrl, ward.code, CONNECTION_FREE_CALLER, 'connection-free', CONNECTION_BENCH_QUERY);
  await approveBenchConnection(settings, 'full', CONNECTION_CALLER, CONNECTION_BENCH_GROUPS);
  const connectionPage = await checkTargetsAgree(connectionGated, connectionFree);
  console.log(`The connection-gated and connection-free runs return the same ${connectionPage.citizens} citizens with the same data.`);
  await publishBenchOpenData(services.gateway.baseUrl);
  const openDataDownload = openDataDownloadTarget(services.gateway.baseUrl);
  const openDataGraphql = openDataGraphqlTarget(services.gateway.baseUrl);
  await checkAnswers(openDataDownload);
  await checkAnswers(openDataGraphql);
  console.log('The open-data download and catalogue page answer without a token.');

  const stackParts = (stack: { gateway: RunningService; subgraphs: RunningService[] }): TargetParts => ({
    countedAt: stack.subgraphs.map((subgraph) => subgraph.baseUrl),
    processes: stackProcesses(stack),
  });
  const partsOf = new Map<BenchTarget, TargetParts>([
    [gateway, stackParts(services)],
    // One process holds the gateway and the six subgraphs; each subgraph still counts its SQL on its own port.
    [oneBox, { countedAt: services.oneBox.subgraphBaseUrls, processes: [{ name: 'one-box', role: 'gateway', pgid: services.oneBox.child.pid }] }],
    [unlimited, stackParts(services.unlimited)],
    [unprotected, stackParts(services.unprotected)],
    [unaudited, stackParts(services.unaudited)],
    [raw, { countedAt: [services.baseline.baseUrl], processes: baselineProcesses(services.baseline) }],
    [consentGated, stackParts(services)],
    [policyOnly, stackParts(services.unaudited)],
    [connectionGated, stackParts(services)],
    [connectionFree, stackParts(services)],
    [openDataDownload, stackParts(services)],
    [openDataGraphql, stackParts(services)],
  ]);
  const pgids = all.map((service) => service.child.pid);
  // Their first round of sharing statistics (the whole day so far when a register has no saved count of it) starts a period after they did.
  const firstCountsStarted = servicesStarted + (BENCH_STATISTICS_SECONDS + 10) * 1000;
  /** Samples until our services are idle (after `notBefore`), and keeps the last sample for the run's validity. */
  const untilQuiet = async (when: string, notBefore: number) => {
    const found = await waitUntilQuiet(() => sampleMachineLoad(when, settings.loadSampleSeconds, pgids, settings.databasePrefix), {
      limit: settings.otherWorkLimit,
      notBefore,
      timeoutSeconds: settings.quietTimeoutSeconds,
    });
    load.push(found.sample);
    return found;
  };
  const quiet = await untilQuiet('while our services settled, before the warm-up', firstCountsStarted);
  console.log(
    `Our services' own work with no load: ${percent(quiet.sample.ourShare ?? 0)} of the machine after waiting ${quiet.waitedSeconds.toFixed(0)} s ` +
      `for their first round of today's sharing statistics to end`,
  );
  console.log(`Warm-up: ${settings.warmupSeconds} s per target`);
  // The full stack with limits on and off back to back: their ratio compares runs close in time.
  const targets = [gateway, oneBox, unlimited, unaudited, unprotected, raw, consentGated, policyOnly, connectionGated, connectionFree, openDataDownload, openDataGraphql];
  for (const target of targets) await runLoad(target, settings.connections[0], settings.warmupSeconds);
  await assertAllAlive(all);
  // The warm-up leaves our services work of their own (a round of statistics counting its requests, the
  // databases' autovacuum): the first target measured would share the machine with it.
  const warmedUp = await untilQuiet('after the warm-up, just before measuring', Date.now());
  console.log(`Our services' own work after the warm-up: ${percent(warmedUp.sample.ourShare ?? 0)} of the machine, after waiting ${warmedUp.waitedSeconds.toFixed(0)} s`);

  console.log(`Load: ${settings.durationSeconds} s per run`);
  const measurements: Measurement[] = [];
  // Per connection count, the two targets back to back: the ratio compares runs close in time.
  for (const connections of settings.connections) {
    for (const target of targets) measurements.push(await measure(target, connections, partsOf.get(target)!, settings, all));
  }
  // Each control's cost: its pair of targets in alternating rounds (pairedRounds.ts), after the runs above.
  const pairedRatios: PairedRatio[] = [];
  const rounds: Measurement[] = [];
  if (settings.pairedRounds > 0) console.log(`Controls: each pair in ${settings.pairedRounds} alternating rounds of ${ROUND_SECONDS} s per target`);
  for (const connections of settings.connections) {
    for (const pair of CONTROL_PAIRS) {
      const sides = { over: targets.find((target) => target.name === pair.over)!, under: targets.find((target) => target.name === pair.under)! };
      const figures: { over: Measurement; under: Measurement }[] = [];
      for (const order of roundOrder(settings.pairedRounds)) {
        const round: Partial<Record<'over' | 'under', Measurement>> = {};
        for (const side of order) {
          const measurement = await measure(sides[side], connections, partsOf.get(sides[side])!, settings, all, ROUND_SECONDS);
          rounds.push(measurement);
          round[side] = measurement;
        }
        figures.push({ over: round.over!, under: round.under! });
      }
      const ratio = pairedRatio(pair, connections, figures);
      if (ratio) pairedRatios.push(ratio);
    }
  }
  const platform = services.subgraphs.find((subgraph) => subgraph.name === 'platform')!;
  const downloadMemory = await measureDownloadMemory(services.gateway.baseUrl, [
    { name: 'gateway', pgid: services.gateway.child.pid },
    { name: 'platform', pgid: platform.child.pid },
  ]);
  const consoleFirstLoad = await measureConsoleFirstLoad(services.gateway.baseUrl);
  const validity = validityOf({
    otherWorkLimit: settings.otherWorkLimit,
    samples: load,
    runs: [...measurements, ...rounds].map((m) => ({ target: m.target, connections: m.connections, otherShare: m.cpu.otherShare })),
  });

  const report: BenchReport = {
    date: new Date().toISOString(),
    commit,
    valid: validity.valid,
    invalidBecause: validity.reasons,
    machine,
    load,
    postgres,
    citizens: settings.citizens,
    caller: { roles: ['officer'], ...settings.caller },
    ward,
    page,
    warmupSeconds: settings.warmupSeconds,
    durationSeconds: settings.durationSeconds,
    measurements,
    ratios: ratiosOf(measurements),
    pairedRounds: settings.pairedRounds,
    pairedRatios,
    downloadMemory,
    consoleFirstLoad,
  };
  printReport(report);
  console.log(`\nWrote ${writeResults(report).join(' and ')}`);
}

let exitCode = 0;
try {
  const settings = benchSettingsFromEnv();
  // Every wait is bounded already; this is the backstop that guarantees the run ends by itself.
  // Every target warmed up once and loaded once per connection count (10 s each for settling and samples),
  // then each control's pair in its rounds.
  const pairRunSeconds = CONTROL_PAIRS.length * settings.connections.length * settings.pairedRounds * 2 * (ROUND_SECONDS + 10);
  // 600 s more for open data: the first run writes a 200,000-row version, then one download of it is read.
  const watchdogSeconds = settings.startTimeoutSeconds + settings.quietTimeoutSeconds + 900 + TARGET_NAMES.length * (settings.warmupSeconds + settings.connections.length * (settings.durationSeconds + 10)) + pairRunSeconds;
  setTimeout(() => {
    console.error(`Benchmark failed: still running after ${watchdogSeconds} s; stopping.`);
    stopRunningLoad();
    void stopAllChildren().finally(() => process.exit(1));
  }, watchdogSeconds * 1000).unref();
  await main(settings);
} catch (error) {
  exitCode = 1;
  const message = error instanceof ServerUnreachableError ? error.message : `Benchmark failed: ${(error as Error).message ?? error}`;
  // After Ctrl-C the run fails on services going away: that is the stop, not a finding.
  if (!interrupted) console.error(message);
} finally {
  await stopAllChildren();
}
process.exit(interrupted ? 130 : exitCode);
