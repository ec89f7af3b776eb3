import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allowedActions, CONNECTION_RULES, mayEverTake, publishedRule, READ_STATES, ruleFor, rulesMarkdown } from './connectionRules.ts';

describe('the connection rules table', () => {
  it('lets the consumer draft, edit, submit, resubmit, withdraw and end, each only in its states', () => {
    expect(allowedActions(['consumer'], 'draft')).toEqual(['update', 'submit', 'withdraw']);
    expect(allowedActions(['consumer'], 'submitted')).toEqual(['withdraw']);
    expect(allowedActions(['consumer'], 'returned')).toEqual(['update', 'resubmit', 'withdraw']);
    expect(allowedActions(['consumer'], 'approved')).toEqual(['end']);
    expect(allowedActions(['consumer'], 'suspended')).toEqual(['end']);
    expect(ruleFor('draft', ['consumer'], 'draft')).toBeUndefined();
    expect(CONNECTION_RULES.filter((row) => row.from.length === 0)).toEqual([expect.objectContaining({ action: 'draft', actor: 'consumer', to: 'draft' })]);
  });

  it('lets the owner decide a submitted request, and suspend, resume and end an approved one', () => {
    expect(allowedActions(['owner'], 'draft')).toEqual([]);
    expect(allowedActions(['owner'], 'submitted')).toEqual(['return', 'approve', 'refuse']);
    expect(allowedActions(['owner'], 'approved')).toEqual(['suspend', 'end']);
    expect(allowedActions(['owner'], 'suspended')).toEqual(['resume', 'end']);
    expect(ruleFor('approve', ['owner'], 'returned')).toBeUndefined();
    expect(ruleFor('approve', ['consumer'], 'submitted')).toBeUndefined();
  });

  it('lets a security officer only suspend an approved connection', () => {
    expect(CONNECTION_RULES.filter((row) => row.actor === 'security-officer').map((row) => [row.action, row.from])).toEqual([['suspend', ['approved']]]);
    expect(mayEverTake('approve', ['security-officer'])).toBe(false);
  });

  it('allows nothing on a refused, ended or expired request', () => {
    for (const state of ['refused', 'ended', 'expired'] as const) expect(allowedActions(['consumer', 'owner', 'security-officer'], state)).toEqual([]);
  });

  it('requires a reason to return, refuse, suspend, withdraw or end, and names a known state everywhere', () => {
    const required = [...new Set(CONNECTION_RULES.filter((row) => row.reason === 'required').map((row) => row.action))].sort();
    expect(required).toEqual(['end', 'refuse', 'return', 'suspend', 'withdraw']);
    for (const row of CONNECTION_RULES) {
      for (const state of row.from) expect(READ_STATES).toContain(state);
      if (row.to !== null) expect(READ_STATES).toContain(row.to);
    }
  });

  it('is printed in docs/connection-agreements.md', () => {
    const docs = readFileSync(new URL('../../../../docs/connection-agreements.md', import.meta.url), 'utf8');
    expect(docs).toContain(`<!-- connection-rules:start -->\n${rulesMarkdown(CONNECTION_RULES.map(publishedRule))}<!-- connection-rules:end -->`);
  });
});
