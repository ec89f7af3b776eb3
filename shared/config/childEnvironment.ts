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

/**
 * Runs `work` (a library that sets NODE_ENV in this process, as Vite's build does when it is unset) and
 * puts NODE_ENV back as it was, so that children started afterwards inherit this process's own setting.
 */
export async function keepingNodeEnv<T>(work: () => Promise<T>): Promise<T> {
  const nodeEnv = process.env.NODE_ENV;
  try {
    return await work();
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
