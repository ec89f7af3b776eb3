// Each register fills its own sharing_statistics from its own disclosure log, in its own process and off
// the request path. On a timer (SHARING_STATISTICS_SECONDS) it brings every day not yet closed up to date:
// today, the days since the last closed one (or the log's first day), and yesterday until its last
// requests are surely logged (closeAfterMs after midnight), when it is closed and never counted again.
// A day is counted incrementally: its figures so far stay in memory with the last row counted, and each
// round reads only the rows appended since (by seq, the log's primary key, which the chain makes the order
// rows are committed in), so a round costs what was logged since the last one, not the whole day (a full
// recount on every round grew with the day's traffic: at the bench's rates it took the machine). Each round
// saves where an open day's count stands (the last row, the field grouping and the people counted so far),
// so a restarted register continues it, and closing a day reads only its last rows. Today's rows that this
// process appended are counted from memory (appendedLogRows.ts): the log is asked only which rows follow,
// and the others are read back. A policy change that
// moves a field to another group counts the open days again from their start, giving way between batches
// (PAUSE_PER_BATCH_TIME).
// A day's rows are replaced in one transaction under an advisory lock on that day, so two replicas doing it
// at once wait for each other (each writes all it has counted; the next round of the other catches up).
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import { insertInChunks } from '../db/insertInChunks.ts';
import { maintenanceTransaction } from '../db/maintenanceTransaction.ts';
import { OFF_REQUEST_PATH } from '../db/openDatabase.ts';
import { logError } from '../logging/log.ts';
import type { CompiledPolicies } from '../policy/compilePolicies.ts';
import { appendedLogRows, type AppendedLogRow, type AppendedLogRows, type DatedLogRow } from './appendedLogRows.ts';
import { addRows, DAY_FIGURE_COLUMNS, fieldGrouping, finish, markSubjectsSaved, newFigures, restoredFigures, unsavedSubjectsOf, type DayFigures } from './aggregateDay.ts';
import { addDays, dateColumnDay, provinceDay, provinceDayStart } from '../calendar/provinceDay.ts';

// A batch is read and counted in one go, holding the event loop: small enough not to stall requests. Most
// of the hold is taking the rows in (pg parses their people and outcome sets), not counting them (0.7 ms
// for 500): 500 rows of 20 people held it up to 19-21 ms, 100 up to 8-9 ms (docs/performance.md).
const BATCH = 100;
/**
 * Seqs asked of the log at a time while today's rows are counted from memory: one index range, and the
 * rows held here are counted at about 1.4 µs each (those not held are read back BATCH at a time).
 */
const SEQ_BATCH = 1000;
/** Rows appended and held for the count: past this many a round starts at once, past four times it they are read back. */
const ROUND_AT_APPENDED_ROWS = 5000;
/** Rows of one insert when the figures are written. */
const CHUNK = 500;
/**
 * Between batches the count waits this many times as long as the batch took: a day counted from its
 * start (before Dec 6, after every restart: hundreds of thousands of rows at the bench's rates) takes about a tenth of
 * the process per register, instead of all of it for minutes while requests wait (one box, six registers
 * recounting at once: 35–40% of a core; docs/performance.md).
 */
const PAUSE_PER_BATCH_TIME = 9;
/** Class of the advisory locks (the second key is the day's number). */
const LOCK_CLASS = 1_414_746_707;

const LOG_COLUMNS = ['seq', 'at', 'agency', 'purpose', 'data_subjects', 'outcome_of', 'outcome_sets', 'outcomes', 'data_subject', 'fields', 'decision'];

/** A day's figures as counted so far: the rows up to `afterSeq`, under the field grouping `grouping`. */
export interface DayCount {
  day: string;
  /** fieldGrouping() of the policies it was counted under. */
  grouping: string;
  figures: ReturnType<typeof newFigures>;
  afterSeq: string | null;
}

function newDayCount(day: string, grouping: string): DayCount {
  return { day, grouping, figures: newFigures(), afterSeq: null };
}

/** The open day's count as last saved (by this process before it restarted, or by a replica), if it was counted under `grouping`. */
async function savedDayCount(knex: Knex, day: string, grouping: string): Promise<DayCount | null> {
  const run = await knex('sharing_statistics_run').options(OFF_REQUEST_PATH).select({ closed: 'closed', afterSeq: 'after_seq', grouping: 'grouping' }).where('day', day).first();
  if (!run || run.closed || run.afterSeq === null || run.grouping !== grouping) return null;
  const saved: DayFigures[] = await knex('sharing_statistics').options(OFF_REQUEST_PATH).select(DAY_FIGURE_COLUMNS).where('day', day);
  const lists = await knex('sharing_statistics_subject_list').options(OFF_REQUEST_PATH).select({ service: 'service', consumerAgency: 'consumer_agency', purpose: 'purpose', subjects: 'subjects' }).where('day', day);
  return { day, grouping, figures: restoredFigures(saved, lists), afterSeq: String(run.afterSeq) };
}

/** The next rows of the log, by seq, and whether more may follow. */
interface LogBatch {
  rows: DatedLogRow[];
  full: boolean;
}

