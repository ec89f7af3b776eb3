// A service's periodic tasks (SubgraphDefinition.periodicTasks), each on its own timer and one pass at a
// time: a pass asked for while one runs waits for it. A failing pass is logged once until it works again.
import type { Knex } from 'knex';
import { logError } from '../logging/log.ts';
import type { PeriodicTask } from './SubgraphDefinition.ts';

export function startPeriodicTasks(service: string, knex: Knex, tasks: readonly PeriodicTask[]) {
  const running = new Map<string, { pass: () => Promise<void>; timer: NodeJS.Timeout | null; rounds: Promise<void> }>();
  for (const task of tasks) {
    let failing = false;
    const state = {
      rounds: Promise.resolve(),
      timer: null as NodeJS.Timeout | null,
      /** The pass, which rejects if it fails (the timer only logs it). */
      pass: () => {
        const pass = state.rounds.then(() => task.run(knex));
        state.rounds = pass.then(
          () => {
            failing = false;
          },
          (error: unknown) => {
            if (!failing) logError(`periodic task ${task.name} failed`, { service, error });
            failing = true;
          },
        );
        return pass;
      },
    };
    const seconds = task.everySeconds();
    if (seconds > 0) {
      state.timer = setInterval(() => void state.pass().catch(() => undefined), seconds * 1000);
      state.timer.unref();
    }
    running.set(task.name, state);
  }
  return {
    runNow(name: string): Promise<void> {
      const state = running.get(name);
      if (!state) return Promise.reject(new Error(`${service} has no periodic task ${name}`));
      return state.pass();
    },
    async stop(): Promise<void> {
      for (const state of running.values()) if (state.timer) clearInterval(state.timer);
      await Promise.all([...running.values()].map((state) => state.rounds));
    },
  };
}
