// What a production start refuses, in one place. Each entry point (gateway/src/main.ts, subgraphs/main.ts,
// scripts/start.ts) calls productionProblems before it opens anything and stops with one message listing
// every problem, so a deployment is fixed in one round. Pure: the key material it compares with is read
// by the caller (shared/auth/keyMaterial.ts), so tests pass their own.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { envPrefix } from './services.ts';
import type { Config } from './readConfig.ts';

/** Who is starting: the gateway, one subgraph (with the internal-token audiences it verifies), or `npm start`. */
export type StartingService =
  | { role: 'gateway' }
  | { role: 'subgraph'; name: string; audiences: readonly string[] }
  /** `npm start`: every subgraph and the gateway in one process, every key derived from the master secret. */
  | { role: 'stack' };

export interface KeyMaterial {
  /** The `.pem` files of JWT_PUBLIC_KEYS_DIR; why the folder could not be read; undefined when it is not set. */
  callerKeys: readonly { file: string; pem: string }[] | { unreadable: string } | undefined;
  /** Development key material found on this machine, never to be trusted in production. */
  development: {
    callerPublicKeyPem?: string;
    /** The development master secret and the keys derived from it (hex), as written in the environment. */
    internalSecrets: readonly string[];
  };
}

/** The least a secret given in the environment may hold: 32 bytes, as `openssl rand -hex 32` prints 64. */
export const MIN_SECRET_BYTES = 32;

const SECRET_HINT = `at least ${MIN_SECRET_BYTES} bytes, e.g. \`openssl rand -hex 32\``;

/** Every setting that makes this start unsafe in production; empty outside production. */
export function productionProblems(config: Config, starting: StartingService, keys: KeyMaterial): string[] {
  if (!config.isProduction) return [];
  const problems: string[] = [];
  const developmentSecrets = new Set(keys.development.internalSecrets.map((secret) => secret.toLowerCase()));
  const isDevelopmentSecret = (value: string) => developmentSecrets.has(value.toLowerCase());

  // Every service.
  if (config.debugErrors) problems.push('DEBUG_ERRORS=1 would put stack traces in responses: unset it');
  for (const name of config.unsafeBenchmarkSwitches) problems.push(`${name} is for the benchmark only: unset it`);
  if (config.devKeysDir !== undefined) problems.push('DEV_KEYS_DIR names development key material: unset it (production trusts only configured keys)');

  // The master secret and the caller-token keys: the gateway's, and npm start's, which holds the gateway.
  if (starting.role === 'gateway' || starting.role === 'stack') {
    const secret = config.internalTokenSecret;
    if (secret === undefined) problems.push(`INTERNAL_TOKEN_SECRET is missing: the master secret of internal tokens (${SECRET_HINT})`);
    else if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) problems.push(`INTERNAL_TOKEN_SECRET is too short: ${Buffer.byteLength(secret)} bytes (${SECRET_HINT})`);
    else if (isDevelopmentSecret(secret)) problems.push('INTERNAL_TOKEN_SECRET is the development secret: generate a production one');
    if (config.jwtIssuer === undefined) problems.push("JWT_ISSUER is missing: the issuer of callers' tokens (your identity provider)");
    if (config.jwtAudience === undefined) problems.push("JWT_AUDIENCE is missing: the audience of callers' tokens");
    problems.push(...callerKeyProblems(keys));
  }
  // npm start derives every key from the master secret; a key given beside it would be used instead, unchecked.
  if (starting.role === 'stack') {
    for (const prefix of Object.keys(config.internalTokenKeys)) {
      problems.push(`INTERNAL_TOKEN_KEY_${prefix} is for a subgraph started alone: npm start derives every key from INTERNAL_TOKEN_SECRET; unset it`);
    }
  }

  if (starting.role === 'subgraph') {
    const { name, audiences } = starting;
    if (config.internalTokenSecret !== undefined) {
      problems.push(`INTERNAL_TOKEN_SECRET must not reach a subgraph: with it ${name} could mint tokens for every agency; give it its INTERNAL_TOKEN_KEY_<AUDIENCE> keys instead`);
    }
    const own = new Map(audiences.map((audience) => [envPrefix(audience), audience]));
    for (const [prefix, audience] of own) {
      const key = config.internalTokenKeys[prefix];
      if (key === undefined) problems.push(`INTERNAL_TOKEN_KEY_${prefix} is missing: ${name}'s key for audience "${audience}" (\`npm run --silent keys:internal -- ${name}\` prints its keys)`);
      else if (isDevelopmentSecret(key)) problems.push(`INTERNAL_TOKEN_KEY_${prefix} is a development key: derive it from the production secret`);
    }
    for (const prefix of Object.keys(config.internalTokenKeys)) {
      if (!own.has(prefix)) problems.push(`INTERNAL_TOKEN_KEY_${prefix} is not ${name}'s: a subgraph holds only the keys of its own audiences (${audiences.join(', ')})`);
    }
  }

  problems.push(...auditKeyProblems(config, starting));

  // /metrics: a scrape token, or a port of its own. npm start serves six subgraphs, each on its own port: a token.
  if (starting.role === 'subgraph' || starting.role === 'stack') {
    const token = config.metricsToken;
    if (token !== undefined && Buffer.byteLength(token) < MIN_SECRET_BYTES) {
      problems.push(`METRICS_TOKEN is too short: ${Buffer.byteLength(token)} bytes (${SECRET_HINT})`);
    } else if (token === undefined && starting.role === 'stack') {
      problems.push(`METRICS_TOKEN is missing: npm start serves every subgraph's /metrics on the subgraph's own port, so it must ask for a scrape token (${SECRET_HINT})`);
    } else if (token === undefined && config.metricsPort === undefined) {
      problems.push(`METRICS_TOKEN or METRICS_PORT must be set: /metrics must answer only the scraper (a token, ${SECRET_HINT}) or listen on an internal port`);
    }
  }
  return problems;
}

