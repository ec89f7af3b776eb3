import { describe, expect, it } from 'vitest';
import { childEnvironment } from './childEnvironment.ts';

describe('childEnvironment', () => {
  it('applies changes to a copy of this process environment', () => {
    const env = childEnvironment({ POLICY_DIR: '/tmp/policies', CIVIL_STATUS_DATABASE_URL: '', LOG_LEVEL: undefined });
    expect(env).toMatchObject({ POLICY_DIR: '/tmp/policies', CIVIL_STATUS_DATABASE_URL: '' });
    expect(env).not.toHaveProperty('LOG_LEVEL');
    expect(env.PATH).toBeDefined();
    // vitest.config.ts sets LOG_LEVEL for the tests, and so for the scripts they start.
    expect(childEnvironment()).toHaveProperty('LOG_LEVEL', 'silent');
  });

  it('refuses a variable nobody reads', () => {
    expect(() => childEnvironment({ POLICY_DIRS: '/tmp' })).toThrow('POLICY_DIRS is not declared in shared/config/envVariables.ts');
  });
});
