// Households and the people in them, with their birth and marriage records.
//
// Households are built as families rather than as independent individuals, so that the
// relationships hold by construction: parents are 19-44 years older than their children,
// children carry the father's family name, a wife keeps her own, every couple living together
// has one marriage registered after both reached the legal age (20 for men, 18 for women).

import type { UnitProfile } from './administrativeUnits.ts';
import { PROVINCE_CODE, UNIT_PROFILES } from './administrativeUnits.ts';
import { AddressBook, OTHER_BIRTH_PROVINCES, placeOfBirth } from './addresses.ts';
import { addYears, ageToday, fromIso, REFORM_DATE, toIso, TODAY, yearOf } from './dates.ts';
import { ETHNIC_MIX } from './ethnicGroups.ts';
import { makeFullName, pickFamilyName } from './names.ts';
import { makePersonalId } from './personalId.ts';
import { Random, UniqueSerials, WeightedTable } from './random.ts';
import { RegistrationBook } from './registrationBook.ts';
import type { Birth, Citizen, Gender, Household, Marriage } from './types.ts';

/** Working record of a person: the public Citizen plus day-number facts later stages need. */
export interface PersonDraft {
  citizen: Citizen;
  born: number;
  died: number | null;
  spouse: PersonDraft | null;
  marriedOn: number | null;
  /** Birth day of the person's youngest child in the population (deaths must come after it). */
  youngestChildBorn: number | null;
  household: HouseholdDraft;
}

export interface HouseholdDraft {
  household: Household;
  profile: UnitProfile;
  members: PersonDraft[];
  head: PersonDraft;
  registered: number;
}

export interface Population {
  people: PersonDraft[];
  households: HouseholdDraft[];
  births: Birth[];
  marriages: Marriage[];
  /** Heads of the first households, built as young married couples to serve as demo citizens. */
  demoHeads: PersonDraft[];
}

const MAX_HOUSEHOLD = 6;
const DEMO_HOUSEHOLDS = 4;
const BIRTH_RECORD_ALWAYS_FROM = fromIso('1990-01-01');
const HOUSEHOLD_BOOKS_FROM = fromIso('1990-01-01');

type HouseholdKind = 'couple' | 'threeGenerations' | 'single' | 'singleParent';

const HOUSEHOLD_KINDS = new WeightedTable<HouseholdKind>([
  ['couple', 60],
  ['threeGenerations', 20],
  ['single', 11],
  ['singleParent', 7],
]);

/** Spreads bucket weights ([fromAge, toAge, weight]) over single years of age. */
function ageTable(buckets: readonly (readonly [number, number, number])[]): WeightedTable<number> {
  const entries: [number, number][] = [];
  for (const [from, to, weight] of buckets) {
    for (let age = from; age <= to; age++) entries.push([age, weight / (to - from + 1)]);
  }
  return new WeightedTable(entries);
}

const COUPLE_HUSBAND_AGE = ageTable([
  [21, 24, 2], [25, 29, 6], [30, 34, 10], [35, 39, 12], [40, 44, 12], [45, 49, 11], [50, 54, 10],
  [55, 59, 9], [60, 64, 8], [65, 69, 6], [70, 74, 4.5], [75, 79, 3], [80, 84, 1.5], [85, 92, 0.5],
]);
const MIDDLE_HUSBAND_AGE = ageTable([[23, 27, 8], [28, 34, 12], [35, 41, 9], [42, 50, 4]]);
const ELDERLY_SINGLE_AGE = ageTable([[60, 69, 3], [70, 79, 4], [80, 89, 3], [90, 95, 1]]);
const YOUNG_SINGLE_AGE = ageTable([[19, 24, 2], [25, 29, 3], [30, 40, 3]]);
const SINGLE_PARENT_AGE = ageTable([[25, 34, 3], [35, 44, 4], [45, 55, 3]]);

/** Husband minus wife, in years. */
const SPOUSE_AGE_GAP = new WeightedTable<number>([
  [-3, 2], [-2, 4], [-1, 6], [0, 10], [1, 13], [2, 15], [3, 14], [4, 11], [5, 8], [6, 6], [7, 4],
  [8, 3], [9, 2], [10, 1.5], [12, 1],
]);

