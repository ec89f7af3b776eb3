import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { deriveSubgraphKey } from '../shared/auth/internalToken.ts';
import { childEnvironment } from '../shared/config/childEnvironment.ts';

const run = promisify(execFile);
const tsx = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
const script = new URL('./internalKeys.ts', import.meta.url).pathname;
const secret = randomBytes(32).toString('hex');

describe('npm run keys:internal', () => {
  it("prints one subgraph's keys, derived from INTERNAL_TOKEN_SECRET, and nothing else", async () => {
    const { stdout } = await run(tsx, [script, 'population'], { env: childEnvironment({ INTERNAL_TOKEN_SECRET: secret }) });
    const key = (audience: string) => deriveSubgraphKey(secret, audience).toString('hex');
    expect(stdout).toBe(
      `INTERNAL_TOKEN_KEY_POPULATION=${key('population')}\nINTERNAL_TOKEN_KEY_GUARDIANSHIP=${key('guardianship')}\nINTERNAL_TOKEN_KEY_POPULATION_OPEN_DATA=${key('population-open-data')}\nINTERNAL_TOKEN_KEY_POPULATION_DISCLOSURE_LOG=${key('population-disclosure-log')}\n`,
    );
    expect(stdout).not.toContain(secret);
  });

  it('prints every audience the gateway signs for', async () => {
    const { stdout } = await run(tsx, [script], { env: childEnvironment({ INTERNAL_TOKEN_SECRET: secret }) });
    expect(stdout.trim().split('\n').map((line) => line.split('=')[0])).toEqual([
      'INTERNAL_TOKEN_KEY_POPULATION', 'INTERNAL_TOKEN_KEY_GUARDIANSHIP', 'INTERNAL_TOKEN_KEY_POPULATION_OPEN_DATA', 'INTERNAL_TOKEN_KEY_POPULATION_DISCLOSURE_LOG',
      'INTERNAL_TOKEN_KEY_CIVIL_STATUS', 'INTERNAL_TOKEN_KEY_CIVIL_STATUS_OPEN_DATA', 'INTERNAL_TOKEN_KEY_CIVIL_STATUS_DISCLOSURE_LOG',
      'INTERNAL_TOKEN_KEY_BUSINESS', 'INTERNAL_TOKEN_KEY_BUSINESS_OPEN_DATA', 'INTERNAL_TOKEN_KEY_BUSINESS_DISCLOSURE_LOG',
      'INTERNAL_TOKEN_KEY_LAND', 'INTERNAL_TOKEN_KEY_LAND_OPEN_DATA', 'INTERNAL_TOKEN_KEY_LAND_DISCLOSURE_LOG',
      'INTERNAL_TOKEN_KEY_SOCIAL', 'INTERNAL_TOKEN_KEY_SOCIAL_OPEN_DATA', 'INTERNAL_TOKEN_KEY_SOCIAL_DISCLOSURE_LOG',
      'INTERNAL_TOKEN_KEY_PLATFORM', 'INTERNAL_TOKEN_KEY_CONSENT_REGISTRY', 'INTERNAL_TOKEN_KEY_PLATFORM_DISCLOSURE_LOG',
    ]);
  });

  it('refuses without a strong secret in the environment', async () => {
    await expect(run(tsx, [script], { env: childEnvironment({ INTERNAL_TOKEN_SECRET: 'short' }) })).rejects.toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringContaining('Set INTERNAL_TOKEN_SECRET (at least 32 bytes'),
    });
  });
});
