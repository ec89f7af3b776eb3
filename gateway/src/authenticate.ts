// Step 1 of every request: who is calling. A bad token is refused here, before any GraphQL work; no
// token at all makes an anonymous caller, who may only explore the schema (see useAnonymousGuard).
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { anonymousPrincipal, type Identity, type Principal } from '../../shared/auth/Principal.ts';
import { InvalidTokenError } from '../../shared/auth/userToken.ts';
import { errorBody } from '../../shared/errors/clientErrors.ts';
import { CASE_ID_PATTERN, CASE_ID_RULE, CODE_PATTERN } from '../../shared/validation/inputs.ts';


declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export function authenticate(verify: (token: string) => Identity) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    const refuse = (status: number, message: string, code: string) => {
      res.status(status).type('application/json').send(errorBody(message, code));
    };

    const purposeHeader = req.get('x-purpose');
    if (purposeHeader !== undefined && (purposeHeader.length > 64 || !CODE_PATTERN.test(purposeHeader))) {
      return refuse(400, 'X-Purpose must be a purpose code from the platform purpose list, e.g. "civil-status-procedure"', 'BAD_USER_INPUT');
    }
    const caseHeader = req.get('x-case-id');
    if (caseHeader !== undefined && !CASE_ID_PATTERN.test(caseHeader)) {
      return refuse(400, `X-Case-Id must be ${CASE_ID_RULE}`, 'BAD_USER_INPUT');
    }

    const authorization = req.get('authorization');
    if (authorization === undefined) {
      req.principal = anonymousPrincipal(requestId);
      return next();
    }
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization);
    if (!match) {
      res.setHeader('www-authenticate', 'Bearer');
      return refuse(401, 'The Authorization header must be "Bearer <token>"', 'UNAUTHENTICATED');
    }
    let caller: Identity;
    try {
      caller = verify(match[1]);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
      return refuse(401, error.message, 'UNAUTHENTICATED');
    }
    req.principal = { ...caller, purpose: purposeHeader ?? null, caseId: caseHeader ?? null, requestId };
    next();
  };
}
