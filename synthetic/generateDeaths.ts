// Deaths: about 0.6% of the population, mostly the elderly, all within the last six years.
// Constraints that keep the records coherent: nobody dies before their marriage, before their
// youngest child was born, or (as a head) before the household was registered; heads of
// households with minors and the demo couples never die.

import { addYears, ageToday, toIso, TODAY } from './dates.ts';
import { NO_DAY, NOBODY, type Population } from './generatePopulation.ts';
import type { Random } from './random.ts';
import { RegistrationBook } from './registrationBook.ts';
import type { Death } from './types.ts';

const DEATH_RATE = 0.006;
const LOOKBACK_YEARS = 6;

// Mortality roughly doubles every 6-7 years of age past 60 (x1.1175 a year, i.e. e^(1/9)).
// Built by multiplication rather than Math.exp, whose last bits may differ between engines.
const ELDERLY_WEIGHT: number[] = [1];
for (let age = 61; age <= 130; age++) ELDERLY_WEIGHT.push(ELDERLY_WEIGHT[ELDERLY_WEIGHT.length - 1] * 1.1175);

function hasMinor(pop: Population, h: number): boolean {
  const end = pop.firstMember[h] + pop.memberCount[h];
  for (let i = pop.firstMember[h]; i < end; i++) if (ageToday(pop.born[i]) < 18) return true;
  return false;
}

/** Relative chance of being among the deceased; 0 when the person must stay alive. */
function mortalityWeight(pop: Population, i: number, protectedPeople: ReadonlySet<number>): number {
  if (protectedPeople.has(i)) return 0;
  const h = pop.householdOf[i];
  if (pop.head[h] === i && hasMinor(pop, h)) return 0;
  const age = ageToday(pop.born[i]);
  if (age >= 60) return ELDERLY_WEIGHT[Math.min(age - 60, ELDERLY_WEIGHT.length - 1)];
  // Young adults without a spouse or children (accidents, illness); children are left out.
  if (age >= 18 && pop.spouse[i] === NOBODY && pop.youngestChildBorn[i] === NO_DAY) return 0.05;
  return 0;
}

export function generateDeaths(rng: Random, pop: Population): Death[] {
  const protectedPeople = new Set<number>();
  for (const head of pop.demoHeads) {
    protectedPeople.add(head);
    if (pop.spouse[head] !== NOBODY) protectedPeople.add(pop.spouse[head]);
  }
  const candidates: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < pop.citizens.length; i++) {
    const w = mortalityWeight(pop, i, protectedPeople);
    if (w <= 0) continue;
    total += w;
    candidates.push(i);
    cumulative.push(total);
  }
  const target = Math.min(Math.round(pop.citizens.length * DEATH_RATE), candidates.length);
  const chosen = new Set<number>();
  for (let attempts = 0; chosen.size < target && attempts < target * 50; attempts++) {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    chosen.add(candidates[lo]);
  }

  const book = new RegistrationBook<Death>('KT');
  // Process in person order (sorted numbers) so the draws do not depend on Set insertion order.
  for (const i of [...chosen].sort((a, b) => a - b)) {
    const h = pop.householdOf[i];
    let earliest = Math.max(addYears(TODAY, -LOOKBACK_YEARS), pop.born[i] + 1);
    if (pop.marriedOn[i] !== NO_DAY) earliest = Math.max(earliest, pop.marriedOn[i] + 1);
    if (pop.youngestChildBorn[i] !== NO_DAY) earliest = Math.max(earliest, pop.youngestChildBorn[i] + 1);
    if (pop.head[h] === i) earliest = Math.max(earliest, pop.registered[h] + 1);
    const latest = TODAY - 1;
    if (earliest > latest) continue;
    const died = rng.int(earliest, latest);
    const registered = died + rng.int(0, Math.min(30, TODAY - died));
    pop.died[i] = died;
    const citizen = pop.citizens[i];
    citizen.dateOfDeath = toIso(died);
    book.add(
      {
        id: '',
        registrationNumber: '',
        deceasedId: citizen.id,
        dateOfDeath: citizen.dateOfDeath,
        unitCode: citizen.unitCode,
        registeredOn: toIso(registered),
      },
      registered,
    );
  }
  return book.close();
}
