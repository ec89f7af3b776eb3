// Every way the project starts a service passes the same Node flags (shared/lifecycle/serviceNodeFlags.ts)
// and runs Node itself with tsx's loader: the npm scripts an operator runs by hand, and the image
// docker-compose runs. The bench passes the list itself. A flag added to the list and forgotten in one of
// these would measure one shape and ship another; the tsx command in front of Node kills a service that
// is slow to acknowledge a stop signal.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVICE_NODE_ARGUMENTS, SERVICE_NODE_FLAGS } from '../../shared/lifecycle/serviceNodeFlags.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');
const flags = SERVICE_NODE_FLAGS.join(' ');

describe('the Node flags of a service process', () => {
  it('are passed by npm start and the scripts that start one gateway or one subgraph, to Node itself', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const command = ['node', ...SERVICE_NODE_ARGUMENTS].join(' ');
    for (const name of ['start', 'start:gateway', 'start:subgraph']) expect(scripts[name], name).toMatch(new RegExp(`^${command} \\S+\\.ts$`));
  });

  it('go to Node itself in each container, under an init that passes it the stop signal, never to the tsx command', () => {
    const commands = [...read('Dockerfile').matchAll(/^CMD (.+)$/gm), ...read('docker-compose.yml').matchAll(/^\s+command: (\["node.+)$/gm)].map((match) => JSON.parse(match[1]) as string[]);
    // The image's npm start, the six subgraphs and the gateway.
    expect(commands).toHaveLength(8);
    for (const command of commands) expect(command.slice(0, 3)).toEqual(['node', '--import', 'tsx']);
    expect(read('Dockerfile') + read('docker-compose.yml')).not.toContain('.bin/tsx');
    // Node as the first process would ignore a stop before its handler is set: the six subgraphs (x-subgraph) and the gateway run under an init.
    expect(read('docker-compose.yml').match(/^\s+init: true\b/gm)).toHaveLength(2);
    expect(read('docker-compose.yml').match(/^\s+<<: \*subgraph$/gm)).toHaveLength(6);
  });

  it('are the image\'s NODE_OPTIONS, which no service of docker-compose replaces', () => {
    expect(read('Dockerfile')).toMatch(new RegExp(`^ENV NODE_OPTIONS=${flags}$`, 'm'));
    expect(read('docker-compose.yml')).not.toMatch(/NODE_OPTIONS/);
  });
});
