// The Node flags every service process runs with. `npm start` and the start:* scripts (package.json),
// the image (Dockerfile, as NODE_OPTIONS) and the bench's children all pass them;
// test/house/serviceNodeFlags.test.ts keeps those places in step with this list.
//
// --max-semi-space-size=64: V8's young generation holds 16 MB a semi-space by default, which a service
// under load fills many times a second. Each scavenge then copies the objects of every request still in
// flight, and after two of them moves those objects to the old generation, which a full collection
// must later sweep. At 64 MB most requests finish between two scavenges. In the one box at 10
// connections, garbage collection went from 18% to 14% of the process's CPU and throughput rose 9% over
// 16 alternating rounds; its resident memory after load was lower, not higher (docs/performance.md).
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
