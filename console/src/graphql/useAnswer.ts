// A page's query, asked when the page shows and again when its variables change or reload() is called.
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../session/session.tsx';
import { ask, type Answer, type AskOptions } from './ask.ts';

export interface AnswerState<T> extends Answer<T> {
  loading: boolean;
  reload: () => void;
}

export function useAnswer<T>(query: string | null, variables: Record<string, unknown> = {}, options: Omit<AskOptions, 'signal'> = {}): AnswerState<T> {
  const { session } = useSession();
  const [answer, setAnswer] = useState<Answer<T>>({ data: null, errors: [] });
  const [loading, setLoading] = useState(query !== null);
  const [round, setRound] = useState(0);
  const key = JSON.stringify([query, variables, options.purpose, options.caseId, options.childId]);
  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    setLoading(true);
    ask<T>(session, query, variables, { ...options, signal: controller.signal })
      .then((next) => {
        setAnswer(next);
        setLoading(false);
      })
      .catch(() => undefined);
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, session, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...answer, loading, reload };
}

/** ask() bound to the signed-in session, for mutations and other requests a page makes on an action. */
export function useAsk() {
  const { session } = useSession();
  return useCallback(
    <T,>(query: string, variables: Record<string, unknown> = {}, options: AskOptions = {}) => ask<T>(session, query, variables, options),
    [session],
  );
}
