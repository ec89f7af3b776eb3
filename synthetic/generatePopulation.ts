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
import { type Random, UniqueSerials, WeightedTable } from './random.ts';
import { RegistrationBook } from './registrationBook.ts';
import type { Birth, Citizen, Gender, Household, Marriage } from './types.ts';

/** "No date" in the day-number columns of Population. */
export const NO_DAY = -0x80000000;
/** "Nobody" in the person-number columns of Population. */
export const NOBODY = -1;

/**
 * The generated people and households plus the facts later stages need. Per-person and
 * per-household facts live in typed-array columns indexed by person / household number rather
 * than in one object per person: at 10^5+ people that is far less work for the garbage collector.
 * A household's members are consecutive person numbers.
 */
export interface Population {
  citizens: Citizen[];
  /** Per person: day numbers (days since 1970-01-01), NO_DAY when absent. */
  born: Int32Array;
  died: Int32Array;
  marriedOn: Int32Array;
  /** Birth day of the person's youngest child in the population (deaths must come after it). */
  youngestChildBorn: Int32Array;
  /** Per person: the spouse living in the same household (NOBODY if none) and the household. */
  spouse: Int32Array;
  householdOf: Int32Array;
  households: Household[];
  /** Per household: head, first member, number of members, registration day, unit. */
  head: Int32Array;
  firstMember: Int32Array;
  memberCount: Int32Array;
  registered: Int32Array;
  profiles: UnitProfile[];
  births: Birth[];
  marriages: Marriage[];
  /** Heads of the first households, built as young married couples to serve as demo citizens. */
  demoHeads: number[];
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
  readonly citizens: Citizen[] = [];
  readonly households: Household[] = [];
  readonly profiles: UnitProfile[] = [];
  readonly born: Int32Array;
  readonly marriedOn: Int32Array;
  readonly youngestChildBorn: Int32Array;
  readonly spouse: Int32Array;
  readonly householdOf: Int32Array;
  readonly head: Int32Array;
  readonly firstMember: Int32Array;
  readonly registered: Int32Array;

  /** Last six id digits, unique per prefix (province + century/gender + year). */
  private readonly serials: UniqueSerials;
  readonly birthBook = new RegistrationBook<Birth>('KS');
  readonly marriageBook = new RegistrationBook<Marriage>('KH');

