import { describe, expect, it } from 'vitest';
import { allowedActions, DATA_ERROR_RULES, DATA_ERROR_STATES, mayEverTake, ruleFor } from './dataErrorRules.ts';

describe('the data-error report rules table', () => {
  it('lets the reporting agency report, and withdraw only while OPEN', () => {
    expect(DATA_ERROR_RULES.filter((row) => row.from.length === 0)).toEqual([expect.objectContaining({ action: 'report', actor: 'reporter', to: 'open' })]);
    expect(allowedActions(['reporter'], 'open')).toEqual(['withdraw']);
    for (const state of ['acknowledged', 'corrected', 'rejected', 'withdrawn'] as const) expect(allowedActions(['reporter'], state)).toEqual([]);
  });

  it('lets the owner acknowledge an OPEN report, and correct or reject it while OPEN or ACKNOWLEDGED', () => {
    expect(allowedActions(['owner'], 'open')).toEqual(['acknowledge', 'correct', 'reject']);
    expect(allowedActions(['owner'], 'acknowledged')).toEqual(['correct', 'reject']);
    expect(ruleFor('acknowledge', ['owner'], 'acknowledged')).toBeUndefined();
    expect(mayEverTake('correct', ['reporter'])).toBe(false);
    expect(mayEverTake('withdraw', ['owner'])).toBe(false);
  });

  it('allows nothing once CORRECTED, REJECTED or WITHDRAWN, requires a reason only to reject, and names known states', () => {
    for (const state of ['corrected', 'rejected', 'withdrawn'] as const) expect(allowedActions(['reporter', 'owner'], state)).toEqual([]);
    expect(DATA_ERROR_RULES.filter((row) => row.reason === 'required').map((row) => row.action)).toEqual(['reject']);
    for (const row of DATA_ERROR_RULES) for (const state of [...row.from, row.to]) expect(DATA_ERROR_STATES).toContain(state);
  });
});
