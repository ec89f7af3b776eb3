// A closing service waits for the calls it is answering, and only for them, and not past its limit.
import { describe, expect, it } from 'vitest';
import { callsUnderWay } from './callsUnderWay.ts';

/** A call that ends when its `finish` is called. */
function pendingCall() {
  let finish!: () => void;
  const done = new Promise<string>((resolve) => (finish = () => resolve('answered')));
  return { done, finish };
}

describe('calls under way', () => {
  it('settles at once when no call is under way', async () => {
    const started = Date.now();
    await callsUnderWay().settled(60_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('settles when the last call under way ends, a failed one included, and passes each answer through', async () => {
    const calls = callsUnderWay();
    const first = pendingCall();
    const answered = calls.track(() => first.done);
    const failed = calls.track(() => Promise.reject(new Error('the database refused'))).catch((error: Error) => error.message);
    let settled = false;
    const settling = calls.settled(60_000).then(() => (settled = true));
    expect(await failed).toBe('the database refused');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    first.finish();
    expect(await answered).toBe('answered');
    await settling;
    expect(settled).toBe(true);
  });

  it('stops waiting after its limit for a call that never ends', async () => {
    const calls = callsUnderWay();
    void calls.track(() => new Promise(() => {}));
    const started = Date.now();
    await calls.settled(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
