// How the citizen's pages ask: as the signed-in citizen, declaring the purpose citizens declare for their
// own data (citizen-self-service) and no case, whatever the session declares by default, and as the minor
// child the citizen acts for, if any (X-Child-Id). Nothing is asked for a session that is not a citizen's
// (the page says the role cannot use it).
import { useCallback } from 'react';
import type { Answer } from '../../../graphql/ask.ts';
import { useAnswer, useAsk, type AnswerState } from '../../../graphql/useAnswer.ts';
import { hasRole, useSession } from '../../../session/session.tsx';
import { useActingFor } from './actingFor.tsx';

export const SELF_SERVICE = { purpose: 'citizen-self-service', caseId: null } as const;

export function useSelfServiceAnswer<T>(query: string, variables: Record<string, unknown> = {}): AnswerState<T> {
  const { session } = useSession();
  const { child } = useActingFor();
  return useAnswer<T>(hasRole(session, 'citizen') ? query : null, variables, { ...SELF_SERVICE, childId: child });
}

export function useSelfServiceAsk(): <T>(mutation: string, variables: Record<string, unknown>) => Promise<Answer<T>> {
  const ask = useAsk();
  const { child } = useActingFor();
  return useCallback(<T,>(mutation: string, variables: Record<string, unknown>) => ask<T>(mutation, variables, { ...SELF_SERVICE, childId: child }), [ask, child]);
}