/** Children ever born, by the mother's generation (fertility fell from ~5 to ~2). */
const CHILDREN_BORN_BEFORE_1960 = new WeightedTable<number>([[1, 5], [2, 20], [3, 30], [4, 25], [5, 15], [6, 5]]);
const CHILDREN_BORN_1960_1979 = new WeightedTable<number>([[0, 3], [1, 12], [2, 45], [3, 30], [4, 10]]);
const CHILDREN_BORN_FROM_1980 = new WeightedTable<number>([[0, 5], [1, 22], [2, 50], [3, 20], [4, 3]]);

/** Province that registered the birth: mostly here, some in old Thái Bình, a few elsewhere. */
const PIN_ORIGIN = new WeightedTable<'033' | '034' | 'other'>([['033', 85], ['034', 10], ['other', 5]]);

const UNIT_TABLE = new WeightedTable(UNIT_PROFILES.map((p) => [p, p.populationWeight] as const));

interface FamilyTraits {
  familyName: string;
  ethnicGroupCode: string;
  religion: string | null;
}

class PopulationBuilder {
  readonly people: PersonDraft[] = [];
  readonly households: HouseholdDraft[] = [];

  /** Last six id digits, unique per prefix (province + century/gender + year). */
  private readonly serials: UniqueSerials;
  readonly birthBook = new RegistrationBook<Birth>('KS');
  readonly marriageBook = new RegistrationBook<Marriage>('KH');

  constructor(
    private readonly rng: Random,
    private readonly addresses: AddressBook,
  ) {
    this.serials = new UniqueSerials(rng, 6);
  }

  /** A random birth day for someone who is `age` full years old today. */
  bornAtAge(age: number): number {
    const earliest = addYears(TODAY, -(age + 1)) + 1;
    const latest = Math.min(addYears(TODAY, -age), TODAY - 1);
    return this.rng.int(earliest, latest);
  }

  private uniqueId(provinceCode: string, gender: Gender, birthYear: number): string {
    const prefix = Number(provinceCode) * 10_000 + (gender === 'female' ? 5000 : 0) + birthYear;
    return makePersonalId({ provinceCode, gender, birthYear, serial: this.serials.next(prefix) });
  }

  private pinProvince(born: number): string {
    // Thái Bình stopped existing as a registering province on 1 July 2025.
    if (born >= REFORM_DATE) return '033';
    const origin = PIN_ORIGIN.pick(this.rng);
    return origin === 'other' ? OTHER_BIRTH_PROVINCES.pick(this.rng) : origin;
  }

  householdReligion(profile: UnitProfile): string | null {
    const r = this.rng.next();
    if (r < profile.catholicShare) return 'Công giáo';
    if (r < profile.catholicShare + 0.09) return 'Phật giáo';
    if (r < profile.catholicShare + 0.092) return 'Tin lành';
    return null;
  }

  traits(profile: UnitProfile, religion?: string | null): FamilyTraits {
    return {
      familyName: pickFamilyName(this.rng),
      ethnicGroupCode: ETHNIC_MIX.pick(this.rng),
      religion: religion === undefined ? this.householdReligion(profile) : religion,
    };
  }

  /** Someone marrying into the family: own family name, usually the same ethnicity and faith. */
  inLawTraits(partner: FamilyTraits): FamilyTraits {
    return {
      familyName: pickFamilyName(this.rng),
      ethnicGroupCode: this.rng.chance(0.9) ? partner.ethnicGroupCode : ETHNIC_MIX.pick(this.rng),
      religion: this.rng.chance(0.85) ? partner.religion : null,
    };
  }

  openHousehold(profile: UnitProfile): HouseholdDraft {
    const id = `HK${PROVINCE_CODE}${String(this.households.length + 1).padStart(7, '0')}`;
    const draft: HouseholdDraft = {
      household: { id, headId: '', unitCode: profile.unit.code, address: this.addresses.home(this.rng, profile), registeredOn: '' },
      profile,
      members: [],
      head: undefined as unknown as PersonDraft, // set by closeHousehold
      registered: 0,
    };
    return draft;
  }

  closeHousehold(draft: HouseholdDraft, head: PersonDraft): void {
    draft.head = head;
    draft.household.headId = head.citizen.id;
    // Head first, then the others in the order they were created (older generations first).
    draft.members = [head, ...draft.members.filter((m) => m !== head)];
    const earliest = Math.max(addYears(head.born, 18) + 1, HOUSEHOLD_BOOKS_FROM);
    draft.registered = this.rng.int(Math.min(earliest, TODAY - 1), TODAY - 1);
    draft.household.registeredOn = toIso(draft.registered);
    this.households.push(draft);
    for (const member of draft.members) this.people.push(member);
  }

