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

export interface DevSigningKeys {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** The development identity provider's RS256 key pair. */
export function devUserSigningKeys(): DevSigningKeys {
  refuseInProduction('The development signing key');
  const dir = devKeysDir();
  const privateKeyPem = readOrCreate(join(dir, 'user-signing.key.pem'), () =>
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  // Derived rather than stored beside it, so two first starts racing can never pair mismatched halves.
  const publicKeyPem = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKeyPem, publicKeyPem };
}

/** The master secret from which each subgraph's internal-token key is derived. */
export function devInternalMasterSecret(): string {
  refuseInProduction('The development internal-token secret');
  return readOrCreate(join(devKeysDir(), 'internal-master.secret'), () => randomBytes(32).toString('hex')).trim();
}
