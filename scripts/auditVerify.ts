// npm run audit:verify [-- --service <name>]: walks each agency's disclosure log (archived segments, then
// the live log) and checks it against the checkpoints the platform witnessed: every checkpoint's
// signatures (the agency's and the witness's) and its row, there with the hash that was signed. Reports
// the first broken link, or the first row after the last good checkpoint when the tail was deleted or rows
// were edited and rehashed, and exits 1. Rows after the last checkpoint are counted as not yet witnessed.
// Reads the databases the services use (DATABASE_URL, <NAME>_DATABASE_URL or PGLITE_DATA_DIR; stop
// services on an embedded data directory first: it has one process at a time), the platform's included.
import { auditPublicKeys, type AuditPublicKeys } from '../shared/audit/auditKeys.ts';
import type { WitnessedCheckpoint } from '../shared/audit/chainCheckpoint.ts';
import { badlySignedCheckpoints, verifyWitnessedChain } from '../shared/audit/witnessedChain.ts';
import { platformWitnessedCheckpoints, requireAuditPublicKeysInProduction, servicesFromArguments, withServiceDatabase } from './serviceDatabase.ts';

const services = servicesFromArguments();
requireAuditPublicKeysInProduction();

// The witness first: the platform's checkpoints of every agency.
const witnessed = await platformWitnessedCheckpoints();
if (!witnessed) console.log('- no witnessed checkpoints could be read (the platform\'s database): chains are checked without them');
const keys: AuditPublicKeys = auditPublicKeys();

let broken = false;
let checked = 0;
for (const service of services) {
  await withServiceDatabase(service.name, async (knex) => {
    if (!(await knex.schema.hasTable('disclosure_log'))) {
      console.log(`- ${service.name}: no disclosure log yet`);
      return;
    }
    const all: WitnessedCheckpoint[] = witnessed?.get(service.name) ?? [];
    const badlySigned = badlySignedCheckpoints(service.name, all, keys);
    for (const { seq, why } of badlySigned) {
      broken = true;
      console.log(`✗ ${service.name}: the checkpoint witnessed at row ${seq} cannot be trusted: ${why}`);
    }
    const bad = new Set(badlySigned.map(({ seq }) => seq));
    const result = await verifyWitnessedChain(knex, all.filter((checkpoint) => !bad.has(checkpoint.seq)));
    checked += 1;
    if (result.problem?.kind === 'link') {
      broken = true;
      console.log(`✗ ${service.name}: first broken link at row ${result.problem.seq}: ${result.problem.message} (${result.rows} rows read)`);
    } else if (result.problem?.kind === 'filing') {
      broken = true;
      console.log(`✗ ${service.name}: row ${result.problem.seq}: ${result.problem.message}`);
    } else if (result.problem) {
      broken = true;
      console.log(`✗ ${service.name}: first row after the last good checkpoint: row ${result.problem.seq}: ${result.problem.message}`);
    } else {
      const archived = result.archivedRows > 0 ? `, ${result.archivedRows} of them archived` : '';
      const witness = result.lastGoodCheckpoint === null ? 'no checkpoint witnessed yet' : `${result.witnessedCheckpoints} checkpoint(s) witnessed, the last at row ${result.lastGoodCheckpoint}`;
      console.log(`✓ ${service.name}: ${result.rows} rows, chain intact${archived}; ${witness}; ${result.notYetWitnessed} row(s) not yet witnessed`);
    }
  });
}
console.log(broken ? 'The disclosure log has been tampered with (above).' : `Checked ${checked} disclosure log(s).`);
process.exit(broken ? 1 : 0);
