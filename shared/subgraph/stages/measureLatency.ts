// How long this register takes to answer each call of an agency, from the verified token to the answer
// (policies, consent and connection lookups, the disclosure log and the data included), added to the
// day's histogram of the caller's agency and purpose (shared/statistics). On the request path: no await,
// one bucket increment per call, nothing per field; calls of no agency (citizens) are not counted.
import { performance } from 'node:perf_hooks';
import type { Principal } from '../../auth/Principal.ts';
import type { LatencyHistograms } from '../../statistics/latencyHistogram.ts';
import type { Stage } from './Stage.ts';

export function measureLatency(histograms: LatencyHistograms | null): Stage<{ principal: Principal }> {
  return (call, next) => {
    const agency = call.principal.agency;
    if (!histograms || !agency) return next({});
    const purpose = call.principal.purpose ?? '';
    const started = performance.now();
    return next({}).then((answer) => {
      histograms.record(agency, purpose, performance.now() - started);
      return answer;
    });
  };
}
