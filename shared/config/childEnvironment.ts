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
 * Runs `work` with NODE_ENV set to `nodeEnv` (Vite's build reads it: React's production build and JSX
 * only under 'production'), then puts NODE_ENV back as it was, also when `work` fails or changed it, so
 * that children started afterwards inherit this process's own setting.
 */
export async function withNodeEnv<T>(nodeEnv: string, work: () => Promise<T>): Promise<T> {
  const own = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    return await work();
  } finally {
    if (own === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = own;
  }
}
