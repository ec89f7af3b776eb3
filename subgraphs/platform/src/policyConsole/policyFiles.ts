// The policy files in force, as a set: read from and written to the policy folder every subgraph
// watches. A path is checked before it touches the disk, so a proposal cannot escape the folder.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SUBGRAPH_SERVICES } from '../../../../shared/config/services.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';

export type PolicyFileSet = Record<string, string>;

const POLICY_PATH = /^(?:agency-groups\.yaml|([a-z-]+)\/[a-z0-9-]+\.policy(?:_test)?\.yaml)$/;

export function checkPolicyPath(path: string): string {
  const match = POLICY_PATH.exec(path);
  if (!match || (match[1] !== undefined && !SUBGRAPH_SERVICES.some((service) => service.name === match[1]))) {
    throw badUserInput(`"${path}" is not a policy file path: use "<subgraph>/<type>.policy.yaml", "<subgraph>/<type>.policy_test.yaml" or "agency-groups.yaml"`, 'files');
  }
  return path;
}

export function readPolicyFileSet(dir: string): PolicyFileSet {
  const files: PolicyFileSet = {};
  const visit = (relative: string) => {
    for (const name of readdirSync(join(dir, relative)).sort()) {
      const path = relative ? `${relative}/${name}` : name;
      if (statSync(join(dir, path)).isDirectory()) visit(path);
      else if (POLICY_PATH.test(path)) files[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  visit('');
  return files;
}

export function hashPolicyFileSet(files: PolicyFileSet): string {
  const hash = createHash('sha256');
  for (const path of Object.keys(files).sort()) hash.update(path).update('\0').update(files[path]).update('\0');
  return hash.digest('hex');
}

/** A scratch copy of the folder with the set written in, to validate before anything is in force. */
export function stagePolicyFileSet(dir: string, files: PolicyFileSet): string {
  const staged = join(mkdtempSync(join(tmpdir(), 'policy-proposal-')), 'policies');
  cpSync(dir, staged, { recursive: true });
  writePolicyFileSet(staged, files);
  return staged;
}

export function removeStaged(staged: string): void {
  rmSync(dirname(staged), { recursive: true, force: true });
}

/** Makes the folder hold exactly `files`: each write is a rename, so a watcher never reads half a file. */
export function writePolicyFileSet(dir: string, files: PolicyFileSet): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, checkPolicyPath(path));
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  }
  for (const path of Object.keys(readPolicyFileSet(dir))) {
    if (!(path in files) && existsSync(join(dir, path))) unlinkSync(join(dir, path));
  }
}
