export * from './clientErrors.ts';
export * from './maskError.ts';
export * from './forbidden.ts';
