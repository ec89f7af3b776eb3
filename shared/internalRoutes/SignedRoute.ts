// A service-to-service endpoint whose body authenticates itself: it carries a signature the route checks
// with the sender's public key (the platform's checkpoint witness), so no gateway token is involved.
// The route answers with its own status: a refusal is a body `{errors: [{message, extensions: {code}}]}`.
import type { Knex } from 'knex';

export interface SignedRoute {
  handle(body: unknown, knex: Knex): Promise<{ status: number; body: unknown }>;
}
