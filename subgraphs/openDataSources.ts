// Every open-data source, by subgraph and name: what the open-data list's `source` may name (the check,
// shared/openData/checkOpenDataList.ts). The agency registers' sources are the maps their routes serve.
import type { KnownSources } from '../shared/openData/checkOpenDataList.ts';
import { businessOpenDataSources } from './business/src/openDataSources.ts';
import { civilStatusOpenDataSources } from './civil-status/src/openDataSources.ts';
import { landOpenDataSources } from './land/src/openDataSources.ts';
import { populationOpenDataSources } from './population/src/openDataSources.ts';
import { socialOpenDataSources } from './social/src/openDataSources.ts';

/** The lists the platform keeps itself and publishes as open data (computed in the platform subgraph). */
export const PLATFORM_CATALOGUE_SOURCES = {
  'administrative-units': { kind: 'catalogue' },
  'sharing-services': { kind: 'catalogue' },
} as const;

export const OPEN_DATA_SOURCES: KnownSources = {
  population: populationOpenDataSources,
  'civil-status': civilStatusOpenDataSources,
  business: businessOpenDataSources,
  land: landOpenDataSources,
  social: socialOpenDataSources,
  platform: PLATFORM_CATALOGUE_SOURCES,
};
