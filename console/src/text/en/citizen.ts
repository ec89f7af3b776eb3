import type { citizen as vi } from '../vi/citizen.ts';

export const citizen: typeof vi = {
  title: 'My data',
};
