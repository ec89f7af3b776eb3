// Sending a citizen's form that gives field groups (a consent, a data request): at least one group chosen,
// busy while the platform is asked, then its refusals or what was done, and the choice cleared.
import { useState } from 'react';
import type { AskError } from '../../../graphql/ask.ts';
import { useSelfServiceAsk } from './selfService.ts';

export function useGroupsSubmission(chooseGroup: string) {
  const ask = useSelfServiceAsk();
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<AskError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Sends `input` with the chosen groups; true when `said` words what was done from the answer. */
  const send = async <T,>(mutation: string, input: Record<string, unknown>, said: (data: T) => string | null): Promise<boolean> => {
    setDone(null);
    if (chosen.length === 0) {
      setErrors([{ message: chooseGroup, localized: true }]);
      return false;
    }
    setBusy(true);
    const answer = await ask<T>(mutation, { input: { ...input, fieldGroups: chosen } });
    setBusy(false);
    setErrors(answer.errors);
    const text = answer.data ? said(answer.data) : null;
    if (!text) return false;
    setDone(text);
    setChosen([]);
    return true;
  };

  return { chosen, setChosen, errors, done, busy, send };
}
