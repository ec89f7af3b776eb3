import { describe, expect, it } from 'vitest';
import { anonymousPrincipal, type Principal, type Role } from '../../../shared/auth/Principal.ts';
import { readConfig } from '../../../shared/config/readConfig.ts';
import { addressKey, callerBucket } from './callerBucket.ts';

const limits = readConfig({}).rateLimits!.perCaller;

function principal(roles: Role[], agency: string | null, subject: string | null): Principal {
  return { roles, agency, subject, purpose: null, caseId: null, requestId: 'r' };
}

describe('whose bucket a request takes from', () => {
  it('counts staff per agency and account, citizens per personal id, anonymous callers per address', () => {
    const officer = callerBucket(principal(['officer'], 'cong-an-tinh', 'officer-1'), '10.0.0.1', limits);
    expect(callerBucket(principal(['officer'], 'cong-an-tinh', 'officer-1'), '10.0.0.2', limits).key).toBe(officer.key);
    expect(callerBucket(principal(['officer'], 'cong-an-tinh', 'officer-2'), '10.0.0.1', limits).key).not.toBe(officer.key);
    expect(callerBucket(principal(['officer'], 'so-tu-phap', 'officer-1'), '10.0.0.1', limits).key).not.toBe(officer.key);
    expect(callerBucket(principal(['citizen'], null, '033094279365'), '10.0.0.1', limits).key).not.toBe(
      callerBucket(principal(['citizen'], null, '079095101529'), '10.0.0.1', limits).key,
    );
    const anonymous = callerBucket(anonymousPrincipal('r'), '10.0.0.1', limits);
    expect(anonymous).toMatchObject({ caller: 'anonymous', limit: limits.anonymous });
    expect(callerBucket(anonymousPrincipal('s'), '10.0.0.1', limits).key).toBe(anonymous.key);
    expect(callerBucket(anonymousPrincipal('r'), '10.0.0.2', limits).key).not.toBe(anonymous.key);
  });

  it('writes no personal id or address into the key', () => {
    const { key } = callerBucket(principal(['citizen'], null, '033094279365'), '10.0.0.1', limits);
    expect(key).toMatch(/^citizen:[A-Za-z0-9_-]{32}$/);
    expect(callerBucket(anonymousPrincipal('r'), '10.0.0.1', limits).key).not.toContain('10.0.0.1');
  });

  it('gives a caller with several roles the most generous of their limits', () => {
    const both = callerBucket(principal(['officer', 'system'], 'so-tai-chinh', 'connector'), '10.0.0.1', limits);
    expect(both).toMatchObject({ caller: 'system', limit: limits.system });
    expect(callerBucket(principal(['citizen', 'officer'], 'so-tu-phap', 'x'), '10.0.0.1', limits)).toMatchObject({ caller: 'officer' });
  });

  it('counts an IPv6 client per /64, which it can pick addresses from at will', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(addressKey('10.0.0.1')).toBe('10.0.0.1');
    expect(addressKey(undefined)).toBe('unknown');
  });
});
