export * from './clientErrors.ts';
export * from './maskError.ts';
