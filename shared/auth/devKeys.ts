// Development key material, generated on first start into .dev-keys/ (git-ignored) and reused after,
// so that tokens minted by `npm run token` stay valid across restarts. Never used in production.
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config } from '../config/config.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const DEV_ISSUER = 'provincial-dev-idp';
export const DEV_KEY_ID = 'dev';

export function devKeysDir(): string {
  return config.devKeysDir ?? join(repoRoot, '.dev-keys');
}

/** Reads a file, or writes it first; `wx` makes concurrent first starts agree on one value. */
function readOrCreate(path: string, make: () => string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, make(), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(path, 'utf8');
}

function refuseInProduction(what: string): void {
  if (config.isProduction) throw new Error(`${what} is for development only; configure real keys in production`);
}

const USER_SIGNING_KEY_FILE = 'user-signing.key.pem';
const INTERNAL_MASTER_FILE = 'internal-master.secret';

/**
 * The development material already on this machine, read without creating any and in any mode: a
 * production start compares its configured keys with it, to refuse a development key given as a real one.
 */
export function existingDevKeys(): { callerPublicKeyPem?: string; internalMasterSecret?: string } {
  const dir = devKeysDir();
  const readIfThere = (file: string): string | undefined => {
    try {
      return readFileSync(join(dir, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  const privateKeyPem = readIfThere(USER_SIGNING_KEY_FILE);
  let callerPublicKeyPem: string | undefined;
  try {
    callerPublicKeyPem = privateKeyPem === undefined ? undefined : createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    callerPublicKeyPem = undefined;
  }
  return { callerPublicKeyPem, internalMasterSecret: readIfThere(INTERNAL_MASTER_FILE)?.trim() };
}

export interface DevSigningKeys {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** The development identity provider's RS256 key pair. */
export function devUserSigningKeys(): DevSigningKeys {
  refuseInProduction('The development signing key');
  const dir = devKeysDir();
  const privateKeyPem = readOrCreate(join(dir, USER_SIGNING_KEY_FILE), () =>
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  // Derived rather than stored beside it, so two first starts racing can never pair mismatched halves.
  const publicKeyPem = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKeyPem, publicKeyPem };
}

/** The master secret from which each subgraph's internal-token key is derived. */
export function devInternalMasterSecret(): string {
  refuseInProduction('The development internal-token secret');
  return readOrCreate(join(devKeysDir(), INTERNAL_MASTER_FILE), () => randomBytes(32).toString('hex')).trim();
}

/** A service's development Ed25519 key for signing checkpoints of its disclosure log (`witness`: the platform's witness key). */
export function devAuditSigningKeyPem(name: string): string {
  refuseInProduction('The development audit signing key');
  return readOrCreate(join(devKeysDir(), `audit-${name}.key.pem`), () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
}
