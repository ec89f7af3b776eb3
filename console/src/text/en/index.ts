// Every English text of the console: the same keys as text/vi/ (each file is typed by its Vietnamese twin).
import type { Texts } from '../vi/index.ts';
import { agency } from './agency.ts';
import { catalogue } from './catalogue.ts';
import { citizen } from './citizen.ts';
import { common } from './common.ts';
import { home } from './home.ts';
import { openData } from './openData.ts';
import { policies } from './policies.ts';
import { signIn } from './signIn.ts';

export const en: Texts = { common, catalogue, signIn, home, policies, citizen, agency, openData };
