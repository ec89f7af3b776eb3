// The register's latency histograms (latencyHistogram.ts): filled on the request path by the pipeline's
// stage (shared/subgraph/stages/measureLatency.ts), written to sharing_latency every few seconds and at
// close, off the request path, by adding counts (so replicas and flushes add up).
import type { Knex } from 'knex';
import { OFF_REQUEST_PATH } from '../db/openDatabase.ts';
import { logError } from '../logging/log.ts';
import { LatencyHistograms } from './latencyHistogram.ts';
import { provinceDay } from '../calendar/provinceDay.ts';

export interface SharingLatencyRecorder {
  histograms: LatencyHistograms;
  /** Writes what was recorded so far; resolves when it is written (or put back after a failure). */
  flushNow(): Promise<void>;
  /** Stops the timer and flushes (before the database closes). */
  stop(): Promise<void>;
}

export function startSharingLatencyRecorder(options: { service: string; knex: Knex; everyMs: number }): SharingLatencyRecorder {
  const histograms = new LatencyHistograms(() => provinceDay(new Date()));
  let flushes: Promise<void> = Promise.resolve();
  let failing = false;
  const flush = () => {
    flushes = flushes.then(async () => {
      const taken = histograms.take();
      const rows = new Map<string, { day: string; consumer_agency: string; purpose: string; bucket: number; calls: number }>();
      for (const { day, agency, purpose, counts } of taken) {
        counts.forEach((calls, bucket) => {
          if (!calls) return;
          const key = `${day}\u0000${agency}\u0000${purpose}\u0000${bucket}`;
          const row = rows.get(key);
          if (row) row.calls += calls;
          else rows.set(key, { day, consumer_agency: agency, purpose, bucket, calls });
        });
      }
      if (!rows.size) return;
      try {
        await options.knex('sharing_latency')
          .options(OFF_REQUEST_PATH)
          .insert([...rows.values()])
          .onConflict(['day', 'consumer_agency', 'purpose', 'bucket'])
          .merge({ calls: options.knex.raw('sharing_latency.calls + excluded.calls') });
        failing = false;
      } catch (error) {
        histograms.putBack(taken);
        if (!failing) logError('sharing latency not written', { service: options.service, error });
        failing = true;
      }
    });
    return flushes;
  };
  const timer = setInterval(() => void flush(), options.everyMs);
  timer.unref();
  return {
    histograms,
    flushNow: flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
