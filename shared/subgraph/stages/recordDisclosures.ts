// Every decision on personal data in this call is collected, then written to the disclosure log
// before the answer leaves, once the answer is known (a field whose value null propagation discarded
// was not disclosed); if it cannot be written, no data is sent (AUDIT_UNAVAILABLE).
import type { Principal } from '../../auth/Principal.ts';
import { DisclosureCollector } from '../../audit/disclosureCollector.ts';
import type { DisclosureWriter } from '../../audit/disclosureWriter.ts';
import { logError } from '../../logging/log.ts';
import type { DisclosureRecorder } from '../../policy/PolicyContext.ts';
import { refusal, type Stage } from './Stage.ts';

/** `log` null: decisions are collected and dropped (the benchmark's run without the log; refused in production). */
export function recordDisclosures(service: string, log: DisclosureWriter | null): Stage<{ principal: Principal }, { disclosures: DisclosureRecorder }> {
  return async (call, next) => {
    const disclosures = new DisclosureCollector(call.principal);
    const answer = await next({ disclosures });
    try {
      await log?.write(disclosures.toRecord(answer.body.data));
    } catch (error) {
      logError('disclosure log write failed; no data sent', { service, requestId: call.principal.requestId, error });
      return refusal(200, 'The disclosure could not be recorded, so no data is returned', 'AUDIT_UNAVAILABLE');
    }
    return answer;
  };
}
