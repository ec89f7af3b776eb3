import type { openData as vi } from '../vi/openData.ts';

export const openData: typeof vi = {
  title: 'Open data',
};
