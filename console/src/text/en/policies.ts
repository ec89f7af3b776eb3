import type { policies as vi } from '../vi/policies.ts';

export const policies: typeof vi = {
  title: 'Access policies',
};
