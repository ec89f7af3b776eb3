import type { Migration } from '../../../shared/db/migrationSource.ts';
import * as createSocialProtection from './20250701100000_create_social_protection.ts';

export const migrations: Record<string, Migration> = {
  '20250701100000_create_social_protection': createSocialProtection,
};
