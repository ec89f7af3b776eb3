// What of an error a caller is shown: a refusal or a mistake of theirs, said plainly; anything else,
// only that it went wrong and the request id to quote (DEBUG_ERRORS is not set in tests).
import { GraphQLError, locatedError, parse, validate, buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { badUserInput } from './clientErrors.ts';
import { forbidden } from './forbidden.ts';
import { maskError } from './maskError.ts';

const context = { service: 'population', requestId: 'request-7' };

/** How graphql-js hands over what a resolver threw at `path`. */
const thrownAt = (error: unknown, path: Array<string | number>) => locatedError(error, undefined, path);

describe('an error on its way to the caller', () => {
  it('tells a justice officer refused a field why, under which policy and rule, at its path', () => {
    const refusal = forbidden('Citizen.religion', { reason: 'AGENCY_NOT_ALLOWED', policy: 'population.citizen', rule: 'justice-registers-civil-status' }, 'request-7');
    expect(maskError(thrownAt(refusal, ['citizen', 'religion']), context)).toEqual({
      message: "Not allowed to read Citizen.religion: the caller's agency is not among those the policy allows",
      path: ['citizen', 'religion'],
      extensions: { code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED', policy: 'population.citizen', rule: 'justice-registers-civil-status', requestId: 'request-7' },
    });
  });

  it('tells a citizen which input was wrong, with the field it names', () => {
    expect(maskError(thrownAt(badUserInput('"validUntil" must be an ISO date or date-time', 'validUntil'), ['grantConsent']), context)).toEqual({
      message: '"validUntil" must be an ISO date or date-time',
      path: ['grantConsent'],
      extensions: { code: 'BAD_USER_INPUT', field: 'validUntil' },
    });
  });

  it('tells a caller whose token failed that they must sign in, without the HTTP status it carries inside', () => {
    const signIn = new GraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    expect(maskError(signIn, context)).toEqual({ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('never passes on the http extension of any client error', () => {
    const withStatus = new GraphQLError('"first" must be a whole number from 1 to 200', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400, headers: { 'x-a': 'b' } } } });
    expect(maskError(withStatus, context)).toEqual({ message: '"first" must be a whole number from 1 to 200', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('tells a developer mistyping a field that it does not exist, without suggesting a hidden one', () => {
    const schema = buildSchema('type Query { citizen: Citizen } type Citizen { fullName: String securityNotes: String }');
    const [error] = validate(schema, parse('{ citizen { securityNote } }'));
    expect(error.message).toContain('Did you mean');
    expect(maskError(error, context)).toEqual({
      message: 'Cannot query field "securityNote" on type "Citizen".',
      locations: [{ line: 1, column: 13 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('strips a suggestion from a client error with a code too', () => {
    const suggesting = new GraphQLError('Unknown purpose "statistic". Did you mean "statistics"?', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(maskError(suggesting, context)).toEqual({ message: 'Unknown purpose "statistic".', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('tells a caller only "Internal error" and the request id when a resolver fails unexpectedly', () => {
    const failure = new Error('select * from citizen where id = $1 - connection refused 10.0.0.5:5432');
    expect(maskError(thrownAt(failure, ['citizen', 'fullName']), context)).toEqual({
      message: 'Internal error',
      path: ['citizen', 'fullName'],
      extensions: { code: 'INTERNAL', requestId: 'request-7' },
    });
  });

  it('hides an unexpected error raised outside any field the same way, without a path', () => {
    const failure = new GraphQLError('pool exhausted', { originalError: new TypeError('Cannot read properties of undefined') });
    expect(maskError(failure, context)).toEqual({ message: 'Internal error', extensions: { code: 'INTERNAL', requestId: 'request-7' } });
  });

  it('hides an error with a code no client is meant to see, wrapping a failure that is not a GraphQL error', () => {
    const failure = new GraphQLError('upstream said 500 at http://10.0.0.5/graphql', { extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' }, originalError: new Error('socket hang up') });
    expect(maskError(failure, context)).toEqual({ message: 'Internal error', extensions: { code: 'INTERNAL', requestId: 'request-7' } });
  });

  it('hides an error with a code no client is meant to see, even with no failure behind it', () => {
    const failure = new GraphQLError('knex: Timeout acquiring a connection', { extensions: { code: 'KNEX_TIMEOUT' } });
    expect(maskError(failure, context)).toEqual({ message: 'Internal error', extensions: { code: 'INTERNAL', requestId: 'request-7' } });
  });

  it('hides a plain error that claims a client code: only errors raised as GraphQL errors keep theirs', () => {
    const claiming = Object.assign(new Error('duplicate key value violates unique constraint "consent_pkey"'), { extensions: { code: 'BAD_USER_INPUT' } });
    expect(maskError(thrownAt(claiming, ['grantConsent']), context)).toEqual({
      message: 'Internal error',
      path: ['grantConsent'],
      extensions: { code: 'INTERNAL', requestId: 'request-7' },
    });
  });

  it('never shows the stack of an unexpected error', () => {
    const masked = maskError(thrownAt(new Error('boom'), ['citizen']), context);
    expect(JSON.stringify(masked)).not.toMatch(/stack|boom|\.ts/);
  });
});
