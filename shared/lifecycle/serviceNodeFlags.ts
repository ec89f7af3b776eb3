// The Node flags every service process runs with, and how it runs its TypeScript. `npm start` and the
// start:* scripts (package.json), the image (Dockerfile, as NODE_OPTIONS) and the bench's children all pass them;
// test/house/serviceNodeFlags.test.ts keeps those places in step with this list.
//
// --max-semi-space-size=64: V8's young generation holds 16 MB a semi-space by default, which a service
// under load fills many times a second. Each scavenge then copies the objects of every request still in
// flight, and after two of them moves those objects to the old generation, which a full collection
// must later sweep. At 64 MB most requests finish between two scavenges. In the one box at 10
// connections, over 24 alternating rounds, its CPU a request fell 9% and its throughput rose 11%; the
// collector's share of its profile went from 18% to 14%, and its resident memory after load was lower,
// not higher. The split stack's processes did not change (docs/performance.md).
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/**
 * How a service's TypeScript runs: Node itself with tsx's loader (`node --import tsx <flags> <script>`),
 * not the tsx command. The tsx command is a second process in front of Node: it passes a stop signal on
 * and waits 30 ms for Node to acknowledge it, then 30 ms more, then kills Node (SIGKILL). Node answers
 * only when its event loop is free, which it is not while a service starts or seeds: a Ctrl-C or a
 * container stop then killed the service half way, an embedded database half written. With Node as the
 * process the signal reaches closeOnSignal, which lets the start end and closes what it started.
 */
export const SERVICE_NODE_ARGUMENTS: readonly string[] = ['--import', 'tsx', ...SERVICE_NODE_FLAGS];
