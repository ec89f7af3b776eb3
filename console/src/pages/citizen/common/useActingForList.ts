// A list of the signed-in citizen's own items (consents, data requests) as a page shows it: of one status
// or all, only those of the person acted for (themself or a child; the platform also lists to a parent
// what they did for their children), with an action on one item that reports the platform's refusals or
// what was done, then asks the list again.
import { useState } from 'react';
import type { AskError } from '../../../graphql/ask.ts';
import { useSession } from '../../../session/session.tsx';
import { useActingFor } from './actingFor.tsx';
import { useSelfServiceAnswer, useSelfServiceAsk } from './selfService.ts';

export function useActingForList<Data, Item extends { subjectId: string }>(query: string, itemsOf: (data: Data) => Item[] | null) {
  const { session } = useSession();
  const { child } = useActingFor();
  const ask = useSelfServiceAsk();
  const [status, setStatus] = useState('');
  const [actionErrors, setActionErrors] = useState<AskError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const answer = useSelfServiceAnswer<Data>(query, { status: status || null });
  const subject = child ?? session?.sub;
  const shown = !answer.data ? [] : (itemsOf(answer.data) ?? []).filter((item) => item.subjectId === subject);

  const refresh = answer.reload;
  /** Runs `mutation`; `said` words what was done from its answer (null: nothing was). */
  const act = async <T,>(mutation: string, variables: Record<string, unknown>, said: (data: T) => string | null) => {
    setDone(null);
    const result = await ask<T>(mutation, variables);
    setActionErrors(result.errors);
    const text = result.data ? said(result.data) : null;
    if (text) setDone(text);
    refresh();
  };

  return {
    child,
    status,
    setStatus,
    shown,
    loaded: answer.data !== null,
    errors: [...answer.errors, ...actionErrors],
    done,
    refresh,
    act,
  };
}
