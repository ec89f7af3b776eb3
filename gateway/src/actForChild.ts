// Step 3c, after the declared purpose and before the body is read: a parent acting for a minor child
// (`X-Child-Id: <the child's personal id>`, Law 91/2025: a parent is a minor's representative). The
// population register, asked with a guardianship token minted for the caller, says which minors the
// caller is a parent of; only then does the request go on as the child's, with the parent as its
// guardian, so every register answers the parent what it would answer the child (own record, consents,
// requests, who used my data) and logs the parent beside the child. A caller who is not a citizen, a
// child not theirs or not a minor, or a register that cannot answer: refused, nothing asked.
import type { NextFunction, Request, Response } from 'express';
import { hasRole, type Principal } from '../../shared/auth/Principal.ts';
import { CHILDREN_PATH, GUARDIANSHIP_AUDIENCE } from '../../shared/auth/relayTokens.ts';
import { errorBody } from '../../shared/errors/clientErrors.ts';
import { callInternalRoute } from '../../shared/internalRoutes/callInternalRoute.ts';
import { logError } from '../../shared/logging/log.ts';
import { PERSONAL_ID_PATTERN } from '../../shared/validation/inputs.ts';
import type { SignInternalToken } from './subgraphCallHeaders.ts';

export const CHILD_ID_HEADER = 'x-child-id';

export function actForChild(populationUrl: () => string | undefined, sign: SignInternalToken) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const child = req.get(CHILD_ID_HEADER);
    if (child === undefined) return next();
    const refuse = (status: number, message: string, code: string) => {
      res.status(status).type('application/json').send(errorBody(message, code));
    };
    const parent: Principal = req.principal!;
    if (!PERSONAL_ID_PATTERN.test(child)) return refuse(400, 'X-Child-Id must be the 12-digit personal identification number of a minor child', 'BAD_USER_INPUT');
    if (!hasRole(parent, 'citizen') || !parent.subject) return refuse(403, 'Only a citizen acts for their minor child (X-Child-Id)', 'NOT_A_PARENT');
    if (child === parent.subject) return next();
    let children: string[];
    try {
      const url = populationUrl();
      if (!url) throw new Error('no population register');
      ({ children } = await callInternalRoute<{ children: string[] }>(url, CHILDREN_PATH, sign(GUARDIANSHIP_AUDIENCE, parent), parent.requestId, {}));
    } catch (error) {
      logError('guardianship lookup failed', { requestId: parent.requestId, error });
      res.setHeader('retry-after', '5');
      return refuse(503, 'Whether you may act for this person cannot be checked now: nothing was asked. Try again later', 'GUARDIANSHIP_UNAVAILABLE');
    }
    // The same answer whether the person does not exist, is of age, or is someone else's child.
    if (!children.includes(child)) return refuse(403, 'The population register does not record you as a parent of a minor with this personal id', 'NOT_A_PARENT');
    req.principal = { ...parent, subject: child, guardian: parent.subject };
    next();
  };
}
