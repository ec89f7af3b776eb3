import { describe, expect, it } from 'vitest';
import { childEnvironment, keepingNodeEnv } from './childEnvironment.ts';

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

describe('keepingNodeEnv', () => {
  it('puts back the NODE_ENV a library changed, or removes the one it set, also when the work fails', async () => {
    const own = process.env.NODE_ENV;
    try {
      // What Vite's build does when NODE_ENV is unset.
      delete process.env.NODE_ENV;
      await keepingNodeEnv(async () => {
        process.env.NODE_ENV = 'production';
      });
      expect(process.env).not.toHaveProperty('NODE_ENV');
      expect(childEnvironment()).not.toHaveProperty('NODE_ENV');

      process.env.NODE_ENV = 'development';
      await expect(
        keepingNodeEnv(async () => {
          process.env.NODE_ENV = 'production';
          throw new Error('the build failed');
        }),
      ).rejects.toThrow('the build failed');
      expect(process.env.NODE_ENV).toBe('development');
    } finally {
      process.env.NODE_ENV = own;
    }
  });
});
