// README's configuration table, generated from the declarations so that the two cannot drift apart
// (npm run docs:config writes it; configTable.test.ts fails when README's copy is stale).
import { ENV_VARIABLES, type EnvVariable } from './envVariables.ts';

export const CONFIG_TABLE_START = '<!-- config:start -->';
export const CONFIG_TABLE_END = '<!-- config:end -->';

/** Variables only the benchmark or the test suite read get a table of their own, after the services'. */
function forToolsOnly(variable: EnvVariable): boolean {
  return variable.readBy.every((reader) => reader === 'bench' || reader === 'tests');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function defaultCell(variable: EnvVariable): string {
  if (variable.default !== undefined) return `\`${variable.default}\``;
  return variable.defaultNote ?? '';
}

function requiredCell(variable: EnvVariable): string {
  if (typeof variable.requiredInProduction === 'string') return variable.requiredInProduction;
  return variable.requiredInProduction ? 'yes' : '';
}

/** The Markdown that goes between README's markers. */
export function configTable(): string {
  const services = ENV_VARIABLES.filter((variable) => !forToolsOnly(variable));
  const tools = ENV_VARIABLES.filter(forToolsOnly);
  return [
    '<!-- Generated from shared/config/envVariables.ts by `npm run docs:config`: edit the declarations there. -->',
    '`<NAME>` is a service name and `<AUDIENCE>` an internal-token audience, in capitals with `-` as `_` (`CIVIL_STATUS`,',
    '`CONSENT_REGISTRY`). An empty variable counts as unset; a bad value stops the service at start, naming the variable.',
    '',
    '| variable | default | meaning | required in production |',
    '|---|---|---|---|',
    ...services.map((variable) => `| \`${variable.name}\` | ${cell(defaultCell(variable))} | ${cell(variable.meaning)} | ${cell(requiredCell(variable))} |`),
    '',
    'Read only by `npm run bench` and `npm test`:',
    '',
    '| variable | default | meaning |',
    '|---|---|---|',
    ...tools.map((variable) => `| \`${variable.name}\` | ${cell(defaultCell(variable))} | ${cell(variable.meaning)} |`),
  ].join('\n');
}

/** `readme` with the text between its markers replaced by the generated table. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(CONFIG_TABLE_START);
  const end = readme.indexOf(CONFIG_TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${CONFIG_TABLE_START} and ${CONFIG_TABLE_END} around its configuration table`);
  return `${readme.slice(0, start + CONFIG_TABLE_START.length)}\n${configTable()}\n${readme.slice(end)}`;
}
