// The server's verdict on an edit, asked ~400 ms after the officer stops typing (checkPolicyChange:
// the same validation as a proposal, nothing written). A verdict on text since changed is dropped.
import { useEffect, useState } from 'react';
import type { AskError } from '../../graphql/ask.ts';
import { useAsk } from '../../graphql/useAnswer.ts';
import { CHECK_CHANGE, type PolicyCheck } from './policyQueries.ts';

const DEBOUNCE_MS = 400;

export function useEditCheck(baseVersion: number | null, path: string, text: string | null) {
  const ask = useAsk();
  const [check, setCheck] = useState<PolicyCheck | null>(null);
  const [errors, setErrors] = useState<AskError[]>([]);
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    if (baseVersion === null || text === null) return;
    const controller = new AbortController();
    setChecking(true);
    const timer = setTimeout(() => {
      ask<{ checkPolicyChange: PolicyCheck | null }>(CHECK_CHANGE, { baseVersion, files: [{ path, content: text }] }, { signal: controller.signal })
        .then((answer) => {
          setCheck(answer.data?.checkPolicyChange ?? null);
          setErrors(answer.errors);
          setChecking(false);
        })
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [ask, baseVersion, path, text]);
  return { check, errors, checking };
}
