// The platform's side of the witnessed log: an agency sends a checkpoint it signed; the platform checks
// the signature with that agency's public key (the signature is the caller's authentication: no gateway
// token is involved), refuses one that goes back or contradicts a checkpoint it already witnessed, then
// countersigns it and keeps it in its own database (audit_checkpoint), where no agency can write. Its
// statements are the agencies' timers', not a request's: not counted as the request path's (OFF_REQUEST_PATH).
import type { Knex } from 'knex';
import { findService } from '../config/services.ts';
import { OFF_REQUEST_PATH } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/uniqueViolation.ts';
import { errorResponse } from '../errors/clientErrors.ts';
import type { SignedRoute } from '../internalRoutes/SignedRoute.ts';
import { auditPublicKeys, witnessSigningKey, type AuditPublicKeys } from './auditKeys.ts';
import { countersign, isSignedBy, type SignedCheckpoint, type WitnessedCheckpoint } from './chainCheckpoint.ts';
import type { KeyObject } from 'node:crypto';

/** Where the platform takes checkpoints (POST JSON: a SignedCheckpoint). */
export const CHECKPOINT_PATH = '/internal/audit-checkpoints';

/** An answer with its HTTP status: a body `{checkpoint}` (200) or `{errors: [{message, extensions: {code}}]}`. */
export interface WitnessAnswer {
  status: number;
  body: { checkpoint: WitnessedCheckpoint } | ReturnType<typeof errorResponse>;
}

const ISO_MILLISECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SEQ = /^[1-9]\d{0,17}$/;
const HASH = /^[0-9a-f]{64}$/;
const SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;

const refuse = (status: number, code: string, message: string): WitnessAnswer => ({ status, body: errorResponse(message, code) });

/** The columns of audit_checkpoint, as a WitnessedCheckpoint. */
export const WITNESSED_COLUMNS = {
  service: 'service',
  seq: 'seq',
  hash: 'hash',
  at: 'at',
  signature: 'signature',
  witnessedAt: 'witnessed_at',
  witnessSignature: 'witness_signature',
};

/** A row read with WITNESSED_COLUMNS, its values as they were signed. */
export function asWitnessed(row: Record<keyof typeof WITNESSED_COLUMNS, unknown>): WitnessedCheckpoint {
  return {
    service: String(row.service),
    seq: String(row.seq),
    hash: String(row.hash),
    at: new Date(row.at as string).toISOString(),
    signature: String(row.signature),
    witnessedAt: new Date(row.witnessedAt as string).toISOString(),
    witnessSignature: String(row.witnessSignature),
  };
}

function asSignedCheckpoint(body: unknown): SignedCheckpoint | string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The checkpoint must be a JSON object';
  const { service, seq, hash, at, signature } = body as Record<string, unknown>;
  if (typeof service !== 'string' || !findService(service)) return 'service must name a service of the province';
  if (typeof seq !== 'string' || !SEQ.test(seq)) return 'seq must be a positive whole number, as a string';
  if (typeof hash !== 'string' || !HASH.test(hash)) return 'hash must be 64 lowercase hexadecimal digits';
  if (typeof at !== 'string' || !ISO_MILLISECONDS.test(at) || Number.isNaN(Date.parse(at))) return 'at must be an ISO 8601 time in UTC with milliseconds';
  if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return 'signature must be an Ed25519 signature in base64';
  return { service, seq, hash, at, signature };
}

export function createCheckpointWitness(keys: AuditPublicKeys, witnessKey: KeyObject) {
  return async function witnessCheckpoint(body: unknown, knex: Knex): Promise<WitnessAnswer> {
    const checkpoint = asSignedCheckpoint(body);
    if (typeof checkpoint === 'string') return refuse(400, 'BAD_USER_INPUT', checkpoint);
    const agencyKey = keys.agency(checkpoint.service);
    if (!agencyKey || !isSignedBy(checkpoint, agencyKey)) {
      return refuse(401, 'UNAUTHENTICATED', `The checkpoint is not signed with the audit key of ${checkpoint.service}`);
    }
    const [same, latest] = await Promise.all([
      knex('audit_checkpoint').options(OFF_REQUEST_PATH).select(WITNESSED_COLUMNS).where({ service: checkpoint.service, seq: checkpoint.seq }).first(),
      knex('audit_checkpoint').options(OFF_REQUEST_PATH).select(WITNESSED_COLUMNS).where({ service: checkpoint.service }).orderBy('seq', 'desc').first(),
    ]);
    if (same) {
      const witnessed = asWitnessed(same);
      // The agency sending again what was already witnessed (its answer was lost): the same answer.
      if (witnessed.hash === checkpoint.hash && witnessed.at === checkpoint.at && witnessed.signature === checkpoint.signature) return { status: 200, body: { checkpoint: witnessed } };
      if (witnessed.hash !== checkpoint.hash) {
        return refuse(409, 'CHECKPOINT_CONFLICT', `Row ${checkpoint.seq} of ${checkpoint.service}'s log was witnessed with another hash: the log has been rewritten`);
      }
      return refuse(409, 'CHECKPOINT_CONFLICT', `Row ${checkpoint.seq} of ${checkpoint.service}'s log is already witnessed`);
    }
    if (latest && BigInt(String(latest.seq)) > BigInt(checkpoint.seq)) {
      return refuse(409, 'CHECKPOINT_OUT_OF_ORDER', `${checkpoint.service}'s log was already witnessed at row ${latest.seq}: a checkpoint may not go back to row ${checkpoint.seq}`);
    }
    const witnessed = countersign(checkpoint, witnessKey, new Date().toISOString());
    try {
      await knex('audit_checkpoint').options(OFF_REQUEST_PATH).insert({
        service: witnessed.service,
        seq: witnessed.seq,
        hash: witnessed.hash,
        at: witnessed.at,
        signature: witnessed.signature,
        witnessed_at: witnessed.witnessedAt,
        witness_signature: witnessed.witnessSignature,
      });
    } catch (error) {
      // Two senders of the same row at once: the first was witnessed, the second is told so.
      if (isUniqueViolation(error)) return refuse(409, 'CHECKPOINT_CONFLICT', `Row ${checkpoint.seq} of ${checkpoint.service}'s log is already witnessed`);
      throw error;
    }
    return { status: 200, body: { checkpoint: witnessed } };
  };
}

/** The platform's checkpoint route; its keys are read at the first checkpoint (a production start checks they are configured). */
export function checkpointWitnessRoute(): SignedRoute {
  let witness: ReturnType<typeof createCheckpointWitness> | undefined;
  return {
    handle(body, knex) {
      witness ??= createCheckpointWitness(auditPublicKeys(), witnessSigningKey());
      return witness(body, knex);
    },
  };
}

/** Every witnessed checkpoint of a service, in seq order (`npm run audit:verify`, `npm run audit:archive`). */
export async function readWitnessedCheckpoints(knex: Knex): Promise<Map<string, WitnessedCheckpoint[]>> {
  const rows = await knex('audit_checkpoint').select(WITNESSED_COLUMNS).orderBy(['service', 'seq']);
  const byService = new Map<string, WitnessedCheckpoint[]>();
  for (const row of rows) {
    const checkpoint = asWitnessed(row);
    byService.set(checkpoint.service, [...(byService.get(checkpoint.service) ?? []), checkpoint]);
  }
  return byService;
}
