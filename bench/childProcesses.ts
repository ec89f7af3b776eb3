// Every service of the bench runs as a child process in its own process group, so that stopping the
// group also stops the node process tsx starts under it: no orphan keeps a port or a database pool.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const OUTPUT_LINES_KEPT = 40;

export interface Child {
  name: string;
  pid: number;
  /** Resolves when the process exits, with a description of how. */
  exited: Promise<string>;
  hasExited(): boolean;
  /** The last lines it wrote (stdout and stderr), to explain a failure. */
  recentOutput(): string;
}

/** Process-group ids of every child started, kept until the end: a group can outlive its leader. */
const groups = new Set<number>();
const processes = new Set<ChildProcess>();

export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  // detached: a new process group, and Ctrl-C in the terminal reaches only the bench, which stops the groups itself.
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`Could not start ${name} (${command})`);
  const pid = child.pid;
  groups.add(pid);
  processes.add(child);

  const lines: string[] = [];
  let partial = '';
  const keep = (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    if (lines.length > OUTPUT_LINES_KEPT) lines.splice(0, lines.length - OUTPUT_LINES_KEPT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let done = false;
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => {
      done = true;
      processes.delete(child);
      resolve(`failed to start: ${error.message}`);
    });
    child.once('exit', (code, signal) => {
      done = true;
      processes.delete(child);
      resolve(signal ? `killed by ${signal}` : `exited with code ${code}`);
    });
  });
  return {
    name,
    pid,
    exited,
    hasExited: () => done,
    recentOutput: () => [...lines, partial].filter((line) => line.trim() !== '').join('\n'),
  };
}

function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in that group.
  }
}

/** SIGTERM to every group (services close their servers and pools), SIGKILL to what is left after the grace period. */
export async function stopAllChildren(graceMs = 3000): Promise<void> {
  for (const pgid of groups) signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (processes.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  killAllChildrenNow();
}

/** Synchronous, for process 'exit': the last chance, when nothing async can run any more. */
export function killAllChildrenNow(): void {
  for (const pgid of groups) signalGroup(pgid, 'SIGKILL');
  groups.clear();
}

/** A port nobody listens on right now (the OS picks it; the service binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
