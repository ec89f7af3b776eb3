// On the way back: what of an error reaches the gateway. Client errors keep their code; anything else,
// a thrown exception included, becomes INTERNAL with the request id (shared/errors/maskError.ts).
import { GraphQLError } from 'graphql';
import type { Principal } from '../../auth/Principal.ts';
import { maskError } from '../../errors/maskError.ts';
import { logError } from '../../logging/log.ts';
import type { Answer, Stage } from './Stage.ts';

export function maskUnexpectedErrors(service: string): Stage<{ principal: Principal }> {
  return async (call, next) => {
    const context = { service, requestId: call.principal.requestId };
    let answer: Answer;
    try {
      answer = await next({});
    } catch (error) {
      logError('request failed', { ...context, error });
      return { status: 500, body: { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL', requestId: context.requestId } }] } };
    }
    const { errors } = answer.body;
    if (!errors?.length) return answer;
    return { status: answer.status, body: { ...answer.body, errors: errors.map((error) => (error instanceof GraphQLError ? maskError(error, context) : error)) } };
  };
}
