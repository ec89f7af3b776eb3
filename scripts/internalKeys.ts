// npm run --silent keys:internal [-- <subgraph>]: the INTERNAL_TOKEN_KEY_<AUDIENCE>=<hex> lines derived from
// INTERNAL_TOKEN_SECRET (read from the environment, never an argument: arguments show in `ps`), for every
// audience the gateway signs for, or only those one subgraph verifies. The operator gives each subgraph
// its own lines and never the secret (README, "Deploying in production").
import { deriveSubgraphKey } from '../shared/auth/internalToken.ts';
import { config } from '../shared/config/config.ts';
import { MIN_SECRET_BYTES } from '../shared/config/productionSettings.ts';
import { envPrefix } from '../shared/config/services.ts';
import { internalAudiences } from '../shared/subgraph/internalAudiences.ts';
import { SUBGRAPHS } from '../subgraphs/registry.ts';

const name = process.argv[2];
if (name !== undefined && !SUBGRAPHS[name]) {
  console.error(`Usage: INTERNAL_TOKEN_SECRET=… npm run --silent keys:internal [-- <subgraph>]\nSubgraphs: ${Object.keys(SUBGRAPHS).join(', ')}`);
  process.exit(2);
}
const secret = config.internalTokenSecret;
if (secret === undefined || Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
  console.error(`Set INTERNAL_TOKEN_SECRET (at least ${MIN_SECRET_BYTES} bytes, e.g. \`openssl rand -hex 32\`) in the environment: every key is derived from it.`);
  process.exit(1);
}
const definitions = name === undefined ? Object.values(SUBGRAPHS) : [SUBGRAPHS[name]];
const audiences = [...new Set(definitions.flatMap((definition) => internalAudiences(definition)))];
for (const audience of audiences) console.log(`INTERNAL_TOKEN_KEY_${envPrefix(audience)}=${deriveSubgraphKey(secret, audience).toString('hex')}`);
