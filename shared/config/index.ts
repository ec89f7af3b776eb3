export * from './services.ts';
export * from './env.ts';
