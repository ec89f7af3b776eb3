import type { Migration } from '../../../shared/db/migrationSource.ts';
import * as createPlatformCatalogues from './20250701090000_create_platform_catalogues.ts';

export const migrations: Record<string, Migration> = {
  '20250701090000_create_platform_catalogues': createPlatformCatalogues,
};
