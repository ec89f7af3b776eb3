// A cursor as a register would seal it for this caller, list and filters: for tests that must start a
// page at a chosen row (the key is the one the in-process stack derives from the same key material).
import { listCursorScope } from '../../shared/auth/cursorKey.ts';
import type { Principal } from '../../shared/auth/Principal.ts';
import { sealCursor } from '../../shared/loaders/pagination.ts';
import type { Who } from './stack.ts';

export function cursorAt(service: string, who: Who, field: string, filters: Record<string, unknown>, position: string): string {
  const principal: Principal = {
    subject: who.sub ?? null,
    agency: who.agency ?? null,
    roles: [who.role],
    purpose: who.purpose ?? null,
    caseId: null,
    requestId: 'test-cursor',
  };
  return sealCursor(listCursorScope(service, principal, field, filters), position);
}
