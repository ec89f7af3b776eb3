// npm run audit:archive [-- --service <name>]: moves each agency's disclosure-log rows older than
// AUDIT_RETENTION_DAYS into disclosure_log_archive, only as whole segments closed by a checkpoint the
// platform witnessed, and only when the log verifies against its checkpoints (shared/audit/archiveSegments.ts).
// Reads the databases as audit:verify does (stop services on an embedded data directory first).
import { auditPublicKeys } from '../shared/audit/auditKeys.ts';
import { archiveWitnessedSegments } from '../shared/audit/archiveSegments.ts';
import { badlySignedCheckpoints } from '../shared/audit/witnessedChain.ts';
import { config } from '../shared/config/config.ts';
import { platformWitnessedCheckpoints, requireAuditPublicKeysInProduction, servicesFromArguments, withServiceDatabase } from './serviceDatabase.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

const services = servicesFromArguments();
const days = config.audit.retentionDays;
if (days === undefined) {
  console.log('AUDIT_RETENTION_DAYS is not set: nothing is archived.');
  process.exit(0);
}
requireAuditPublicKeysInProduction();
const olderThan = new Date(Date.now() - days * DAY_MS);
const witnessed = await platformWitnessedCheckpoints();
if (!witnessed) {
  console.log('No witnessed checkpoints could be read (the platform\'s database): nothing is archived.');
  process.exit(1);
}
const keys = auditPublicKeys();

let refused = false;
for (const service of services) {
  await withServiceDatabase(service.name, async (knex) => {
    if (!(await knex.schema.hasTable('disclosure_log_archive'))) {
      console.log(`- ${service.name}: no disclosure log with an archive yet`);
      return;
    }
    const all = witnessed.get(service.name) ?? [];
    const badlySigned = badlySignedCheckpoints(service.name, all, keys);
    if (badlySigned.length > 0) {
      refused = true;
      console.log(`✗ ${service.name}: nothing archived: the checkpoint witnessed at row ${badlySigned[0].seq} cannot be trusted (${badlySigned[0].why})`);
      return;
    }
    const result = await archiveWitnessedSegments(knex, all, olderThan);
    if (result.refused) {
      refused = true;
      console.log(`✗ ${service.name}: nothing archived: ${result.refused}`);
    } else {
      const through = result.segments.length > 0 ? `, through row ${result.segments[result.segments.length - 1]}` : '';
      const dropped = result.partitionsDropped > 0 ? `; ${result.partitionsDropped} emptied partition(s) of the data subjects' filing dropped` : '';
      console.log(`✓ ${service.name}: ${result.rows} row(s) older than ${days} days archived in ${result.segments.length} witnessed segment(s)${through}${dropped}`);
    }
  });
}
process.exit(refused ? 1 : 0);
