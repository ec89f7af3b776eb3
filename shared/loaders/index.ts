export * from './batchLoaders.ts';
export * from './pagination.ts';
