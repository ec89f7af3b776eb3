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

/** A checkpoint the platform would not witness, as its refusal is logged. */
interface Refused {
  seq: string;
  status: number;
  reason: string | undefined;
}

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

  const logRefusal = (refused: Refused) => logError('the platform refused to witness a disclosure-log checkpoint', { service, ...refused });

  /**
   * Sends the checkpoints not yet witnessed, oldest first, but none at or below one this log already holds
   * as witnessed: that one's hash commits to every row before it. Replicas of a register on one database
   * sign the same log: one may store the head it read a moment before another's later checkpoint was
   * witnessed, and the platform refuses it as going back. Such a refusal stops nothing: the later pending
   * checkpoints are sent, and once one is witnessed the earlier is covered by it. Any other refusal
   * (a contradiction) ends the round, and is logged every round.
   */
  async function sendPending(): Promise<void> {
    const base = options.witnessUrl();
    if (!base) return;
    const witnessed = await knex('disclosure_checkpoint').options(OFF_REQUEST_PATH).max({ seq: 'seq' }).whereNotNull('witness_signature').first();
    const pending = await knex('disclosure_checkpoint')
      .options(OFF_REQUEST_PATH)
      .select('seq', 'hash', 'at', 'signature')
      .whereNull('witness_signature')
      .where('seq', '>', String(witnessed?.seq ?? 0))
      .orderBy('seq')
      .limit(PENDING_PER_ROUND);
    /** Refused as going back, this round: covered if a later one is witnessed, evidence if none is. */
    const behind: Refused[] = [];
    let witnessedThisRound: string | undefined;
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
      const answer = (await response.json().catch(() => null)) as { checkpoint?: WitnessedCheckpoint; errors?: { message: string; extensions?: { code?: string } }[] } | null;
      if (response.status !== 200 || !answer?.checkpoint) {
        const refused = { seq: checkpoint.seq, status: response.status, reason: answer?.errors?.[0]?.message };
        if (answer?.errors?.[0]?.extensions?.code === 'CHECKPOINT_OUT_OF_ORDER') {
          behind.push(refused);
          continue;
        }
        // A refusal (a contradicting checkpoint) is evidence, not noise: logged every round.
        logRefusal(refused);
        failing = true;
        return;
      }
      await knex('disclosure_checkpoint')
        .options(OFF_REQUEST_PATH)
        .where({ seq: checkpoint.seq })
        .update({ witnessed_at: answer.checkpoint.witnessedAt, witness_signature: answer.checkpoint.witnessSignature });
      if (failing) logInfo('the platform witnesses disclosure-log checkpoints again', { service, seq: checkpoint.seq });
      failing = false;
      witnessedThisRound = checkpoint.seq;
    }
    for (const refused of behind) {
      if (witnessedThisRound !== undefined && BigInt(witnessedThisRound) > BigInt(refused.seq)) {
        logInfo('a disclosure-log checkpoint signed late is covered by a later one the platform witnessed', { service, seq: refused.seq, coveredBy: witnessedThisRound });
      } else {
        logRefusal(refused);
      }
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