  constructor(
    private readonly rng: Random,
    private readonly addresses: AddressBook,
    capacity: number, // the target population; households never outnumber people
  ) {
    this.serials = new UniqueSerials(rng, 6);
    this.born = new Int32Array(capacity);
    this.marriedOn = new Int32Array(capacity).fill(NO_DAY);
    this.youngestChildBorn = new Int32Array(capacity).fill(NO_DAY);
    this.spouse = new Int32Array(capacity).fill(NOBODY);
    this.householdOf = new Int32Array(capacity);
    this.head = new Int32Array(capacity);
    this.firstMember = new Int32Array(capacity);
    this.registered = new Int32Array(capacity);
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

  /** Starts a household; its members are the people created until closeHousehold(). */
  openHousehold(profile: UnitProfile): number {
    const h = this.households.length;
    this.households.push({
      id: `HK${PROVINCE_CODE}${String(h + 1).padStart(7, '0')}`,
      headId: '',
      unitCode: profile.unit.code,
      address: this.addresses.home(this.rng, profile),
      registeredOn: '',
    });
    this.profiles.push(profile);
    this.firstMember[h] = this.citizens.length;
    return h;
  }

  closeHousehold(h: number, head: number): void {
    this.head[h] = head;
    this.households[h].headId = this.citizens[head].id;
    const earliest = Math.max(addYears(this.born[head], 18) + 1, HOUSEHOLD_BOOKS_FROM);
    const registered = this.rng.int(Math.min(earliest, TODAY - 1), TODAY - 1);
    this.registered[h] = registered;
    this.households[h].registeredOn = toIso(registered);
  }

  /** Creates a person in household `h` and returns the person number. */
  person(h: number, gender: Gender, born: number, traits: FamilyTraits, father: number, mother: number): number {
    const i = this.citizens.length;
    const birthYear = yearOf(born);
    const pinProvince = this.pinProvince(born);
    const profile = this.profiles[h];
    const household = this.households[h];
    const citizen: Citizen = {
      id: this.uniqueId(pinProvince, gender, birthYear),
      fullName: makeFullName(this.rng, traits.familyName, gender, birthYear),
      gender,
      dateOfBirth: toIso(born),
      ethnicGroupCode: traits.ethnicGroupCode,
      religion: traits.religion,
      householdId: household.id,
      unitCode: profile.unit.code,
      address: household.address,
      fatherId: father === NOBODY ? null : this.citizens[father].id,
      motherId: mother === NOBODY ? null : this.citizens[mother].id,
      dateOfDeath: null,
    };
    this.citizens.push(citizen);
    this.born[i] = born;
    this.householdOf[i] = h;
    if (father !== NOBODY && this.youngestChildBorn[father] < born) this.youngestChildBorn[father] = born;
    if (mother !== NOBODY && this.youngestChildBorn[mother] < born) this.youngestChildBorn[mother] = born;
    // Everyone born since 1990 has an electronic birth record; older people only sometimes.
    if (born >= BIRTH_RECORD_ALWAYS_FROM || this.rng.chance(0.4)) {
      const registered = born + this.rng.int(0, Math.min(60, TODAY - born));
      this.birthBook.add(
        {
          id: '',
          registrationNumber: '',
          childId: citizen.id,
          fatherId: citizen.fatherId,
          motherId: citizen.motherId,
          placeOfBirth: placeOfBirth(this.rng, pinProvince, profile, born, birthYear),
          unitCode: profile.unit.code,
          registeredOn: toIso(registered),
        },
        registered,
      );
    }
    return i;
  }

  /** Registers the marriage of a couple living together, before their first child. */
  marry(husband: number, wife: number, firstChildBorn: number | null): void {
    const earliest = Math.max(addYears(this.born[husband], 20), addYears(this.born[wife], 18)) + 1;
    let latest = firstChildBorn !== null ? firstChildBorn - this.rng.int(200, 700) : earliest + this.rng.int(0, 12 * 365);
    latest = Math.min(latest, TODAY - 1);
    const day = latest <= earliest ? Math.min(earliest, TODAY - 1) : this.rng.int(earliest, latest);
    this.spouse[husband] = wife;
    this.spouse[wife] = husband;
    this.marriedOn[husband] = day;
    this.marriedOn[wife] = day;
    this.marriageBook.add(
      {
        id: '',
        registrationNumber: '',
        husbandId: this.citizens[husband].id,
        wifeId: this.citizens[wife].id,
        unitCode: this.citizens[husband].unitCode,
        registeredOn: toIso(day),
      },
      day,
    );
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
  addChildren(h: number, plan: number[], room: number, father: number, mother: number, traits: FamilyTraits): void {
    const atHome = plan.filter((b) => this.livesAtHome(b));
    const kept = atHome.slice(Math.max(0, atHome.length - room));
    for (const born of kept) {
      // Vietnam's sex ratio at birth is about 112 boys per 100 girls.
      const gender: Gender = this.rng.chance(0.53) ? 'male' : 'female';
      const childTraits = { ...traits, religion: this.rng.chance(0.95) ? traits.religion : null };
      this.person(h, gender, born, childTraits, father, mother);
    }
  }

  /** A married couple (husband = head) with the children who still live with them. */
  couple(profile: UnitProfile, room: number, husbandBorn: number, wifeBorn: number, wifeMayHead: boolean): number {
    const rng = this.rng;
    const h = this.openHousehold(profile);
    const traits = this.traits(profile);
    const husband = this.person(h, 'male', husbandBorn, traits, NOBODY, NOBODY);
    const wife = this.person(h, 'female', wifeBorn, this.inLawTraits(traits), NOBODY, NOBODY);
    const plan = this.planChildren(husbandBorn, wifeBorn);
    this.marry(husband, wife, plan.length > 0 ? plan[0] : null);
    this.addChildren(h, plan, room - 2, husband, wife, traits);
    // The husband usually heads the household book; in some families the wife does.
    const head = wifeMayHead && rng.chance(0.12) ? wife : husband;
    this.closeHousehold(h, head);
    return head;
  }
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
    b.couple(profile, room, husbandBorn, b.wifeBorn(husbandBorn), true);
    return;
  }
  const h = b.openHousehold(profile);
  const religion = b.householdReligion(profile);
  const lineage = b.traits(profile, religion);
  const grandfather = hasGrandfather ? b.person(h, 'male', grandfatherBorn, lineage, NOBODY, NOBODY) : NOBODY;
  const grandmotherTraits =
    grandfather !== NOBODY ? b.inLawTraits(lineage) : { ...b.traits(profile, religion), ethnicGroupCode: lineage.ethnicGroupCode };
  const grandmother = hasGrandmother ? b.person(h, 'female', grandmotherBorn, grandmotherTraits, NOBODY, NOBODY) : NOBODY;
  if (grandfather !== NOBODY && grandmother !== NOBODY) b.marry(grandfather, grandmother, husbandBorn);
  // Without the grandfather present the son still carries his (absent) father's family name.
  const husband = b.person(h, 'male', husbandBorn, lineage, grandfather, grandmother);
  const wifeBorn = b.wifeBorn(husbandBorn);
  const wife = b.person(h, 'female', wifeBorn, b.inLawTraits(lineage), NOBODY, NOBODY);
  const plan = b.planChildren(husbandBorn, wifeBorn);
  b.marry(husband, wife, plan.length > 0 ? plan[0] : null);
  const adults = 2 + (grandfather !== NOBODY ? 1 : 0) + (grandmother !== NOBODY ? 1 : 0);
  b.addChildren(h, plan, room - adults, husband, wife, lineage);
  const head = grandfather !== NOBODY && ageToday(grandfatherBorn) < 75 ? grandfather : husband;
  b.closeHousehold(h, head);
}

function buildSingle(b: PopulationBuilder, rng: Random, profile: UnitProfile): void {
  const h = b.openHousehold(profile);
  // Widowed elderly people (mostly women) and young people living alone for work.
  const elderly = rng.chance(0.6);
  const gender: Gender = elderly ? (rng.chance(0.75) ? 'female' : 'male') : rng.chance(0.55) ? 'male' : 'female';
  const born = b.bornAtAge((elderly ? ELDERLY_SINGLE_AGE : YOUNG_SINGLE_AGE).pick(rng));
  b.closeHousehold(h, b.person(h, gender, born, b.traits(profile), NOBODY, NOBODY));
}

function buildSingleParent(b: PopulationBuilder, rng: Random, profile: UnitProfile, room: number): void {
  const h = b.openHousehold(profile);
  const gender: Gender = rng.chance(0.8) ? 'female' : 'male';
  const traits = b.traits(profile);
  const parentBorn = b.bornAtAge(SINGLE_PARENT_AGE.pick(rng));
  const parent = b.person(h, gender, parentBorn, traits, NOBODY, NOBODY);
  const isMother = gender === 'female';
  const plan = isMother ? b.planChildren(null, parentBorn) : b.planChildren(parentBorn, null);
  // Children of a divorced or widowed mother usually carry their father's family name.
  const childTraits = isMother && rng.chance(0.6) ? { ...traits, familyName: pickFamilyName(rng) } : traits;
  b.addChildren(h, plan, room - 1, isMother ? NOBODY : parent, isMother ? parent : NOBODY, childTraits);
  b.closeHousehold(h, parent);
}

const DEMO_BORN_FROM = fromIso('1990-01-01');
const DEMO_HUSBAND_BORN_TO = fromIso('1996-12-31');
const DEMO_WIFE_BORN_TO = fromIso('1998-12-31');

export function generatePopulation(rng: Random, target: number, addresses: AddressBook): Population {
  const b = new PopulationBuilder(rng, addresses, target);
  const demoHeads: number[] = [];
  while (b.citizens.length < target) {
    const room = Math.min(MAX_HOUSEHOLD, target - b.citizens.length);
    const profile = UNIT_TABLE.pick(rng);
    if (b.households.length < DEMO_HOUSEHOLDS && room >= 2) {
      // Demo families: a couple born in the 1990s (so both have birth records), head = husband.
      const husbandBorn = rng.int(DEMO_BORN_FROM, DEMO_HUSBAND_BORN_TO);
      const wifeBorn = rng.int(Math.max(husbandBorn - 2 * 365, DEMO_BORN_FROM), Math.min(husbandBorn + 5 * 365, DEMO_WIFE_BORN_TO));
      demoHeads.push(b.couple(profile, room, husbandBorn, wifeBorn, false));
      continue;
    }
    let kind = HOUSEHOLD_KINDS.pick(rng);
    if (room === 1) kind = 'single';
    else if (room === 2 && kind === 'threeGenerations') kind = 'couple';
    switch (kind) {
      case 'couple': {
        const husbandBorn = b.bornAtAge(COUPLE_HUSBAND_AGE.pick(rng));
        b.couple(profile, room, husbandBorn, b.wifeBorn(husbandBorn), true);
        break;
      }
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
  const households = b.households.length;
  const memberCount = new Int32Array(households);
  for (let h = 0; h < households; h++) {
    memberCount[h] = (h + 1 < households ? b.firstMember[h + 1] : b.citizens.length) - b.firstMember[h];
  }
  return {
    citizens: b.citizens,
    born: b.born,
    died: new Int32Array(target).fill(NO_DAY),
    marriedOn: b.marriedOn,
    youngestChildBorn: b.youngestChildBorn,
    spouse: b.spouse,
    householdOf: b.householdOf,
    households: b.households,
    head: b.head.subarray(0, households),
    firstMember: b.firstMember.subarray(0, households),
    memberCount,
    registered: b.registered.subarray(0, households),
    profiles: b.profiles,
    births: b.birthBook.close(),
    marriages: b.marriageBook.close(),
    demoHeads,
  };
}