  person(
    household: HouseholdDraft,
    gender: Gender,
    born: number,
    traits: FamilyTraits,
    father: PersonDraft | null,
    mother: PersonDraft | null,
  ): PersonDraft {
    const birthYear = yearOf(born);
    const pinProvince = this.pinProvince(born);
    const profile = household.profile;
    const citizen: Citizen = {
      id: this.uniqueId(pinProvince, gender, birthYear),
      fullName: makeFullName(this.rng, traits.familyName, gender, birthYear),
      gender,
      dateOfBirth: toIso(born),
      ethnicGroupCode: traits.ethnicGroupCode,
      religion: traits.religion,
      householdId: household.household.id,
      unitCode: profile.unit.code,
      address: household.household.address,
      fatherId: father ? father.citizen.id : null,
      motherId: mother ? mother.citizen.id : null,
      dateOfDeath: null,
    };
    const draft: PersonDraft = { citizen, born, died: null, spouse: null, marriedOn: null, youngestChildBorn: null, household };
    if (father && (father.youngestChildBorn === null || father.youngestChildBorn < born)) father.youngestChildBorn = born;
    if (mother && (mother.youngestChildBorn === null || mother.youngestChildBorn < born)) mother.youngestChildBorn = born;
    household.members.push(draft);
    // Everyone born since 1990 has an electronic birth record; older people only sometimes.
    if (born >= BIRTH_RECORD_ALWAYS_FROM || this.rng.chance(0.4)) {
      const registered = born + this.rng.int(0, Math.min(60, TODAY - born));
      this.birthBook.add({
        id: '',
        registrationNumber: '',
        childId: citizen.id,
        fatherId: citizen.fatherId,
        motherId: citizen.motherId,
        placeOfBirth: placeOfBirth(this.rng, pinProvince, profile, born, birthYear),
        unitCode: profile.unit.code,
        registeredOn: toIso(registered),
      }, registered);
    }
    return draft;
  }

  /** Registers the marriage of a couple living in `household`, before their first child. */
  marry(husband: PersonDraft, wife: PersonDraft, firstChildBorn: number | null): void {
    const earliest = Math.max(addYears(husband.born, 20), addYears(wife.born, 18)) + 1;
    let latest = firstChildBorn !== null ? firstChildBorn - this.rng.int(200, 700) : earliest + this.rng.int(0, 12 * 365);
    latest = Math.min(latest, TODAY - 1);
    const day = latest <= earliest ? Math.min(earliest, TODAY - 1) : this.rng.int(earliest, latest);
    husband.spouse = wife;
    wife.spouse = husband;
    husband.marriedOn = day;
    wife.marriedOn = day;
    this.marriageBook.add({
      id: '',
      registrationNumber: '',
      husbandId: husband.citizen.id,
      wifeId: wife.citizen.id,
      unitCode: husband.household.profile.unit.code,
      registeredOn: toIso(day),
    }, day);
  }

  /** A wife for a husband born on `husbandBorn`, at least 19 today. */
  wifeBorn(husbandBorn: number): number {
    const husbandAge = ageToday(husbandBorn);
    const age = Math.min(95, Math.max(19, husbandAge - SPOUSE_AGE_GAP.pick(this.rng)));
    return this.bornAtAge(age);
  }

  /** Birth days of the children a couple had (not all of them still live at home). */
  planChildren(fatherBorn: number | null, motherBorn: number | null): number[] {
    const parentBorn = motherBorn ?? fatherBorn;
    if (parentBorn === null) return [];
    const generation = yearOf(motherBorn ?? addYears(parentBorn, 3));
    const table = generation < 1960 ? CHILDREN_BORN_BEFORE_1960 : generation < 1980 ? CHILDREN_BORN_1960_1979 : CHILDREN_BORN_FROM_1980;
    const wanted = table.pick(this.rng);
    // Each parent must be between 19 (mother) / 21 (father) and 42 / 44 years older than the child.
    let earliest = -Infinity;
    let latest = TODAY - 1;
    if (motherBorn !== null) {
      earliest = Math.max(earliest, addYears(motherBorn, 19));
      latest = Math.min(latest, addYears(motherBorn, 42));
    }
    if (fatherBorn !== null) {
      earliest = Math.max(earliest, addYears(fatherBorn, 21));
      latest = Math.min(latest, addYears(fatherBorn, 44));
    }
    const born: number[] = [];
    let next = Math.max(earliest, addYears(parentBorn, this.rng.int(21, 28)) + this.rng.int(0, 364));
    while (born.length < wanted && next <= latest) {
      born.push(next);
      next += this.rng.int(450, 2500);
    }
    return born;
  }

