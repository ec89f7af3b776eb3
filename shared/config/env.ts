// Environment-derived settings shared by every service. Read once; nothing else reads process.env for these.

export const isProduction = process.env.NODE_ENV === 'production';

/** Stack traces in client errors only behind an explicit switch, and never in production. */
export const exposeErrorDetails = !isProduction && process.env.DEBUG_ERRORS === '1';

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

export function envString(name: string): string | undefined {
  const raw = process.env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}
