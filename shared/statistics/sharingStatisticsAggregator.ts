// Each register fills its own sharing_statistics from its own disclosure log, in its own process and off
// the request path: on a timer (SHARING_STATISTICS_SECONDS) it recomputes today, and once each closed day
// not yet done (from the day after the last closed one, or the log's first day). A day is recomputed whole
// and its rows replaced in one transaction under an advisory lock on that day, so two replicas doing it
// at once wait for each other and leave the same rows.
import type { Knex } from 'knex';
import { OFF_REQUEST_PATH } from '../db/openDatabase.ts';
import { logError } from '../logging/log.ts';
import type { CompiledPolicies } from '../policy/compilePolicies.ts';
import { addRows, finish, newFigures, type DayFigures, type LogRow } from './aggregateDay.ts';
import { addDays, provinceDay, provinceDayStart } from '../calendar/provinceDay.ts';

const BATCH = 2_000;
/** Class of the advisory locks (the second key is the day's number). */
const LOCK_CLASS = 1_414_746_707;

const LOG_COLUMNS = ['seq', 'agency', 'purpose', 'data_subjects', 'outcome_of', 'outcome_sets', 'outcomes', 'data_subject', 'fields', 'decision'];

/** One day's figures from the log, read a batch at a time by seq. */
export async function figuresOfDay(knex: Knex, policies: CompiledPolicies, day: string): Promise<DayFigures[]> {
  const from = provinceDayStart(day).toISOString();
  const until = provinceDayStart(addDays(day, 1)).toISOString();
  const figures = newFigures();
  let after: string | null = null;
  for (;;) {
    const query = knex('disclosure_log').options(OFF_REQUEST_PATH).select(LOG_COLUMNS).where('at', '>=', from).where('at', '<', until).orderBy('seq').limit(BATCH);
    if (after !== null) query.where('seq', '>', after);
    const rows = (await query) as LogRow[];
    addRows(figures, rows, policies);
    if (rows.length < BATCH) break;
    after = String(rows[rows.length - 1].seq);
  }
  return finish(figures);
}

/** Recomputes `day` and replaces its rows; `closed` when the day is over (it is not computed again). */
export async function aggregateDay(knex: Knex, policies: CompiledPolicies, day: string, closed: boolean): Promise<void> {
  const figures = await figuresOfDay(knex, policies, day);
  await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?, ?)', [LOCK_CLASS, Math.round(provinceDayStart(day).getTime() / 86_400_000)]);
    await trx('sharing_statistics').options(OFF_REQUEST_PATH).where('day', day).delete();
    for (let start = 0; start < figures.length; start += 500) {
      await trx('sharing_statistics')
        .options(OFF_REQUEST_PATH)
        .insert(
          figures.slice(start, start + 500).map((figure) => ({
            day,
            service: figure.service,
            owner_agency: figure.ownerAgency,
            consumer_agency: figure.consumerAgency,
            purpose: figure.purpose,
            requests: figure.requests,
            records_disclosed: figure.recordsDisclosed,
            refusals: JSON.stringify(figure.refusals),
            distinct_subjects: figure.distinctSubjects,
          })),
        );
    }
    await trx('sharing_statistics_run')
      .options(OFF_REQUEST_PATH)
      .insert({ day, closed, computed_at: new Date().toISOString() })
      .onConflict('day')
      .merge(['closed', 'computed_at']);
  });
}

const asDay = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

/** Every closed day not yet done, then today. */
export async function aggregateSharingStatistics(knex: Knex, policies: CompiledPolicies, now = new Date()): Promise<void> {
  const today = provinceDay(now);
  const lastClosed = await knex('sharing_statistics_run').options(OFF_REQUEST_PATH).where('closed', true).max({ day: 'day' }).first();
  let day: string | null = lastClosed?.day ? addDays(asDay(lastClosed.day), 1) : null;
  if (day === null) {
    const first = await knex('disclosure_log').options(OFF_REQUEST_PATH).min({ at: 'at' }).first();
    day = first?.at ? provinceDay(new Date(first.at)) : today;
  }
  for (; day < today; day = addDays(day, 1)) await aggregateDay(knex, policies, day, true);
  await aggregateDay(knex, policies, today, false);
}

export interface SharingStatisticsAggregator {
  /** One round now (closed days not yet done, then today); resolves when it is done. */
  aggregateNow(): Promise<void>;
  /** Stops the timer and waits for a round in flight (before the database closes). */
  stop(): Promise<void>;
}

export function startSharingStatisticsAggregator(options: { service: string; knex: Knex; policies: () => CompiledPolicies; everySeconds: number }): SharingStatisticsAggregator {
  let rounds: Promise<void> = Promise.resolve();
  let failing = false;
  const round = () => {
    rounds = rounds.then(async () => {
      try {
        await aggregateSharingStatistics(options.knex, options.policies());
        failing = false;
      } catch (error) {
        if (!failing) logError('sharing statistics not aggregated', { service: options.service, error });
        failing = true;
      }
    });
    return rounds;
  };
  const timer = setInterval(() => void round(), options.everySeconds * 1000);
  timer.unref();
  return {
    aggregateNow: round,
    async stop() {
      clearInterval(timer);
      await rounds;
    },
  };
}