  /** Whether a child of this age still lives with the parents. */
  livesAtHome(born: number): boolean {
    const age = ageToday(born);
    const p = age < 18 ? 1 : age < 23 ? 0.75 : age < 28 ? 0.35 : age < 35 ? 0.15 : 0.04;
    return this.rng.chance(p);
  }

  /** Adds the children who live at home (youngest kept when space runs out). */
  addChildren(
    household: HouseholdDraft,
    plan: number[],
    room: number,
    father: PersonDraft | null,
    mother: PersonDraft | null,
    traits: FamilyTraits,
  ): void {
    const atHome = plan.filter((b) => this.livesAtHome(b));
    const kept = atHome.slice(Math.max(0, atHome.length - room));
    for (const born of kept) {
      // Vietnam's sex ratio at birth is about 112 boys per 100 girls.
      const gender: Gender = this.rng.chance(0.53) ? 'male' : 'female';
      const childTraits = { ...traits, religion: this.rng.chance(0.95) ? traits.religion : null };
      this.person(household, gender, born, childTraits, father, mother);
    }
  }
}

function buildCouple(b: PopulationBuilder, rng: Random, profile: UnitProfile, room: number, husbandBorn: number): void {
  const household = b.openHousehold(profile);
  const traits = b.traits(profile);
  const husband = b.person(household, 'male', husbandBorn, traits, null, null);
  const wife = b.person(household, 'female', b.wifeBorn(husbandBorn), b.inLawTraits(traits), null, null);
  const plan = b.planChildren(husband.born, wife.born);
  b.marry(husband, wife, plan.length > 0 ? plan[0] : null);
  b.addChildren(household, plan, room - 2, husband, wife, traits);
  // The husband usually heads the household book; in some families the wife does.
  b.closeHousehold(household, rng.chance(0.12) ? wife : husband);
}

function buildThreeGenerations(b: PopulationBuilder, rng: Random, profile: UnitProfile, room: number): void {
  const husbandBorn = b.bornAtAge(MIDDLE_HUSBAND_AGE.pick(rng));
  // The husband's parents: his mother was 20-38 when he was born, his father usually older.
  const grandmotherBorn = addYears(husbandBorn, -rng.int(20, 38)) - rng.int(0, 364);
  const grandfatherBorn = addYears(grandmotherBorn, -SPOUSE_AGE_GAP.pick(rng)) + rng.int(-180, 180);
  const stillHere = (born: number, byAge: readonly number[]): boolean => {
    const age = ageToday(born);
    if (age > 95) return false;
    return rng.chance(age < 70 ? byAge[0] : age < 80 ? byAge[1] : age < 90 ? byAge[2] : byAge[3]);
  };
  const fatherFits = husbandBorn >= addYears(grandfatherBorn, 21) && husbandBorn <= addYears(grandfatherBorn, 44);
  const hasGrandfather = fatherFits && stillHere(grandfatherBorn, [0.8, 0.6, 0.4, 0.1]);
  const hasGrandmother = stillHere(grandmotherBorn, [0.85, 0.75, 0.55, 0.25]);
  if ((!hasGrandfather && !hasGrandmother) || room < 3 + (hasGrandfather && hasGrandmother ? 1 : 0)) {
    buildCouple(b, rng, profile, room, husbandBorn);
    return;
  }
  const household = b.openHousehold(profile);
  const religion = b.householdReligion(profile);
  const lineage = b.traits(profile, religion);
  const grandfather = hasGrandfather ? b.person(household, 'male', grandfatherBorn, lineage, null, null) : null;
  const grandmotherTraits = grandfather ? b.inLawTraits(lineage) : { ...b.traits(profile, religion), ethnicGroupCode: lineage.ethnicGroupCode };
  const grandmother = hasGrandmother ? b.person(household, 'female', grandmotherBorn, grandmotherTraits, null, null) : null;
  if (grandfather && grandmother) b.marry(grandfather, grandmother, husbandBorn);
  // Without the grandfather present the son still carries his (absent) father's family name.
  const husband = b.person(household, 'male', husbandBorn, lineage, grandfather, grandmother);
  const wife = b.person(household, 'female', b.wifeBorn(husbandBorn), b.inLawTraits(lineage), null, null);
  const plan = b.planChildren(husband.born, wife.born);
  b.marry(husband, wife, plan.length > 0 ? plan[0] : null);
  const adults = 2 + (grandfather ? 1 : 0) + (grandmother ? 1 : 0);
  b.addChildren(household, plan, room - adults, husband, wife, lineage);
  const head = grandfather && ageToday(grandfather.born) < 75 ? grandfather : husband;
  b.closeHousehold(household, head);
}

