// A service-to-service endpoint of a subgraph (the platform's consent lookup, an agency's disclosure
// log, the population register's guardianship answer): POST JSON, answered only to a caller holding a
// token the gateway minted for that route's audience.
import type { Knex } from 'knex';
import type { Principal } from '../auth/Principal.ts';

/**
 * The request a caller acts for, sent beside the token: a route answers only when it is the request
 * the token was minted for, so a service cannot present, even by mistake, a token of another request.
 */
export const ACTING_FOR_HEADER = 'x-request-id';

/** The subgraph's disclosure-log writer, for a route whose answer is itself a disclosure (null: the log is off). */
export interface AppendOnlyLog {
  write(record: unknown): Promise<void>;
}

export interface InternalRoute {
  /** The internal-token audience this route accepts. */
  audience: string;
  handle(principal: Principal, body: unknown, knex: Knex, log?: AppendOnlyLog | null): Promise<unknown>;
}
