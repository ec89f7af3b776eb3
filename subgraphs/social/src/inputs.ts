// Checks of the social-protection arguments shared/validation does not cover.
import { badUserInput } from '../../../shared/errors/clientErrors.ts';
import type { BenefitStatusValue } from './queries.ts';

/** Programme codes are upper-case letters and digits in dash-separated parts, e.g. TCXH-NCT80. */
export function programCode(value: string | null | undefined, field = 'programCode'): string | null {
  if (value === null || value === undefined) return null;
  if (!/^(?=.{1,20}$)[A-Z0-9]+(?:-[A-Z0-9]+)*$/.test(value)) {
    throw badUserInput(`"${field}" must be a programme code such as TCXH-NCT80`, field);
  }
  return value;
}

/** GraphQL's ACTIVE/ENDED to the stored 'active'/'ended'; absent means either. */
export function benefitStatus(value: 'ACTIVE' | 'ENDED' | null | undefined): BenefitStatusValue | null {
  return value ? (value.toLowerCase() as BenefitStatusValue) : null;
}
