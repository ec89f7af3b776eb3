import type { agency as vi } from '../vi/agency.ts';

export const agency: typeof vi = {
  title: 'Agencies',
};
