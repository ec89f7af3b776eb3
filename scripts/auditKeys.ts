// npm run keys:audit -- <folder>: generates the Ed25519 keys of the witnessed disclosure log for a
// deployment: `<folder>/private/<service>.key.pem` (each service's AUDIT_SIGNING_KEY_<NAME>),
// `<folder>/private/witness.key.pem` (the platform's AUDIT_WITNESS_KEY) and their public halves in
// `<folder>/public/` (AUDIT_PUBLIC_KEYS_DIR). Refuses to overwrite a key: a lost key cannot be replaced
// without breaking every signature made with it.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WITNESS_KEY_NAME } from '../shared/audit/auditKeys.ts';
import { SUBGRAPH_SERVICES } from '../shared/config/services.ts';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run keys:audit -- <folder>');
  process.exit(2);
}
mkdirSync(join(folder, 'private'), { recursive: true, mode: 0o700 });
mkdirSync(join(folder, 'public'), { recursive: true });
try {
  for (const name of [...SUBGRAPH_SERVICES.map((service) => service.name), WITNESS_KEY_NAME]) {
    const pair = generateKeyPairSync('ed25519');
    writeFileSync(join(folder, 'private', `${name}.key.pem`), pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
    writeFileSync(join(folder, 'public', `${name}.pem`), pair.publicKey.export({ type: 'spki', format: 'pem' }), { flag: 'wx' });
    console.log(`${name}: ${join(folder, 'private', `${name}.key.pem`)}, ${join(folder, 'public', `${name}.pem`)}`);
  }
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  console.error(`${(error as NodeJS.ErrnoException).path} already exists: keys:audit never overwrites a key`);
  process.exit(1);
}