function buildSingle(b: PopulationBuilder, rng: Random, profile: UnitProfile): void {
  const household = b.openHousehold(profile);
  // Widowed elderly people (mostly women) and young people living alone for work.
  const elderly = rng.chance(0.6);
  const gender: Gender = elderly ? (rng.chance(0.75) ? 'female' : 'male') : rng.chance(0.55) ? 'male' : 'female';
  const born = b.bornAtAge((elderly ? ELDERLY_SINGLE_AGE : YOUNG_SINGLE_AGE).pick(rng));
  const person = b.person(household, gender, born, b.traits(profile), null, null);
  b.closeHousehold(household, person);
}

function buildSingleParent(b: PopulationBuilder, rng: Random, profile: UnitProfile, room: number): void {
  const household = b.openHousehold(profile);
  const gender: Gender = rng.chance(0.8) ? 'female' : 'male';
  const traits = b.traits(profile);
  const parent = b.person(household, gender, b.bornAtAge(SINGLE_PARENT_AGE.pick(rng)), traits, null, null);
  const isMother = gender === 'female';
  const plan = isMother ? b.planChildren(null, parent.born) : b.planChildren(parent.born, null);
  // Children of a divorced or widowed mother usually carry their father's family name.
  const childTraits = isMother && rng.chance(0.6) ? { ...traits, familyName: pickFamilyName(rng) } : traits;
  b.addChildren(household, plan, room - 1, isMother ? null : parent, isMother ? parent : null, childTraits);
  b.closeHousehold(household, parent);
}

export function generatePopulation(rng: Random, target: number, addresses: AddressBook): Population {
  const b = new PopulationBuilder(rng, addresses);
  const demoHeads: PersonDraft[] = [];
  while (b.people.length < target) {
    const room = Math.min(MAX_HOUSEHOLD, target - b.people.length);
    const profile = UNIT_TABLE.pick(rng);
    if (b.households.length < DEMO_HOUSEHOLDS && room >= 2) {
      // Demo families: a couple born in the 1990s (so both have birth records), head = husband.
      const before = b.households.length;
      const husbandBorn = rng.int(fromIso('1990-01-01'), fromIso('1996-12-31'));
      const household = b.openHousehold(profile);
      const traits = b.traits(profile);
      const husband = b.person(household, 'male', husbandBorn, traits, null, null);
      const wifeBorn = rng.int(Math.max(husbandBorn - 2 * 365, fromIso('1990-01-01')), Math.min(husbandBorn + 5 * 365, fromIso('1998-12-31')));
      const wife = b.person(household, 'female', wifeBorn, b.inLawTraits(traits), null, null);
      const plan = b.planChildren(husband.born, wife.born);
      b.marry(husband, wife, plan.length > 0 ? plan[0] : null);
      b.addChildren(household, plan, room - 2, husband, wife, traits);
      b.closeHousehold(household, husband);
      if (b.households.length > before) demoHeads.push(husband);
      continue;
    }
    let kind = HOUSEHOLD_KINDS.pick(rng);
    if (room === 1) kind = 'single';
    else if (room === 2 && kind === 'threeGenerations') kind = 'couple';
    switch (kind) {
      case 'couple':
        buildCouple(b, rng, profile, room, b.bornAtAge(COUPLE_HUSBAND_AGE.pick(rng)));
        break;
      case 'threeGenerations':
        buildThreeGenerations(b, rng, profile, room);
        break;
      case 'single':
        buildSingle(b, rng, profile);
        break;
      case 'singleParent':
        buildSingleParent(b, rng, profile, room);
        break;
    }
  }
  return { people: b.people, households: b.households, births: b.birthBook.close(), marriages: b.marriageBook.close(), demoHeads };
}
