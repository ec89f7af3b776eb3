// Every Vietnamese text of the console (the default language), one file per area.
import { agency } from './agency.ts';
import { catalogue } from './catalogue.ts';
import { citizen } from './citizen.ts';
import { common } from './common.ts';
import { home } from './home.ts';
import { openData } from './openData.ts';
import { policies } from './policies.ts';
import { signIn } from './signIn.ts';

export const vi = { common, catalogue, signIn, home, policies, citizen, agency, openData };
export type Texts = typeof vi;
