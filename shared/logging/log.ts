// One JSON line per event on stderr: what operators read. Never sent to clients.
import { config } from '../config/config.ts';

function write(level: string, message: string, fields: Record<string, unknown>): void {
  const entry: Record<string, unknown> = { time: new Date().toISOString(), level, message };
  for (const [key, value] of Object.entries(fields)) {
    entry[key] = value instanceof Error ? { message: value.message, stack: value.stack } : value;
  }
  process.stderr.write(`${JSON.stringify(entry)}\n`);
}

export function logInfo(message: string, fields: Record<string, unknown> = {}): void {
  if (config.logLevel === 'silent' || config.logLevel === 'error') return;
  write('info', message, fields);
}

export function logError(message: string, fields: Record<string, unknown> = {}): void {
  if (config.logLevel === 'silent') return;
  write('error', message, fields);
}
