// A checkpoint of a disclosure log: the service signs the head of its chain (the seq and hash of its
// last row, and when), and the platform countersigns the signed checkpoint as its witness. What is signed
// is a fixed text (a label, then canonical JSON), so a signature covers exactly these values.
import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './disclosureChain.ts';

export interface ChainCheckpoint {
  service: string;
  /** The row's seq, in decimal (a bigint in the database). */
  seq: string;
  /** The row's hash. */
  hash: string;
  /** When the service signed it (ISO 8601, milliseconds, UTC). */
  at: string;
}

export interface SignedCheckpoint extends ChainCheckpoint {
  /** The service's Ed25519 signature, base64. */
  signature: string;
}

export interface WitnessedCheckpoint extends SignedCheckpoint {
  witnessedAt: string;
  /** The platform's Ed25519 signature over the signed checkpoint and witnessedAt, base64. */
  witnessSignature: string;
}

const CHECKPOINT_LABEL = 'disclosure-log-checkpoint/v1\n';
const WITNESS_LABEL = 'disclosure-log-witness/v1\n';

function checkpointText({ service, seq, hash, at }: ChainCheckpoint): Buffer {
  return Buffer.from(CHECKPOINT_LABEL + canonicalJson({ at, hash, seq, service }));
}

function witnessText({ service, seq, hash, at, signature, witnessedAt }: SignedCheckpoint & { witnessedAt: string }): Buffer {
  return Buffer.from(WITNESS_LABEL + canonicalJson({ at, hash, seq, service, signature, witnessedAt }));
}

function verifies(text: Buffer, signature: string, key: KeyObject): boolean {
  try {
    return verify(null, text, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function signCheckpoint(checkpoint: ChainCheckpoint, key: KeyObject): SignedCheckpoint {
  return { ...checkpoint, signature: sign(null, checkpointText(checkpoint), key).toString('base64') };
}

export function isSignedBy(checkpoint: SignedCheckpoint, key: KeyObject): boolean {
  return verifies(checkpointText(checkpoint), checkpoint.signature, key);
}

export function countersign(checkpoint: SignedCheckpoint, witnessKey: KeyObject, witnessedAt: string): WitnessedCheckpoint {
  const witnessSignature = sign(null, witnessText({ ...checkpoint, witnessedAt }), witnessKey).toString('base64');
  return { ...checkpoint, witnessedAt, witnessSignature };
}

export function isWitnessedBy(checkpoint: WitnessedCheckpoint, witnessKey: KeyObject): boolean {
  return verifies(witnessText(checkpoint), checkpoint.witnessSignature, witnessKey);
}
