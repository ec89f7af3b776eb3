// npm run docs:config: rewrites README's configuration table from shared/config/envVariables.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { withConfigTable } from '../shared/config/configTable.ts';

const readmePath = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmePath, 'utf8');
const updated = withConfigTable(readme);
if (updated === readme) {
  console.log('README.md: the configuration table is up to date.');
} else {
  writeFileSync(readmePath, updated);
  console.log('README.md: the configuration table was rewritten.');
}
