import { describe, expect, it } from 'vitest';
import { childEnvironment, withNodeEnv } from './childEnvironment.ts';

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

describe('withNodeEnv', () => {
  it('runs the work under the NODE_ENV it names, then puts back or removes this process\'s own, also when the work fails', async () => {
    const own = process.env.NODE_ENV;
    try {
      // The console's build under vitest (NODE_ENV=test) must still be a production build.
      process.env.NODE_ENV = 'test';
      let during: string | undefined;
      await withNodeEnv('production', async () => {
        during = process.env.NODE_ENV;
      });
      expect(during).toBe('production');
      expect(process.env.NODE_ENV).toBe('test');

      delete process.env.NODE_ENV;
      await withNodeEnv('production', async () => {});
      expect(process.env).not.toHaveProperty('NODE_ENV');
      expect(childEnvironment()).not.toHaveProperty('NODE_ENV');

      process.env.NODE_ENV = 'development';
      await expect(
        withNodeEnv('production', async () => {
          process.env.NODE_ENV = 'staging';
          throw new Error('the build failed');
        }),
      ).rejects.toThrow('the build failed');
      expect(process.env.NODE_ENV).toBe('development');
    } finally {
      process.env.NODE_ENV = own;
    }
  });
});
