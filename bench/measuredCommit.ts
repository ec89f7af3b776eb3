// The commit a run measured, so results can be compared over time, and whether the work tree held
// uncommitted changes (then the figures belong to no commit exactly).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface MeasuredCommit {
  sha: string;
  short: string;
  /** Uncommitted changes outside bench/results/ (the results a run writes do not count). */
  dirty: boolean;
}

const benchDirectory = fileURLToPath(new URL('.', import.meta.url));

function git(args: string[]): string {
  return execFileSync('git', ['-C', benchDirectory, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

export function measuredCommit(): MeasuredCommit {
  try {
    const sha = git(['rev-parse', 'HEAD']);
    const status = git(['status', '--porcelain', '--', ':/', ':(exclude,top)bench/results']);
    return { sha, short: sha.slice(0, 7), dirty: status !== '' };
  } catch {
    return { sha: 'unknown', short: 'unknown', dirty: true }; // Not a git checkout (an exported tree).
  }
}
