// What one control costs is the ratio of two targets that differ by that control alone. Loaded one after
// the other for 20 s each, the ratio also measured whatever the machine did differently in between: on a
// shared 2-core machine the same commit gave consent-gated/policy-only 0.71x and then 0.52x. So each pair
// is loaded in short alternating rounds, A B B A A B B A…, a drift of the machine hitting both alike, and
// the ratio is taken over the sums; the lowest and highest round's ratio say how far to trust it.
import type { TargetName } from './benchTargets.ts';
import { pooledCpuByPart, type CpuByPart, type RunCpu } from './cpuAccounting.ts';

/** Seconds of one round of one target: long enough for a few hundred requests at 10 connections. */
export const ROUND_SECONDS = 5;

/** The controls whose cost is a ratio of two targets, and the bound each issue set for it. */
export const CONTROL_PAIRS = [
  { name: 'limits on/off (operation and rate limits)', over: 'gateway', under: 'gateway-no-limits', bound: 'target at least 0.97' },
  { name: 'policies on/off (disclosure log off)', over: 'gateway-no-audit', under: 'gateway-no-policies', bound: 'issue 12: within 0.05 of before it' },
  { name: 'disclosure log on/off (policies on)', over: 'gateway', under: 'gateway-no-audit', bound: 'issue 12: within 0.05 of before it' },
  { name: 'consent-gated/policy-only', over: 'consent-gated', under: 'policy-only', bound: 'target at least 0.60; issue 12: within 0.05 of before it' },
  { name: 'connection-gated/connection-free', over: 'connection-gated', under: 'connection-free', bound: 'target at least 0.90' },
] as const satisfies readonly { name: string; over: TargetName; under: TargetName; bound: string }[];

export type ControlPair = (typeof CONTROL_PAIRS)[number];

/** Which of the pair runs first in each round: A B, B A, B A, A B, … (each side leads as often, and no side always follows the other). */
export function roundOrder(rounds: number): ('over' | 'under')[][] {
  return Array.from({ length: rounds }, (_, round) => ((round % 4 === 0 || round % 4 === 3) ? ['over', 'under'] : ['under', 'over']));
}

export interface PairedRatio {
  pair: ControlPair['name'];
  bound: string;
  connections: number;
  rounds: number;
  /** Requests per second of `over` summed over the rounds, over the same of `under` (rounds are of equal length). */
  ratio: number;
  lowestRound: number;
  highestRound: number;
  /** CPU ms per request of each side over its rounds: where the control's cost goes (their difference). */
  cpu: { over: CpuByPart; under: CpuByPart };
}

/** One side's run in a round: its rate, the requests it sent and where their CPU went. */
export interface RoundRun {
  requestsPerSecond: number;
  sent: number;
  cpu: RunCpu;
}

/** The ratio over the sums of each side's requests per second, the spread of the rounds' own ratios, and each side's CPU. */
export function pairedRatio(pair: ControlPair, connections: number, rounds: { over: RoundRun; under: RoundRun }[]): PairedRatio | null {
  const over = rounds.reduce((sum, round) => sum + round.over.requestsPerSecond, 0);
  const under = rounds.reduce((sum, round) => sum + round.under.requestsPerSecond, 0);
  const each = rounds.filter((round) => round.under.requestsPerSecond > 0).map((round) => round.over.requestsPerSecond / round.under.requestsPerSecond);
  if (under <= 0 || each.length === 0) return null;
  return {
    pair: pair.name,
    bound: pair.bound,
    connections,
    rounds: rounds.length,
    ratio: over / under,
    lowestRound: Math.min(...each),
    highestRound: Math.max(...each),
    cpu: { over: pooledCpuByPart(rounds.map((round) => round.over)), under: pooledCpuByPart(rounds.map((round) => round.under)) },
  };
}
