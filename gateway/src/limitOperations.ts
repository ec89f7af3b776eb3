// Step 3 of every request: operation limits (shared/limits), checked before Apollo does any work with
// the operation. Apollo plans in its executor, after validation; but graphql-js's own validation already
// grows with the document (5,000 aliases: ~200 ms on the gateway's one thread), so the check comes
// first, here, between authentication and Apollo. What the text alone decides is remembered per text;
// the cost per document, unless its list sizes come from variables; per request, the caller's budget.
import type { NextFunction, Request, Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { createCostCheck } from '../../shared/limits/checkOperation.ts';
import type { OperationLimits } from '../../shared/limits/operationLimits.ts';
import { measureText, type Parsed } from '../../shared/limits/staticLimits.ts';
import { config } from '../../shared/config/config.ts';
import { errorBody } from '../../shared/errors/clientErrors.ts';
import { logError } from '../../shared/logging/log.ts';

const MAX_REMEMBERED_TEXTS = 1000;
/** Longer texts are measured each time (the token limit bounds that work), so the memory stays small. */
const MAX_REMEMBERED_LENGTH = 20_000;

/** `schema()`: the gateway's public schema, once Apollo has loaded the supergraph. */
export function limitOperations(schema: () => GraphQLSchema | undefined, limits: OperationLimits | null) {
  if (!limits) {
    if (config.isProduction) throw new Error('Operation limits cannot be turned off in production');
    logError('OPERATION LIMITS ARE OFF: the gateway plans any operation (benchmark only)', {});
    return (_req: Request, _res: Response, next: NextFunction): void => next();
  }
  const measured = new Map<string, Parsed>();
  let costCheck: { schema: GraphQLSchema; check: ReturnType<typeof createCostCheck> } | undefined;

  const measure = (current: GraphQLSchema, text: string): Parsed => {
    const known = measured.get(text);
    if (known) {
      // Least recently used goes first.
      measured.delete(text);
      measured.set(text, known);
      return known;
    }
    const result = measureText(current, text, limits);
    if (text.length > MAX_REMEMBERED_LENGTH) return result;
    if (measured.size >= MAX_REMEMBERED_TEXTS) measured.delete(measured.keys().next().value as string);
    measured.set(text, result);
    return result;
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    const current = schema();
    const { text, variables } = operationOf(req);
    if (!current || text === undefined) return next();
    if (costCheck?.schema !== current) {
      // A new schema (the supergraph is static today): measure again.
      costCheck = { schema: current, check: createCostCheck(current) };
      measured.clear();
    }
    const result = measure(current, text);
    if ('syntaxError' in result) return next(); // Apollo says what is wrong with a text that is not GraphQL
    const refusal = 'refusal' in result ? result.refusal : costCheck.check(result.document, req.principal!.roles, limits, variables);
    if (!refusal) return next();
    res.status(400).type('application/json').send(errorBody(refusal.message, String(refusal.extensions.code)));
  };
}

/** The query text and variables of a POST body or a GET query string; Apollo refuses anything else. */
function operationOf(req: Request): { text?: string; variables?: Record<string, unknown> } {
  const source: unknown = req.method === 'GET' ? req.query : req.body;
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return {};
  const { query, variables } = source as { query?: unknown; variables?: unknown };
  if (typeof query !== 'string') return {};
  let given = variables;
  if (typeof given === 'string') {
    try {
      given = JSON.parse(given);
    } catch {
      given = undefined;
    }
  }
  return { text: query, variables: typeof given === 'object' && given !== null && !Array.isArray(given) ? (given as Record<string, unknown>) : undefined };
}
