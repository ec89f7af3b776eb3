// The one way to give a child process a changed environment: tests and the bench start scripts and
// services with a variable or two set differently from their own.
import { declarationOf } from './envVariables.ts';

/**
 * This process's environment with `changes` applied (undefined removes a variable). A change must be
 * a declared variable: a misspelt one would otherwise be ignored by the child without a word.
 */
export function childEnvironment(changes: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(changes)) {
    if (!declarationOf(name)) throw new Error(`${name} is not declared in shared/config/envVariables.ts`);
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
