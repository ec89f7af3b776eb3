// The two settings most code asks about, kept here under their old names; everything else is on config.
import { config } from './config.ts';

export const isProduction = config.isProduction;

/** Stack traces in client errors only behind an explicit switch, and never in production. */
export const exposeErrorDetails = config.exposeErrorDetails;
