// The Ed25519 keys of the witnessed disclosure log: each service signs checkpoints of its own chain with
// its key, the platform countersigns with its witness key, and whoever checks (the platform before it
// countersigns, `npm run audit:verify`) needs only the public halves. Keys are KeyObjects made once.
// Development: generated in DEV_KEYS_DIR, public halves derived from them; refused in production.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devAuditSigningKeyPem } from '../auth/devKeys.ts';
import { config } from '../config/config.ts';
import { SUBGRAPH_SERVICES } from '../config/services.ts';

/** The name of the platform's witness key among the public keys (`witness.pem`). */
export const WITNESS_KEY_NAME = 'witness';

/** A PEM given inline, or the path of a file holding one. */
function pemOrFile(value: string): string {
  return value.includes('-----BEGIN') ? value : readFileSync(value, 'utf8');
}

function ed25519Private(pem: string, what: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${what} is not an Ed25519 private key`);
  return key;
}

/** The key a service signs its checkpoints with (AUDIT_SIGNING_KEY_<NAME>). */
export function auditSigningKey(service: string): KeyObject {
  const configured = config.audit.signingKeys[service];
  return ed25519Private(configured ? pemOrFile(configured) : devAuditSigningKeyPem(service), `AUDIT_SIGNING_KEY of ${service}`);
}

/** The platform's countersigning key (AUDIT_WITNESS_KEY). */
export function witnessSigningKey(): KeyObject {
  const configured = config.audit.witnessKey;
  return ed25519Private(configured ? pemOrFile(configured) : devAuditSigningKeyPem(WITNESS_KEY_NAME), 'AUDIT_WITNESS_KEY');
}

export interface AuditPublicKeys {
  /** A service's checkpoint key; undefined for a service without one. */
  agency(service: string): KeyObject | undefined;
  witness: KeyObject | undefined;
}

/** AUDIT_PUBLIC_KEYS_DIR (`<service>.pem`, `witness.pem`), or the public halves of the development keys. */
export function auditPublicKeys(): AuditPublicKeys {
  const dir = config.audit.publicKeysDir;
  const names = [...SUBGRAPH_SERVICES.map((service) => service.name), WITNESS_KEY_NAME];
  const keys = new Map<string, KeyObject>();
  for (const name of names) {
    let key: KeyObject | undefined;
    if (dir === undefined) key = createPublicKey(devAuditSigningKeyPem(name));
    else {
      let pem: string | undefined;
      try {
        pem = readFileSync(join(dir, `${name}.pem`), 'utf8');
      } catch {
        pem = undefined;
      }
      key = pem === undefined ? undefined : createPublicKey(pem);
    }
    if (key && key.asymmetricKeyType !== 'ed25519') throw new Error(`The audit public key of ${name} is not an Ed25519 key`);
    if (key) keys.set(name, key);
  }
  return { agency: (service) => (service === WITNESS_KEY_NAME ? undefined : keys.get(service)), witness: keys.get(WITNESS_KEY_NAME) };
}
