/**
 * The calls a service is answering, so that its close can let them finish before it closes their database:
 * a register stopped while a request (or a gateway in its process) still reads or logs would otherwise fail
 * that request with a closed pool and log the failure. Over HTTP and in-process alike.
 */
export interface CallsUnderWay {
  /** Runs `call`, counted until it settles. */
  track<T>(call: () => Promise<T>): Promise<T>;
  /** Resolves once no call is under way, or after `limitMs` (a call past its deadline is not waited for). */
  settled(limitMs: number): Promise<void>;
}

export function callsUnderWay(): CallsUnderWay {
  let count = 0;
  let onSettled: (() => void)[] = [];
  const done = () => {
    count -= 1;
    if (count > 0) return;
    const waiting = onSettled;
    onSettled = [];
    for (const resolve of waiting) resolve();
  };
  return {
    async track(call) {
      count += 1;
      try {
        return await call();
      } finally {
        done();
      }
    },
    settled(limitMs) {
      if (count === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, limitMs);
        onSettled.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
