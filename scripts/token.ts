// npm run token -- --role officer --agency so-tu-phap [--sub ...] [--ttl 3600]: a development token.
import { parseArgs } from 'node:util';
import { config } from '../shared/config/config.ts';
import { KNOWN_ROLES } from '../shared/auth/Principal.ts';
import { devTokenProblem, signDevUserToken } from '../shared/auth/userToken.ts';

const usage = `Usage: npm run --silent token -- --role <role> [--role <role>] [--agency <code>] [--sub <subject>] [--ttl <seconds>]
Roles: ${KNOWN_ROLES.join(', ')}. A citizen's --sub is their 12-digit personal id; officers, systems, data-protection officers and publishers need --agency.`;

if (config.isProduction) {
  console.error('npm run token mints development tokens and refuses to run in production (NODE_ENV=production).');
  process.exit(1);
}
let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      agency: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const roles = values.role ?? [];
const ttl = values.ttl === undefined ? 3600 : Number(values.ttl);
const problem = values.help ? '' : devTokenProblem({ roles, agency: values.agency, sub: values.sub, ttlSeconds: ttl })?.message ?? null;
if (problem !== null) {
  console.error(`${problem}\n${usage}`);
  process.exit(values.help ? 0 : 2);
}
console.log(signDevUserToken({ roles, agency: values.agency, sub: values.sub, ttlSeconds: ttl }));
