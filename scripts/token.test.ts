import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createUserTokenVerifier, userTokenSettingsFromEnv } from '../shared/auth/userToken.ts';
import { childEnvironment } from '../shared/config/childEnvironment.ts';

const run = promisify(execFile);
const tsx = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
const script = new URL('./token.ts', import.meta.url).pathname;

describe('npm run token', () => {
  it('prints only a development token that the gateway accepts', async () => {
    const { stdout } = await run(tsx, [script, '--role', 'officer', '--agency', 'so-tu-phap', '--ttl', '120']);
    const token = stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    const caller = createUserTokenVerifier(userTokenSettingsFromEnv())(token);
    expect(caller).toEqual({ subject: 'dev-officer@so-tu-phap', agency: 'so-tu-phap', roles: ['officer'] });
  });

  it('explains what is missing', async () => {
    await expect(run(tsx, [script, '--role', 'officer'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Officers, systems, data-protection officers and publishers need an agency.') });
  });

  it('refuses to run in production', async () => {
    await expect(run(tsx, [script, '--role', 'officer', '--agency', 'so-tu-phap'], { env: childEnvironment({ NODE_ENV: 'production' }) })).rejects.toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringContaining('refuses to run in production'),
    });
  });
});
