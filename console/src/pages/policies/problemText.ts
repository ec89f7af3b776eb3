// A problem of a policy edit in the reader's language, worded from the server's code and params; the
// server's English message for a code this console does not know (a newer server).
import type { Texts } from '../../text/vi/index.ts';
import type { PolicyProblem } from './policyQueries.ts';

export function problemText(problem: PolicyProblem, t: Texts['policies']): string {
  const words: Record<string, ((params: Record<string, string>) => string) | undefined> = t.problems;
  const word = Object.hasOwn(words, problem.code) ? words[problem.code] : undefined;
  return word ? word(Object.fromEntries(problem.params.map(({ name, value }) => [name, value]))) : problem.message;
}
