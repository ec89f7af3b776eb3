// Reads, checks and compiles one subgraph's policies; the version is a hash of what was read, so the
// same files give the same version everywhere.
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import { CATALOGUE_CODES } from '../catalogue/platformCatalogue.ts';
import { config } from '../config/config.ts';
import { compilePolicies, type CompiledPolicies } from './compilePolicies.ts';
import type { Catalogue, PolicyProblem, PolicyProblemText } from './PolicyDocument.ts';
import { readPolicyFiles } from './readPolicyFiles.ts';

export const DEFAULT_POLICY_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../policies');

export function policyDir(): string {
  return config.policyDir ?? DEFAULT_POLICY_DIR;
}

export const PLATFORM_CATALOGUE: Catalogue = { ...CATALOGUE_CODES, agencyGroups: {} };

/** A problem of a subgraph's policies: at its file and line, unless it is one of the schema (a state secret). */
export type CheckedProblem = PolicyProblemText & { file?: string; line?: number };

export interface LoadedPolicies {
  compiled: CompiledPolicies | null;
  problems: PolicyProblem[];
  version: string;
}

export function loadSubgraphPolicies(subgraph: string, schema: GraphQLSchema, dir = policyDir()): LoadedPolicies {
  const set = readPolicyFiles(dir, subgraph);
  const { compiled, problems } = compilePolicies(set, schema, PLATFORM_CATALOGUE, subgraph);
  const hash = createHash('sha256');
  for (const file of set.files) hash.update(file.file).update(JSON.stringify(file.document));
  hash.update(JSON.stringify(set.agencyGroups));
  return { compiled, problems, version: hash.digest('hex').slice(0, 12) };
}

/** A problem as policy:check, the logs and a refused proposal say it: "file:line: message", or the message alone. */
export function problemLine(problem: CheckedProblem): string {
  return problem.file ? `${problem.file}:${problem.line}: ${problem.message}` : problem.message;
}

export function formatProblems(problems: PolicyProblem[]): string {
  return problems.map(problemLine).join('\n');
}
