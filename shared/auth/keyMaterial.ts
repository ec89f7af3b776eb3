// The key material a production start is checked against (shared/config/productionSettings.ts): the
// caller-token public keys it was given, and the development material on this machine, never to be trusted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { config } from '../config/config.ts';
import type { KeyMaterial } from '../config/productionSettings.ts';
import { existingDevKeys } from './devKeys.ts';
import { deriveSubgraphKey } from './internalToken.ts';

/** The `.pem` files of a folder of caller-token public keys, in name order. */
export function readPemFiles(dir: string): { file: string; pem: string }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.pem'))
    .sort()
    .map((file) => ({ file, pem: readFileSync(join(dir, file), 'utf8') }));
}

/** `audiences`: those whose development-derived keys must be refused too. */
export function readKeyMaterial(audiences: readonly string[] = []): KeyMaterial {
  const dir = config.jwtPublicKeysDir;
  let callerKeys: KeyMaterial['callerKeys'];
  try {
    callerKeys = dir === undefined ? undefined : readPemFiles(dir);
  } catch (error) {
    callerKeys = { unreadable: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
  const development = existingDevKeys();
  const master = development.internalMasterSecret;
  return {
    callerKeys,
    development: {
      callerPublicKeyPem: development.callerPublicKeyPem,
      internalSecrets: master === undefined ? [] : [master, ...audiences.map((audience) => deriveSubgraphKey(master, audience).toString('hex'))],
    },
  };
}
