export * from './Principal.ts';
export * from './devKeys.ts';
export * from './internalToken.ts';
export * from './userToken.ts';
