// npm run audit:verify [-- --service <name>]: walks each agency's disclosure log and reports the first
// broken link of its hash chain. Reads the databases the services use (DATABASE_URL, <NAME>_DATABASE_URL
// or PGLITE_DATA_DIR; stop services on an embedded data directory first: it has one process at a time).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyDisclosureChain } from '../shared/audit/disclosureChain.ts';
import { SUBGRAPH_SERVICES } from '../shared/config/services.ts';
import { openDatabase } from '../shared/db/openDatabase.ts';
import { serverDatabaseExists } from '../shared/db/serverDatabase.ts';
import { subgraphOptionsFromEnv } from '../shared/subgraph/serviceOptions.ts';

const { values } = parseArgs({ options: { service: { type: 'string' } } });
const services = SUBGRAPH_SERVICES.filter((service) => !values.service || service.name === values.service);
if (services.length === 0) {
  console.error(`Unknown service "${values.service}"`);
  process.exit(2);
}

let broken = false;
let checked = 0;
for (const service of services) {
  const { database } = subgraphOptionsFromEnv(service.name, 'together');
  if (!database.url && !(database.dataDir && existsSync(database.dataDir))) {
    console.log(`- ${service.name}: no database to read (in-memory databases live only inside their process; set DATABASE_URL or PGLITE_DATA_DIR)`);
    continue;
  }
  // Opening a server database creates it when missing (services start that way); a check must not.
  if (database.url && !(await serverDatabaseExists(database.url))) {
    console.log(`- ${service.name}: no database on the server yet`);
    continue;
  }
  const opened = await openDatabase(database);
  try {
    const hasLog = await opened.knex.schema.hasTable('disclosure_log');
    if (!hasLog) {
      console.log(`- ${service.name}: no disclosure log yet`);
      continue;
    }
    const result = await verifyDisclosureChain(opened.knex);
    checked += 1;
    if (result.broken) {
      broken = true;
      console.log(`✗ ${service.name}: first broken link at row ${result.broken.seq}: ${result.broken.problem} (${result.rows} rows read)`);
    } else {
      console.log(`✓ ${service.name}: ${result.rows} rows, chain intact`);
    }
  } finally {
    await opened.close();
  }
}
console.log(broken ? 'The disclosure log has been tampered with (above).' : `Checked ${checked} disclosure log(s).`);
process.exit(broken ? 1 : 0);
