// Every service of the bench runs as a child process in its own process group, so that stopping the
// group also stops anything the service started: no orphan keeps a port or a database pool.
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
  await stopGroups([...groups], () => processes.size > 0, graceMs);
}

/** The same for some children only: their groups are gone, and their connections closed, when it resolves. */
export async function stopChildren(children: readonly Child[], graceMs = 3000): Promise<void> {
  await stopGroups(
    children.map((child) => child.pid),
    () => children.some((child) => !child.hasExited()),
    graceMs,
  );
}

async function stopGroups(pgids: readonly number[], running: () => boolean, graceMs: number): Promise<void> {
  for (const pgid of pgids) signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (running() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  for (const pgid of pgids) {
    signalGroup(pgid, 'SIGKILL');
    groups.delete(pgid);
  }
}

/** Synchronous, for process 'exit': the last chance, when nothing async can run any more. */
export function killAllChildrenNow(): void {
  for (const pgid of groups) signalGroup(pgid, 'SIGKILL');
  groups.clear();
}

/**
 * Where the bench's services listen: below the kernel's ephemeral range (32768–60999 on Linux), from which
 * the OS takes the local port of every outgoing connection. A port the OS picked there, found free, was
 * sometimes taken by one of the thirty services' own connections before its service bound it (a run
 * failed with EADDRINUSE); below the range only another listener can take it.
 */
export const LISTEN_PORTS = { from: 20_000, to: 32_000 } as const;

// Where this process looks next: a random start, so two runs at once rarely look at the same ports, then
// one port after another, so a port handed out is not handed out again before its service binds it.
let nextPort = LISTEN_PORTS.from + Math.floor(Math.random() * (LISTEN_PORTS.to - LISTEN_PORTS.from));

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port nobody listens on right now, below the ephemeral range (the service binds it a moment later). */
export async function freePort(): Promise<number> {
  for (let tried = 0; tried < LISTEN_PORTS.to - LISTEN_PORTS.from; tried += 1) {
    const port = nextPort;
    nextPort = port + 1 < LISTEN_PORTS.to ? port + 1 : LISTEN_PORTS.from;
    if (await canListen(port)) return port;
  }
  throw new Error(`No free port from ${LISTEN_PORTS.from} to ${LISTEN_PORTS.to}`);
}
