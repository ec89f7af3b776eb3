// Step 3b of every request, after authentication and the rate limit: the declared purpose (X-Purpose) must be one
// the caller may declare, by the platform's purpose list, and the case id (X-Case-Id) must have that
// purpose's format. Refused before the body is read, so no subgraph is ever called for it. A Map lookup:
// the list is loaded in the background (purposeListFromPlatform.ts).
import type { NextFunction, Request, Response } from 'express';
import { isAnonymous } from '../../shared/auth/Principal.ts';
import { refuseDeclaration, type PurposeList } from '../../shared/catalogue/purposeDeclarations.ts';
import { errorBody } from '../../shared/errors/clientErrors.ts';

export function checkDeclaredPurpose(purposeList: () => PurposeList | null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const principal = req.principal!;
    // Anonymous callers only introspect (useAnonymousGuard says so more clearly).
    if (principal.purpose === null || isAnonymous(principal)) return next();
    const list = purposeList();
    if (!list) {
      // Fail closed: without the list nobody can be shown to be allowed the purpose.
      res.status(503).setHeader('retry-after', '2');
      res.type('application/json').send(errorBody('The platform purpose list is not loaded yet: no declared purpose can be checked. Retry shortly', 'PURPOSE_LIST_UNAVAILABLE'));
      return;
    }
    const refusal = refuseDeclaration(list, principal);
    if (!refusal) return next();
    res.status(refusal.status).type('application/json').send(errorBody(refusal.message, refusal.code));
  };
}
