// Monthly benefits, reaching roughly 4-6% of residents: most people over 80, some people with
// severe disabilities, heads of poor households and people with merit to the revolution (mostly
// elderly veterans and martyrs' relatives). A benefit of someone who has died ended at the end
// of the month of death, so no deceased person has an active benefit.

import {
  MERIT_BASE,
  PROGRAM_DISABILITY,
  PROGRAM_ELDERLY,
  PROGRAM_MERIT,
  PROGRAM_POOR_HOUSEHOLD,
  SOCIAL_ASSISTANCE_BASE,
} from './benefitPrograms.ts';
import { addYears, ageOn, ageToday, daysFromCivil, endOfMonth, fromIso, toIso, TODAY, yearOf } from './dates.ts';
import { NO_DAY, type Population } from './generatePopulation.ts';
import type { Random } from './random.ts';
import type { Benefit } from './types.ts';

// Disability allowances in their current form date from the 2010 Law on Persons with Disabilities.
const DISABILITY_FROM = fromIso('2011-01-01');
const MERIT_FROM = fromIso('1995-01-01');
const MERIT_COEFFICIENTS = [0.5, 0.75, 1, 1.2, 1.5, 2];

const roundThousand = (vnd: number): number => Math.round(vnd / 1000) * 1000;

class BenefitLedger {
  readonly benefits: Benefit[] = [];

  constructor(
    private readonly rng: Random,
    private readonly pop: Population,
  ) {}

  /** Records a benefit; returns false when it would start after the beneficiary's death. */
  add(person: number, programCode: string, monthlyAmount: number, started: number, ended: number | null): boolean {
    if (started > TODAY - 1) return false;
    let end = ended;
    const died = this.pop.died[person];
    if (died !== NO_DAY) {
      if (started >= died) return false;
      const stop = endOfMonth(died);
      end = end === null ? stop : Math.min(end, stop);
    }
    if (end !== null && end <= started) return false;
    this.benefits.push({
      id: `TC${String(this.benefits.length + 1).padStart(8, '0')}`,
      citizenId: this.pop.citizens[person].id,
      programCode,
      monthlyAmount: roundThousand(monthlyAmount),
      startedOn: toIso(started),
      endedOn: end === null ? null : toIso(end),
      status: end === null ? 'active' : 'ended',
    });
    return true;
  }

  /** A date in [earliest, TODAY - 1], or null if that range is empty. */
  between(earliest: number, latest = TODAY - 1): number | null {
    return earliest > latest ? null : this.rng.int(earliest, latest);
  }

  disability(person: number, mayEnd: boolean): boolean {
    const rng = this.rng;
    const born = this.pop.born[person];
    const started = this.between(Math.max(addYears(born, 2), DISABILITY_FROM));
    if (started === null) return false;
    const ageAtStart = ageOn(born, started);
    const especiallySevere = rng.chance(0.35);
    const childOrElderly = ageAtStart < 16 || ageAtStart >= 60;
    const coefficient = (especiallySevere ? 2 : 1.5) + (childOrElderly ? 0.5 : 0);
    // A few allowances stop after a disability reassessment.
    const ended = rng.chance(0.06) && mayEnd ? this.between(started + 180) : null;
    return this.add(person, PROGRAM_DISABILITY, SOCIAL_ASSISTANCE_BASE * coefficient, started, ended);
  }
}

export function generateBenefits(rng: Random, pop: Population): Benefit[] {
  const ledger = new BenefitLedger(rng, pop);
  // One demo citizen always receives a disability allowance so the demo shows a benefit.
  const demoBeneficiary = pop.demoHeads.length > 0 ? pop.demoHeads[0] : -1;

  for (let person = 0; person < pop.citizens.length; person++) {
    const born = pop.born[person];
    const died = pop.died[person];
    const age = died === NO_DAY ? ageToday(born) : ageOn(born, died);

    // Elderly allowance from the 80th birthday, for those without a pension (~80%).
    if (age >= 80 && rng.chance(0.8)) {
      const started = addYears(born, 80) + rng.int(10, 90);
      ledger.add(person, PROGRAM_ELDERLY, SOCIAL_ASSISTANCE_BASE * 1.5, started, null);
    }

    if (person === demoBeneficiary) ledger.disability(person, false);
    else if (age >= 2 && rng.chance(0.011)) ledger.disability(person, true);

    // Merit benefits: veterans, war invalids and martyrs' relatives, nearly all over 50.
    if (age >= 50 && rng.chance(0.045)) {
      const started = ledger.between(Math.max(addYears(born, 20), MERIT_FROM));
      if (started !== null) ledger.add(person, PROGRAM_MERIT, MERIT_BASE * rng.pick(MERIT_COEFFICIENTS), started, null);
    }

    // Poor-household support goes to the head; the list is reviewed every January and
    // families that escape poverty leave it at the end of a year.
    const h = pop.householdOf[person];
    if (pop.head[h] === person && rng.chance(pop.profiles[h].unit.kind === 'commune' ? 0.04 : 0.02)) {
      const startYear = rng.int(2022, yearOf(TODAY));
      const started = Math.max(daysFromCivil(startYear, 1, 1), addYears(born, 18) + 1);
      const ended = rng.chance(0.35) && startYear < yearOf(TODAY) ? daysFromCivil(rng.int(startYear, yearOf(TODAY) - 1), 12, 31) : null;
      ledger.add(person, PROGRAM_POOR_HOUSEHOLD, SOCIAL_ASSISTANCE_BASE, started, ended);
    }
  }
  return ledger.benefits;
}
