// npm ci's prepare step (and `npm run prepare`): what a first npm start would otherwise make before it is
// ready, made at install instead: the console's build and the embedded databases' template (a fresh
// cluster's dump, which spares every start an initdb). It never fails the install: npm start makes
// whatever is missing.
import { ensureConsoleBuilt } from '../console/consoleBuild.ts';
import { ensureEmbeddedTemplate } from '../shared/db/embeddedPostgres.ts';

const [consoleBuild, template] = await Promise.allSettled([ensureConsoleBuilt({ quiet: true }), ensureEmbeddedTemplate()]);
const said = (step: PromiseSettledResult<boolean>, what: string) =>
  step.status === 'fulfilled' ? `${what}: ${step.value ? 'made' : 'already there'}` : `${what}: not made (${step.reason instanceof Error ? step.reason.message : String(step.reason)}); npm start makes it`;
process.stdout.write(`${said(consoleBuild, 'The console (console/dist)')}\n${said(template, 'The embedded databases\' template (node_modules/.cache/embedded-postgres)')}\n`);