/** The rows after `afterSeq`: the log says which, those held in `appended` are taken from there, the others read back. */
async function rowsAfter(knex: Knex, afterSeq: string, appended: AppendedLogRows): Promise<LogBatch> {
  const seqs = (await knex('disclosure_log').options(OFF_REQUEST_PATH).pluck('seq').where('seq', '>', afterSeq).orderBy('seq').limit(SEQ_BATCH)).map(String);
  // Up to BATCH rows read back at a time, as when all are (the event loop is held while pg parses them).
  const missing: string[] = [];
  let taken = seqs.length;
  for (let index = 0; index < seqs.length; index += 1) {
    if (appended.get(seqs[index])) continue;
    if (missing.length === BATCH) {
      taken = index;
      break;
    }
    missing.push(seqs[index]);
  }
  const read = new Map<string, DatedLogRow>();
  if (missing.length > 0) {
    const rows = (await knex('disclosure_log').options(OFF_REQUEST_PATH).select(LOG_COLUMNS).whereIn('seq', missing)) as DatedLogRow[];
    for (const row of rows) read.set(String(row.seq), row);
  }
  const rows: DatedLogRow[] = [];
  for (const seq of seqs.slice(0, taken)) {
    // A row gone between the two reads (moved to the archive) is not counted.
    const row = appended.get(seq) ?? read.get(seq);
    if (row) rows.push(row);
  }
  return { rows, full: taken < seqs.length || seqs.length === SEQ_BATCH };
}

/**
 * Adds the day's rows logged after `count.afterSeq`, a batch at a time by seq. While the day runs, a count
 * that has its place in the log reads on from it by seq alone (a range of the primary key) and keeps the
 * day's rows: with `at` in that query, Postgres walked the day's whole `at` index on every batch, as its
 * statistics of `at` lag behind the log (60 ms a batch at 200,000 rows of the day, against 1). Read so,
 * the rows this process appended are taken from `appended`.
 */
async function countNewRows(knex: Knex, count: DayCount, policies: CompiledPolicies, now: Date, appended: AppendedLogRows, stopping?: AbortSignal): Promise<void> {
  const from = provinceDayStart(count.day).getTime();
  const until = provinceDayStart(addDays(count.day, 1)).getTime();
  const ofTheDay = (row: DatedLogRow) => {
    const at = new Date(row.at).getTime();
    return at >= from && at < until;
  };
  for (;;) {
    const started = performance.now();
    const bySeq = count.afterSeq !== null && now.getTime() < until;
    let batch: LogBatch;
    if (bySeq) {
      batch = await rowsAfter(knex, count.afterSeq!, appended);
    } else {
      const query = knex('disclosure_log').options(OFF_REQUEST_PATH).select(LOG_COLUMNS).orderBy('seq').limit(BATCH);
      query.where('at', '>=', new Date(from).toISOString()).where('at', '<', new Date(until).toISOString());
      if (count.afterSeq !== null) query.where('seq', '>', count.afterSeq);
      const rows = (await query) as DatedLogRow[];
      batch = { rows, full: rows.length === BATCH };
    }
    const { rows } = batch;
    addRows(count.figures, bySeq ? rows.filter(ofTheDay) : rows, policies);
    if (rows.length > 0) count.afterSeq = String(rows[rows.length - 1].seq);
    if (!batch.full) return;
    await sleep((performance.now() - started) * PAUSE_PER_BATCH_TIME, undefined, { signal: stopping });
  }
}

/**
 * Replaces the day's rows with the count's figures; `closed` when the day is over (it is not counted
 * again, and the people of its count are no longer kept). An open day's count is saved with them.
 */
