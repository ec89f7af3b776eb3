// What Apollo Server hands the gateway for each request (its makeGatewayGraphQLRequestContext, patched by
// patches/@apollo+server+5.5.1.patch): the response's status read and set through accessors of a class,
// shared by every request, not through a getter and setter made per request. A per-request pair lives in
// V8's old generation and kept each whole request, its answer included, alive until a full collection
// (patches/README.md). The gateway still reads and sets the status of the very request it serves.
import { describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import { ApolloServer } from '@apollo/server';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';

const schema = buildSchema('type Query { answer: String }');

/** The response head Apollo Server hands the gateway (always there for an operation it executes). */
function headOf(request: GatewayGraphQLRequestContext) {
  const head = request.response?.http;
  if (!head) throw new Error('Apollo Server handed the gateway no response head');
  return head;
}

/** A server whose gateway answers every request itself, keeping what Apollo Server handed it. */
async function serverKeepingRequests(executor: (request: GatewayGraphQLRequestContext) => void) {
  const gateway: GatewayInterface = {
    async load() {
      const execute: GatewayExecutor = async (request) => {
        executor(request);
        return { data: { answer: 'yes' } };
      };
      return { executor: execute };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: 'type Query { answer: String }' });
      return () => {};
    },
    async stop() {},
  };
  const server = new ApolloServer({ gateway });
  await server.start();
  return server;
}

describe('the request Apollo Server hands the gateway', () => {
  it('reads and sets its status through accessors shared by every request, none made for one request', async () => {
    const seen: GatewayGraphQLRequestContext[] = [];
    const server = await serverKeepingRequests((request) => seen.push(request));
    try {
      await server.executeOperation({ query: '{ answer }' });
      await server.executeOperation({ query: '{ answer }' });
    } finally {
      await server.stop();
    }
    const [first, second] = seen.map(headOf);
    expect(Object.getOwnPropertyDescriptor(first, 'status')).toBeUndefined();
    const status = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(first), 'status');
    expect(status?.get).toBeTypeOf('function');
    expect(status?.set).toBeTypeOf('function');
    expect(Object.getPrototypeOf(second)).toBe(Object.getPrototypeOf(first));
  });

  it('sets the status and headers of the answer to that very request', async () => {
    const server = await serverKeepingRequests((request) => {
      const head = headOf(request);
      expect(head.status).toBeUndefined();
      head.status = 207;
      head.headers.set('x-answered-by', 'gateway');
      expect(head.status).toBe(207);
    });
    try {
      const response = await server.executeOperation({ query: '{ answer }' });
      expect(response.http.status).toBe(207);
      expect(response.http.headers.get('x-answered-by')).toBe('gateway');
      expect(response.body).toEqual({ kind: 'single', singleResult: { data: { answer: 'yes' } } });
    } finally {
      await server.stop();
    }
  });
});
