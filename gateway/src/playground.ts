// GraphiQL from local files (no CDN, no fonts from the internet), with a strict CSP: scripts only
// from this origin, which is why the start-up code is an external boot.js. In development boot.js adds a
// sign-in panel (signInPanel.js, texts in playgroundTexts.js) that fills GraphiQL's headers.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const require = createRequire(import.meta.url);
const publicDir = join(dirname(fileURLToPath(import.meta.url)), '../public');
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const ASSETS: Record<string, string> = {
  'graphiql.min.js': join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.min.css': join(packageDir('graphiql'), 'graphiql.min.css'),
  'react.production.min.js': join(packageDir('react'), 'umd/react.production.min.js'),
  'react-dom.production.min.js': join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
  'playground.css': join(publicDir, 'playground.css'),
  'playgroundTexts.js': join(publicDir, 'playgroundTexts.js'),
  'signInPanel.js': join(publicDir, 'signInPanel.js'),
  'boot.js': join(publicDir, 'boot.js'),
};

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

export function playgroundRouter(): Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    res.setHeader('content-security-policy', CSP);
    res.sendFile(join(publicDir, 'index.html'));
  });
  router.get('/playground/:asset', (req, res) => {
    const file = ASSETS[req.params.asset];
    if (!file) {
      res.status(404).end();
      return;
    }
    res.setHeader('cache-control', 'public, max-age=3600');
    res.sendFile(file);
  });
  return router;
}
