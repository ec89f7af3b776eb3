// The people's pages under /console/: the built single-page application (console/dist, made by
// `npm run build`), every path below /console/ answered by its index.html so a reload keeps the page,
// and in development the sign-in helpers (the same rules as `npm run token`; absent in production).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { AGENCIES, PURPOSES } from '../../../shared/catalogue/platformCatalogue.ts';
import { config } from '../../../shared/config/config.ts';
import { errorBody } from '../../../shared/errors/clientErrors.ts';
import { KNOWN_ROLES } from '../../../shared/auth/Principal.ts';
import { devTokenProblem, signDevUserToken } from '../../../shared/auth/userToken.ts';
import { DEMO_CITIZENS } from '../../../synthetic/demoCitizens.ts';
import { CONSOLE_DIST_DIR } from '../../../console/consoleBuild.ts';

// Scripts and styles only from this origin; CodeMirror and React set inline styles, hence style-src's
// 'unsafe-inline'. Nothing is framed, posted or fetched elsewhere.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function consoleRoutes(): Router {
  const router = express.Router();
  const index = join(CONSOLE_DIST_DIR, 'index.html');

  router.get('/console/api/sign-in-options', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    if (config.isProduction) {
      res.json({ development: false, roles: [], agencies: [], purposes: [], demoCitizens: [] });
      return;
    }
    res.json({
      development: true,
      roles: KNOWN_ROLES,
      agencies: AGENCIES.map(({ code, name }) => ({ code, name })),
      purposes: PURPOSES.map(({ code, name }) => ({ code, name })),
      demoCitizens: DEMO_CITIZENS,
    });
  });
  if (!config.isProduction) {
    router.post('/console/api/dev-token', express.json({ limit: '4kb' }), (req, res) => {
      res.setHeader('cache-control', 'no-store');
      const body = (req.body ?? {}) as { roles?: unknown; agency?: unknown; sub?: unknown };
      const roles = Array.isArray(body.roles) ? body.roles.filter((role): role is string => typeof role === 'string') : [];
      const agency = typeof body.agency === 'string' && body.agency ? body.agency : undefined;
      const sub = typeof body.sub === 'string' && body.sub ? body.sub : undefined;
      const problem = devTokenProblem({ roles, agency, sub });
      if (problem) {
        res.status(400).json({ problem: problem.message, code: problem.code });
        return;
      }
      res.json({ token: signDevUserToken({ roles, agency, sub }) });
    });
  }

  // Hashed file names: kept a year; index.html is asked for again each time.
  router.use('/console/assets', express.static(join(CONSOLE_DIST_DIR, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  const notFound = (_req: express.Request, res: express.Response) => {
    res.status(404).type('application/json').send(errorBody('Not found', 'NOT_FOUND'));
  };
  router.use('/console/assets', notFound);
  router.use('/console/api', notFound);
  router.get(/^\/console(\/.*)?$/, (req, res) => {
    if (req.path === '/console') {
      res.redirect(301, '/console/');
      return;
    }
    if (!existsSync(index)) {
      res.status(503).type('application/json').send(errorBody('The console is not built: run npm run build', 'CONSOLE_NOT_BUILT'));
      return;
    }
    res.setHeader('content-security-policy', CSP);
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