async function writeDay(knex: Knex, count: DayCount, closed: boolean): Promise<void> {
  const { day } = count;
  const figures = finish(count.figures);
  await maintenanceTransaction(knex, async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?, ?)', [LOCK_CLASS, Math.round(provinceDayStart(day).getTime() / 86_400_000)]);
    await trx('sharing_statistics').where('day', day).delete();
    await insertInChunks(
      trx,
      'sharing_statistics',
      figures.map((figure) => ({
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
      CHUNK,
    );
    if (closed) {
      await trx('sharing_statistics_subject_list').where('day', day).delete();
    } else {
      // One list per figure of the people first counted since the last save (a replica may have saved some
      // of them too: a restart takes the union).
      const lists = unsavedSubjectsOf(count.figures).map(({ service, consumerAgency, purpose, subjects }) => ({ day, service, consumer_agency: consumerAgency, purpose, subjects }));
      if (lists.length > 0) await trx('sharing_statistics_subject_list').insert(lists);
    }
    await trx('sharing_statistics_run')
      .insert({ day, closed, computed_at: new Date().toISOString(), after_seq: closed ? null : count.afterSeq, grouping: closed ? null : count.grouping })
      .onConflict('day')
      .merge(['closed', 'computed_at', 'after_seq', 'grouping']);
  });
  markSubjectsSaved(count.figures);
}

/** Today's count, or another open day's, continued: the one in memory, else the one saved, else from the day's start. */
async function continuedCount(knex: Knex, day: string, grouping: string, inMemory: readonly DayCount[]): Promise<DayCount> {
  const kept = inMemory.find((count) => count.day === day && count.grouping === grouping);
  return kept ?? (await savedDayCount(knex, day, grouping)) ?? newDayCount(day, grouping);
}

export interface AggregationRound {
  now?: Date;
  /** The open days' counts the last round returned (none after a start). */
  openDays?: readonly DayCount[];
  /**
   * A day closes this long after it ends: a request under way at midnight is logged under the moment it
   * began, up to its deadline later. Until then the day stays open beside today.
   */
  closeAfterMs?: number;
  /** Ends a count between its batches (the service is closing). */
  stopping?: AbortSignal;
  /** The rows this process appended and holds (none: every row is read back). Those counted are forgotten. */
  appended?: AppendedLogRows;
}

/**
 * Every day not yet closed, from the day after the last closed one (or the log's first day) to today:
 * those ended more than `closeAfterMs` ago are counted to their end and closed, the others (today, and
 * yesterday just after midnight) brought up to date. Returns the open days' counts for the next round.
 */
export async function aggregateSharingStatistics(knex: Knex, policies: CompiledPolicies, round: AggregationRound = {}): Promise<DayCount[]> {
  const now = round.now ?? new Date();
  const today = provinceDay(now);
  const firstOpen = provinceDay(new Date(now.getTime() - (round.closeAfterMs ?? 0)));
  const lastClosed = await knex('sharing_statistics_run').options(OFF_REQUEST_PATH).where('closed', true).max({ day: 'day' }).first();
  let next: string | null = lastClosed?.day ? addDays(dateColumnDay(lastClosed.day), 1) : null;
  if (next === null) {
    const first = await knex('disclosure_log').options(OFF_REQUEST_PATH).min({ at: 'at' }).first();
    next = first?.at ? provinceDay(new Date(first.at)) : today;
  }
  const grouping = fieldGrouping(policies);
  const appended = round.appended ?? appendedLogRows(0);
  const open: DayCount[] = [];
  for (; next <= today; next = addDays(next, 1)) {
    const count = await continuedCount(knex, next, grouping, round.openDays ?? []);
    const counted = count.afterSeq;
    await countNewRows(knex, count, policies, now, appended, round.stopping);
    const closed = next < firstOpen;
    // A count kept from the last round is as that round saved it: with no row read since, nothing to write
    // (a quiet register's round is then a read of no rows, not a transaction and a flush).
    const unchanged = round.openDays?.includes(count) && count.afterSeq === counted;
    if (closed || !unchanged) await writeDay(knex, count, closed);
    if (!closed) open.push(count);
    // Today's count reads by seq, in memory first: the rows up to where it stands are counted.
    if (next === today && count.afterSeq !== null) appended.forgetThrough(count.afterSeq);
  }
  return open;
}

export interface SharingStatisticsAggregator {
  /** Told by the log writer after each append (it must not block): today's count takes these rows from memory. */
  rowsAppended(rows: readonly AppendedLogRow[]): void;
  /** One round now (days to close, then the open ones); resolves when it is done. */
  aggregateNow(): Promise<void>;
  /** Stops the timer, ends a count in flight at its next batch, and waits for it (before the database closes). */
  stop(): Promise<void>;
}

export function startSharingStatisticsAggregator(options: {
  service: string;
  knex: Knex;
  policies: () => CompiledPolicies;
  everySeconds: number;
  /** AggregationRound.closeAfterMs. */
  closeAfterMs: number;
  /** A round starts once this many appended rows wait to be counted (ROUND_AT_APPENDED_ROWS). */
  roundAtAppendedRows?: number;
}): SharingStatisticsAggregator {
  const roundAt = options.roundAtAppendedRows ?? ROUND_AT_APPENDED_ROWS;
  let rounds: Promise<void> = Promise.resolve();
  let failing = false;
  let openDays: DayCount[] = [];
  const appended = appendedLogRows(4 * roundAt);
  /** Rounds queued or running: the timer adds none while a long count (after a restart) goes on. */
  let pending = 0;
  const stopping = new AbortController();
  const round = () => {
    pending += 1;
    rounds = rounds.then(async () => {
      try {
        openDays = await aggregateSharingStatistics(options.knex, options.policies(), { openDays, closeAfterMs: options.closeAfterMs, stopping: stopping.signal, appended });
        failing = false;
      } catch (error) {
        // A count that failed half-way is not continued: the next round goes on from the one saved last.
        openDays = [];
        if (!failing && !stopping.signal.aborted) logError('sharing statistics not aggregated', { service: options.service, error });
        failing = true;
      } finally {
        pending -= 1;
      }
    });
    return rounds;
  };
  const timer = setInterval(() => {
    if (pending === 0) void round();
  }, options.everySeconds * 1000);
  timer.unref();
  return {
    rowsAppended(rows) {
      appended.add(rows);
      // A busy register counts before the timer: what it holds for the count stays bounded.
      if (appended.size >= roundAt && pending === 0 && !stopping.signal.aborted) void round();
    },
    aggregateNow: round,
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await rounds;
    },
  };
}
