// The first step of every request at the gateway: the headers a caller sends decide whether they go
// on (and as whom), or are answered at once with a status and a plain message.
import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/Principal.ts';
import type { Identity } from '../../shared/auth/Principal.ts';
import { InvalidTokenError } from '../../shared/auth/userToken.ts';
import { authenticate } from './authenticate.ts';

const police: Identity = { subject: 'ca-0042', agency: 'cong-an-tinh', roles: ['officer'] };
const GOOD_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYS0wMDQyIn0.c2lnbmF0dXJl';

/** A verifier that knows one good token; anything else is a bad token. */
function verifier(seen: string[] = []) {
  return (token: string): Identity => {
    seen.push(token);
    if (token === GOOD_TOKEN) return police;
    throw new InvalidTokenError('The token is invalid, expired or not signed by a trusted key');
  };
}

interface Outcome {
  /** The caller went on to GraphQL as this principal; absent when answered at once. */
  wentOnAs?: Principal;
  status?: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Runs the middleware on a request with these headers, as express would. */
function arrive(headers: Record<string, string>, verify = verifier()): Outcome {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const req = { get: (name: string) => lower[name.toLowerCase()] } as unknown as Request;
  const outcome: Outcome = { headers: {} };
  const res = {
    setHeader(name: string, value: string) {
      outcome.headers[name.toLowerCase()] = value;
      return this;
    },
    status(code: number) {
      outcome.status = code;
      return this;
    },
    type(type: string) {
      outcome.headers['content-type'] = type;
      return this;
    },
    send(body: string) {
      outcome.body = JSON.parse(body);
      return this;
    },
  } as unknown as Response;
  const next: NextFunction = () => {
    outcome.wentOnAs = req.principal;
  };
  authenticate(verify)(req, res, next);
  return outcome;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Answered at once: this status and this one error, as JSON, still with a request id to quote. */
const refusal = (status: number, code: string, message: string, headers: Record<string, string> = {}) => ({
  status,
  body: { errors: [{ message, extensions: { code } }] },
  headers: { 'x-request-id': expect.stringMatching(UUID), 'content-type': 'application/json', ...headers },
});

describe('a request arriving at the gateway', () => {
  it('goes on as an anonymous caller when it has no Authorization header, with a request id', () => {
    const outcome = arrive({});
    expect(outcome).toEqual({
      wentOnAs: { subject: null, agency: null, roles: [], purpose: null, caseId: null, requestId: expect.stringMatching(UUID) },
      headers: { 'x-request-id': outcome.wentOnAs?.requestId },
    });
  });

  it('goes on as the police officer the token names, with the purpose and case id declared', () => {
    const outcome = arrive({ Authorization: `Bearer ${GOOD_TOKEN}`, 'X-Purpose': 'criminal-investigation', 'X-Case-Id': 'HS-2026/0042' });
    expect(outcome).toEqual({
      wentOnAs: { subject: 'ca-0042', agency: 'cong-an-tinh', roles: ['officer'], purpose: 'criminal-investigation', caseId: 'HS-2026/0042', requestId: expect.stringMatching(UUID) },
      headers: { 'x-request-id': outcome.wentOnAs?.requestId },
    });
  });

  it('gives every request its own id', () => {
    expect(arrive({}).headers['x-request-id']).not.toBe(arrive({}).headers['x-request-id']);
  });

  it('goes on without a purpose or case id when the officer declares none', () => {
    expect(arrive({ Authorization: `Bearer ${GOOD_TOKEN}` }).wentOnAs).toMatchObject({ purpose: null, caseId: null });
  });

  it('refuses with 401 an officer whose token is not valid, saying why and how to authenticate', () => {
    expect(arrive({ Authorization: 'Bearer eyJ.forged.token' })).toEqual(
      refusal(401, 'UNAUTHENTICATED', 'The token is invalid, expired or not signed by a trusted key', { 'www-authenticate': 'Bearer error="invalid_token"' }),
    );
  });

  for (const authorization of ['Basic Y2EtMDA0MjpzZWNyZXQ=', 'Bearer', 'Bearer ', `bearer ${GOOD_TOKEN}`, `Bearer ${GOOD_TOKEN} extra`, `Bearer <${GOOD_TOKEN}>`]) {
    it(`refuses with 401 a caller sending "Authorization: ${authorization.slice(0, 24)}", without asking the verifier`, () => {
      const seen: string[] = [];
      expect(arrive({ Authorization: authorization }, verifier(seen))).toEqual(
        refusal(401, 'UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"', { 'www-authenticate': 'Bearer' }),
      );
      expect(seen).toEqual([]);
    });
  }

  it('goes on with a purpose of 64 characters', () => {
    const purpose = `a${'-b'.repeat(31)}c`;
    expect(purpose).toHaveLength(64);
    expect(arrive({ Authorization: `Bearer ${GOOD_TOKEN}`, 'X-Purpose': purpose }).wentOnAs?.purpose).toBe(purpose);
  });

  it('refuses with 400 a purpose of 65 characters', () => {
    const purpose = `a${'-b'.repeat(31)}cd`;
    expect(arrive({ Authorization: `Bearer ${GOOD_TOKEN}`, 'X-Purpose': purpose })).toEqual(
      refusal(400, 'BAD_USER_INPUT', 'X-Purpose must be a purpose code from the platform purpose list, e.g. "civil-status-procedure"'),
    );
  });

  for (const purpose of ['DROP TABLE citizen', 'Criminal-Investigation', 'criminal_investigation', '-statistics', '']) {
    it(`refuses with 400 an officer declaring the purpose "${purpose}", before looking at the token`, () => {
      const seen: string[] = [];
      expect(arrive({ Authorization: `Bearer ${GOOD_TOKEN}`, 'X-Purpose': purpose }, verifier(seen))).toEqual(
        refusal(400, 'BAD_USER_INPUT', 'X-Purpose must be a purpose code from the platform purpose list, e.g. "civil-status-procedure"'),
      );
      expect(seen).toEqual([]);
    });
  }

  it('refuses with 400 an anonymous caller declaring a malformed purpose too', () => {
    expect(arrive({ 'X-Purpose': 'DROP TABLE citizen' })).toEqual(
      refusal(400, 'BAD_USER_INPUT', 'X-Purpose must be a purpose code from the platform purpose list, e.g. "civil-status-procedure"'),
    );
  });

  for (const caseId of ['HS-2026/0042', 'DKKD-2026/004217', 'Hồ sơ 12:3.a_b', 'x'.repeat(100)]) {
    it(`goes on with the case id "${caseId.slice(0, 24)}"`, () => {
      expect(arrive({ Authorization: `Bearer ${GOOD_TOKEN}`, 'X-Case-Id': caseId }).wentOnAs?.caseId).toBe(caseId);
    });
  }

  for (const caseId of ['<script>', 'HS-2026/0042; DROP TABLE', 'x'.repeat(101), '', 'a\tb']) {
    it(`refuses with 400 an officer naming the case "${caseId.slice(0, 24)}"`, () => {
      expect(arrive({ Authorization: `Bearer ${GOOD_TOKEN}`, 'X-Case-Id': caseId })).toEqual(
        refusal(400, 'BAD_USER_INPUT', 'X-Case-Id must be a dossier number of at most 100 letters, digits and . _ / : -'),
      );
    });
  }

  it('does not pass off a verifier that breaks as a bad token: the error goes on to the server', () => {
    const broken = () => {
      throw new Error('key store unreachable');
    };
    expect(() => arrive({ Authorization: `Bearer ${GOOD_TOKEN}` }, broken)).toThrow('key store unreachable');
  });
});
