export * from './openDatabase.ts';
export * from './migrationSource.ts';
export * from './serverDatabase.ts';
export * from './embeddedPostgres.ts';
export * from './insertInChunks.ts';
export * from './limitPerGroup.ts';
export * from './anyOf.ts';
