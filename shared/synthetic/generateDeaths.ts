// Deaths: about 0.6% of the population, mostly the elderly, all within the last six years.
// Constraints that keep the records coherent: nobody dies before their marriage, before their
// youngest child was born, or (as a head) before the household was registered; heads of
// households with minors and the demo citizens never die.

import { addYears, ageToday, toIso, TODAY } from './dates.ts';
import type { PersonDraft, Population } from './generatePopulation.ts';
import { Random } from './random.ts';
import { RegistrationBook } from './registrationBook.ts';
import type { Death } from './types.ts';

const DEATH_RATE = 0.006;
const LOOKBACK_YEARS = 6;

// Mortality roughly doubles every 6-7 years of age past 60 (x1.1175 a year, i.e. e^(1/9)).
// Built by multiplication rather than Math.exp, whose last bits may differ between engines.
const ELDERLY_WEIGHT: number[] = [1];
for (let age = 61; age <= 130; age++) ELDERLY_WEIGHT.push(ELDERLY_WEIGHT[ELDERLY_WEIGHT.length - 1] * 1.1175);

function hasLivingMinor(person: PersonDraft): boolean {
  return person.household.members.some((m) => ageToday(m.born) < 18);
}

/** Relative chance of being among the deceased; 0 when the person must stay alive. */
function mortalityWeight(person: PersonDraft, protectedPeople: ReadonlySet<PersonDraft>): number {
  if (protectedPeople.has(person)) return 0;
  if (person.household.head === person && hasLivingMinor(person)) return 0;
  const age = ageToday(person.born);
  if (age >= 60) return ELDERLY_WEIGHT[Math.min(age - 60, ELDERLY_WEIGHT.length - 1)];
  // Young adults without a spouse or children (accidents, illness); children are left out.
  if (age >= 18 && person.spouse === null && person.youngestChildBorn === null) return 0.05;
  return 0;
}

export function generateDeaths(rng: Random, population: Population): Death[] {
  const protectedPeople = new Set(population.demoHeads.flatMap((h) => (h.spouse ? [h, h.spouse] : [h])));
  const candidates: PersonDraft[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const person of population.people) {
    const w = mortalityWeight(person, protectedPeople);
    if (w <= 0) continue;
    total += w;
    candidates.push(person);
    cumulative.push(total);
  }
  const target = Math.min(Math.round(population.people.length * DEATH_RATE), candidates.length);
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
    chosen.add(lo);
  }

  const book = new RegistrationBook<Death>('KT');
  // Process in population order (sorted indices) so record numbering follows a stable order.
  for (const index of [...chosen].sort((a, b) => a - b)) {
    const person = candidates[index];
    let earliest = Math.max(addYears(TODAY, -LOOKBACK_YEARS), person.born + 1);
    if (person.marriedOn !== null) earliest = Math.max(earliest, person.marriedOn + 1);
    if (person.youngestChildBorn !== null) earliest = Math.max(earliest, person.youngestChildBorn + 1);
    if (person.household.head === person) earliest = Math.max(earliest, person.household.registered + 1);
    const latest = TODAY - 1;
    if (earliest > latest) continue;
    const died = rng.int(earliest, latest);
    const registered = died + rng.int(0, Math.min(30, TODAY - died));
    person.died = died;
    person.citizen.dateOfDeath = toIso(died);
    book.add({
      id: '',
      registrationNumber: '',
      deceasedId: person.citizen.id,
      dateOfDeath: toIso(died),
      unitCode: person.household.profile.unit.code,
      registeredOn: toIso(registered),
    }, registered);
  }
  return book.close();
}

