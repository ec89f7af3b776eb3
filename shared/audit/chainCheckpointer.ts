// An agency's checkpointer: every AUDIT_CHECKPOINT_ROWS new rows, or every AUDIT_CHECKPOINT_SECONDS when
// rows were added, it signs the head of the disclosure log (seq and hash of the last row), keeps the
// checkpoint in its own database (disclosure_checkpoint) and sends every checkpoint not yet witnessed to
// the platform, which countersigns it. All of it runs off the request path: the writer only counts rows;
// a platform that is down or slow delays the witness, never a request, and is tried again on the next round.
import type { KeyObject } from 'node:crypto';
import type { Knex } from 'knex';
import { OFF_REQUEST_PATH } from '../db/openDatabase.ts';
import { logError, logInfo } from '../logging/log.ts';
import { signCheckpoint, type WitnessedCheckpoint } from './chainCheckpoint.ts';
import { CHECKPOINT_PATH } from './witnessCheckpoints.ts';

export interface ChainCheckpointerOptions {
  service: string;
  knex: Knex;
  signingKey: KeyObject;
  /** The platform's base URL, read at each round; undefined: not known yet (checkpoints wait). */
  witnessUrl: () => string | undefined;
  everyRows: number;
  everySeconds: number;
  /** How long one call to the platform may take. */
  timeoutMs: number;
}

export interface ChainCheckpointer {
  /** Told by the writer after each append: a round starts once enough rows were added. */
  rowsAppended(count: number): void;
  /** One round now (signs the head if it moved, sends what is not yet witnessed); resolves when it is done. */
  checkpointNow(): Promise<void>;
  /** Stops the timer and waits for a round in flight (before the database closes). */
  stop(): Promise<void>;
}

const PENDING_PER_ROUND = 100;

export function startChainCheckpointer(options: ChainCheckpointerOptions): ChainCheckpointer {
  const { service, knex } = options;
  let rowsSinceRound = 0;
  let rounds: Promise<void> = Promise.resolve();
  /** Log a failing witness once per streak, not once per round. */
  let failing = false;

  async function signHead(): Promise<void> {
    const head = await knex('disclosure_log').options(OFF_REQUEST_PATH).select('seq', 'hash').orderBy('seq', 'desc').first();
    if (!head) return;
    const last = await knex('disclosure_checkpoint').options(OFF_REQUEST_PATH).select('seq').orderBy('seq', 'desc').first();
    if (last && BigInt(String(last.seq)) >= BigInt(String(head.seq))) return;
    const signed = signCheckpoint({ service, seq: String(head.seq), hash: head.hash, at: new Date().toISOString() }, options.signingKey);
    await knex('disclosure_checkpoint').options(OFF_REQUEST_PATH).insert({ seq: signed.seq, hash: signed.hash, at: signed.at, signature: signed.signature }).onConflict('seq').ignore();
  }

  async function sendPending(): Promise<void> {
    const base = options.witnessUrl();
    if (!base) return;
    const pending = await knex('disclosure_checkpoint')
      .options(OFF_REQUEST_PATH)
      .select('seq', 'hash', 'at', 'signature')
      .whereNull('witness_signature')
      .orderBy('seq')
      .limit(PENDING_PER_ROUND);
    for (const row of pending) {
      const checkpoint = { service, seq: String(row.seq), hash: row.hash, at: new Date(row.at).toISOString(), signature: row.signature };
      let response: Response;
      try {
        response = await fetch(new URL(CHECKPOINT_PATH, base), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(checkpoint),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        if (!failing) logError('the platform could not be reached to witness a disclosure-log checkpoint; trying again later', { service, seq: checkpoint.seq, error });
        failing = true;
        return;
      }
      const answer = (await response.json().catch(() => null)) as { checkpoint?: WitnessedCheckpoint; errors?: { message: string }[] } | null;
      if (response.status !== 200 || !answer?.checkpoint) {
        // A refusal (a contradicting or backward checkpoint) is evidence, not noise: logged every round.
        logError('the platform refused to witness a disclosure-log checkpoint', { service, seq: checkpoint.seq, status: response.status, reason: answer?.errors?.[0]?.message });
        failing = true;
        return;
      }
      await knex('disclosure_checkpoint')
        .options(OFF_REQUEST_PATH)
        .where({ seq: checkpoint.seq })
        .update({ witnessed_at: answer.checkpoint.witnessedAt, witness_signature: answer.checkpoint.witnessSignature });
      if (failing) logInfo('the platform witnesses disclosure-log checkpoints again', { service, seq: checkpoint.seq });
      failing = false;
    }
  }

  function round(): Promise<void> {
    rounds = rounds
      .then(async () => {
        rowsSinceRound = 0;
        await signHead();
        await sendPending();
      })
      .catch((error: unknown) => logError('disclosure-log checkpoint failed; trying again later', { service, error }));
    return rounds;
  }

  const timer = setInterval(() => void round(), options.everySeconds * 1000);
  timer.unref();

  return {
    rowsAppended(count) {
      rowsSinceRound += count;
      if (rowsSinceRound >= options.everyRows) {
        rowsSinceRound = -Infinity; // one round at a time for the row count; the round resets it
        void round();
      }
    },
    checkpointNow: round,
    stop() {
      clearInterval(timer);
      return rounds;
    },
  };
}
