import { describe, expect, it } from 'vitest';
import { refusalAt } from './refusals.ts';

const refused = (path: (string | number)[], reason: string) => ({ message: '', path, extensions: { code: 'FORBIDDEN', reason } });

describe('refusalAt: why a value of the record is missing', () => {
  const errors = [
    refused(['me', 'household', 'members', 0, 'id'], 'ROW_OUT_OF_SCOPE'),
    refused(['me', 'religion'], 'NOT_GRANTED'),
    { message: 'population is down', path: ['me', 'landParcels'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } },
  ];

  it('finds a refusal at the value, above it, or below it (a record nulled by its refused key)', () => {
    expect(refusalAt(errors, ['me', 'religion'])).toBe('NOT_GRANTED');
    expect(refusalAt(errors, ['me', 'religion', 'name'])).toBe('NOT_GRANTED');
    expect(refusalAt(errors, ['me', 'household', 'members'])).toBe('ROW_OUT_OF_SCOPE');
  });

  it('says nothing of a value no refusal explains, nor of an error that is not a refusal', () => {
    expect(refusalAt(errors, ['me', 'household', 'id'])).toBeNull();
    expect(refusalAt(errors, ['me', 'landParcels'])).toBeNull();
  });
});