/**
 * The witnessed disclosure log: each subgraph signs its checkpoints with its own key and holds no other
 * agency's; the platform countersigns with the witness key and checks agencies with their public keys.
 */
function auditKeyProblems(config: Config, starting: StartingService): string[] {
  if (starting.role === 'gateway') return [];
  const { signingKeys, witnessKey, publicKeysDir } = config.audit;
  const problems: string[] = [];
  const own = starting.role === 'stack' ? Object.keys(signingKeys) : [starting.name];
  for (const name of own) {
    if (signingKeys[name] === undefined) problems.push(`AUDIT_SIGNING_KEY_${envPrefix(name)} is missing: ${name}'s Ed25519 key for checkpoints of its disclosure log (\`npm run keys:audit\`)`);
  }
  for (const [name, key] of Object.entries(signingKeys)) {
    if (key !== undefined && !own.includes(name)) problems.push(`AUDIT_SIGNING_KEY_${envPrefix(name)} is not ${own.join(', ')}'s: a subgraph holds only its own audit key`);
  }
  const witnesses = starting.role === 'stack' || starting.name === 'platform';
  if (witnesses && witnessKey === undefined) problems.push('AUDIT_WITNESS_KEY is missing: the platform\'s Ed25519 key that countersigns checkpoints (`npm run keys:audit`)');
  if (witnesses && publicKeysDir === undefined) problems.push('AUDIT_PUBLIC_KEYS_DIR is missing: the folder of every agency\'s audit public key (`<service>.pem`) and `witness.pem`');
  if (!witnesses && witnessKey !== undefined) problems.push(`AUDIT_WITNESS_KEY must not reach ${starting.role === 'subgraph' ? starting.name : 'a subgraph'}: only the platform countersigns checkpoints`);
  return problems;
}

/** JWT_PUBLIC_KEYS_DIR: readable, at least one public key, each RSA or P-256, none a private or development key. */
function callerKeyProblems(keys: KeyMaterial): string[] {
  const { callerKeys } = keys;
  if (callerKeys === undefined) return ["JWT_PUBLIC_KEYS_DIR is missing: the folder of the identity provider's public keys (`<kid>.pem`)"];
  if ('unreadable' in callerKeys) return [`JWT_PUBLIC_KEYS_DIR cannot be read (${callerKeys.unreadable})`];
  if (callerKeys.length === 0) return ['JWT_PUBLIC_KEYS_DIR holds no `<kid>.pem` public key'];
  const development = keys.development.callerPublicKeyPem === undefined ? undefined : createPublicKey(keys.development.callerPublicKeyPem);
  return callerKeys.flatMap(({ file, pem }): string[] => {
    // The gateway needs no private key; one found here has been copied where it does not belong.
    if (/PRIVATE KEY-----/.test(pem)) return [`JWT_PUBLIC_KEYS_DIR/${file} holds a private key: the gateway needs only public keys; remove it`];
    let key: KeyObject;
    try {
      key = createPublicKey(pem);
    } catch {
      return [`JWT_PUBLIC_KEYS_DIR/${file} is not a PEM public key`];
    }
    const supported = key.asymmetricKeyType === 'rsa' || (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1');
    if (!supported) return [`JWT_PUBLIC_KEYS_DIR/${file} is neither an RSA (RS256) nor a P-256 (ES256) public key`];
    if (development?.equals(key)) return [`JWT_PUBLIC_KEYS_DIR/${file} is the development signing key: anyone with a checkout could mint tokens; remove it`];
    return [];
  });
}

/** Stops this process with one message listing every problem (no stack trace: the operator's to fix). */
export function stopOnProductionProblems(service: string, problems: readonly string[]): void {
  if (problems.length === 0) return;
  process.stderr.write(
    `Refusing to start ${service} in production (NODE_ENV=production); fix every setting below (README, "Deploying in production"):\n` +
      `${problems.map((problem) => `- ${problem}`).join('\n')}\n`,
  );
  process.exit(1);
}
