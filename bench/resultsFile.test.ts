import { describe, expect, it } from 'vitest';
import { resultsFileName } from './resultsFile.ts';

describe('the name of a results file', () => {
  it('holds the date to the second and the short commit, with no colon', () => {
    expect(resultsFileName('2026-12-03T09:15:02.123Z', '04b37b5')).toBe('2026-12-03T09-15-02Z-04b37b5.json');
  });
});
