export * from './services.ts';
export * from './env.ts';
export * from './config.ts';
export * from './readConfig.ts';
export * from './envVariables.ts';
export * from './childEnvironment.ts';
