import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SUPERGRAPH_PATH } from '../gateway/src/startGateway.ts';
import { composeSupergraph } from './composeSupergraph.ts';

try {
  writeFileSync(SUPERGRAPH_PATH, composeSupergraph());
  console.log(`Wrote ${fileURLToPath(SUPERGRAPH_PATH)}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
