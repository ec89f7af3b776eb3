// Families of the seeded province as the population register records them, for the tests of a parent
// acting for a child: a living father with a living minor child and a living grown-up child.
import type { Province } from '../../synthetic/index.ts';

const ADULT_AGE_MS = 18 * 365.25 * 24 * 3600 * 1000;

export function familyWithMinorAndAdult(province: Province): { parent: string; minor: string; adult: string } {
  const living = new Map(province.citizens.filter((person) => !person.dateOfDeath).map((person) => [person.id, person]));
  const families = new Map<string, { minors: string[]; adults: string[] }>();
  for (const person of living.values()) {
    if (!person.fatherId || !living.has(person.fatherId)) continue;
    const family = families.get(person.fatherId) ?? { minors: [], adults: [] };
    (new Date(person.dateOfBirth) <= new Date(Date.now() - ADULT_AGE_MS) ? family.adults : family.minors).push(person.id);
    families.set(person.fatherId, family);
  }
  const [parent, family] = [...families].find(([, candidate]) => candidate.minors.length > 0 && candidate.adults.length > 0)!;
  return { parent, minor: family.minors[0], adult: family.adults[0] };
}
