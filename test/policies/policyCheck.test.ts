// npm run policy:check as a security officer meets it: a broken edit is reported with file, line and
// a plain message, and the command fails.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { childEnvironment } from '../../shared/config/childEnvironment.ts';
import { DEFAULT_POLICY_DIR } from '../../shared/policy/loadSubgraphPolicies.ts';

const run = promisify(execFile);
const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
const script = new URL('../../scripts/policyCheck.ts', import.meta.url).pathname;

function policyCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'policy-check-')), 'policies');
  cpSync(DEFAULT_POLICY_DIR, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (document: ReturnType<typeof parseDocument>) => void): void {
  const path = join(dir, file);
  const document = parseDocument(readFileSync(path, 'utf8'));
  change(document);
  writeFileSync(path, document.toString());
}

function lineOf(dir: string, file: string, text: string): number {
  return readFileSync(join(dir, file), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}

describe('npm run policy:check', () => {
  it('passes on the seed policies', async () => {
    const { stdout } = await run(tsx, [script]);
    expect(stdout).toContain('All policies are valid.');
  });

  it('reports an unknown field, role, agency, purpose and legal basis with file and line, and fails', async () => {
    const dir = policyCopy();
    const file = 'population/citizen.policy.yaml';
    edit(dir, file, (document) => {
      document.setIn(['field_groups', 'identity-typo', ], document.createNode({ level: 'personal', fields: ['fullNames'] }));
      document.setIn(['rules', 0, 'roles'], document.createNode(['wizard']));
      document.setIn(['rules', 0, 'agencies'], document.createNode(['so-phep-thuat']));
      document.setIn(['rules', 0, 'purposes'], document.createNode(['curiosity']));
      document.setIn(['rules', 0, 'legal_basis'], 'because-i-can');
    });
    const failure = await run(tsx, [script], { env: childEnvironment({ POLICY_DIR: dir }) }).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    const { stderr } = failure as { stderr: string };
    const at = (text: string) => `policies/${file}:${lineOf(dir, file, text)}:`;
    expect(stderr).toContain(`${at('fullNames')} Type "Citizen" has no field "fullNames"`);
    expect(stderr).toContain(`${at('wizard')} Unknown role "wizard"`);
    expect(stderr).toContain(`${at('so-phep-thuat')} Unknown agency "so-phep-thuat"`);
    expect(stderr).toContain(`${at('curiosity')} Unknown purpose "curiosity"`);
    expect(stderr).toContain(`${at('because-i-can')} Unknown legal basis "because-i-can"`);
  });

  it('reports a restriction whose period is not an ISO period, and one citing an unknown legal basis', async () => {
    const dir = policyCopy();
    const file = 'land/citizen.policy.yaml';
    edit(dir, file, (document) => {
      document.setIn(['rules', 1, 'restricted'], document.createNode({ legal_basis: 'criminal-procedure-code-2015', notify_after: 'when-we-feel-like-it' }));
    });
    edit(dir, 'land/land-parcel.policy.yaml', (document) => {
      document.setIn(['rules', 0, 'restricted'], document.createNode({ legal_basis: 'secret-decree', notify_after: 'P180D' }));
    });
    const failure = (await run(tsx, [script], { env: childEnvironment({ POLICY_DIR: dir }) }).catch((error) => error)) as { code: number; stderr: string };
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(new RegExp(`policies/${file}:${lineOf(dir, file, 'when-we-feel-like-it')}: .*notify_after`));
    expect(failure.stderr).toMatch(/policies\/land\/land-parcel\.policy\.yaml:\d+: Unknown legal basis "secret-decree" for the restriction/);
  });

  it('refuses a rule requiring a connection without purposes, and a switched-off group without a date, with file and line', async () => {
    const dir = policyCopy();
    const file = 'population/citizen.policy.yaml';
    edit(dir, file, (document) => {
      document.setIn(['rules', 2, 'requires_connection'], true);
      document.deleteIn(['rules', 2, 'purposes']);
    });
    edit(dir, 'land/land-parcel.policy.yaml', (document) => {
      document.setIn(['field_groups', 'cadastre', 'disabled'], document.createNode({ notice: 'Under maintenance' }));
    });
    const failure = (await run(tsx, [script], { env: childEnvironment({ POLICY_DIR: dir }) }).catch((error) => error)) as { code: number; stderr: string };
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain(
      `policies/${file}:${lineOf(dir, file, 'requires_connection')}: Rule "justice-registers-civil-status" requires an approved connection, so it must name the agencies and the purposes the connection is for`,
    );
    const parcels = 'land/land-parcel.policy.yaml';
    expect(failure.stderr).toContain(`policies/${parcels}:${lineOf(dir, parcels, 'Under maintenance')}: "field_groups.cadastre.disabled" is missing "since"`);
  });

  it('reports malformed YAML, a missing field and an unknown type', async () => {
    const dir = policyCopy();
    writeFileSync(join(dir, 'land/broken.policy.yaml'), 'policy: land.broken\nabout: [unclosed\n');
    writeFileSync(
      join(dir, 'social/ghost.policy.yaml'),
      'policy: social.ghost\nabout: A type that does not exist\nowner: so-y-te\ntype: Ghost\nfield_groups:\n  all: {level: public, fields: [id]}\nrules: []\n',
    );
    edit(dir, 'population/citizen.policy.yaml', (document) => {
      const groups = document.getIn(['field_groups']) as { items: Array<{ value: { get(key: string): { items: Array<{ value: string }> } } }> };
      for (const group of groups.items) {
        const fields = group.value.get('fields');
        fields.items = fields.items.filter((item) => String((item as { value: string }).value ?? item) !== 'dateOfBirth');
      }
    });
    const failure = (await run(tsx, [script], { env: childEnvironment({ POLICY_DIR: dir }) }).catch((error) => error)) as { code: number; stderr: string };
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/policies\/land\/broken\.policy\.yaml:\d+: Not valid YAML/);
    expect(failure.stderr).toContain('policies/social/ghost.policy.yaml:4: The social schema has no type "Ghost"');
    expect(failure.stderr).toMatch(/policies\/population\/citizen\.policy\.yaml:\d+: Field "Citizen\.dateOfBirth" is in no field group/);
  });
});
