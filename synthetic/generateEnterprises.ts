// Enterprises registered in the province, about one per 60 residents. Each has a living adult
// legal representative and was registered after that person turned 18; the demo citizens
// represent the first few (active) enterprises.

import type { UnitProfile } from './administrativeUnits.ts';
import { UNIT_PROFILES } from './administrativeUnits.ts';
import type { AddressBook } from './addresses.ts';
import { addYears, ageToday, fromIso, toIso, TODAY } from './dates.ts';
import { NO_DAY, type Population } from './generatePopulation.ts';
import { type Random, UniqueSerials, WeightedTable } from './random.ts';
import type { Enterprise } from './types.ts';

export interface EnterpriseDraft {
  enterprise: Enterprise;
  registered: number;
  profile: UnitProfile;
  /** Manufacturers get production land (SKC) and sit in an industrial cluster. */
  industrial: boolean;
}

const CITIZENS_PER_ENTERPRISE = 60;
const MIN_ENTERPRISES = 20;
// The Enterprise Law 1999 (in force 2000) is where the current registration history starts.
const REGISTRY_START = fromIso('2000-01-01');

type Kind = 'TNHH1' | 'TNHH2' | 'CP' | 'DNTN' | 'HD';
const KINDS = new WeightedTable<Kind>([['TNHH1', 45], ['TNHH2', 20], ['CP', 20], ['DNTN', 12], ['HD', 0.5]]);
const KIND_NAMES: Readonly<Record<Kind, string>> = {
  TNHH1: 'Công ty TNHH một thành viên',
  TNHH2: 'Công ty TNHH hai thành viên trở lên',
  CP: 'Công ty cổ phần',
  DNTN: 'Doanh nghiệp tư nhân',
  HD: 'Công ty hợp danh',
};
const NAME_PREFIX: Readonly<Record<Kind, string>> = {
  TNHH1: 'Công ty TNHH',
  TNHH2: 'Công ty TNHH',
  CP: 'Công ty cổ phần',
  DNTN: 'Doanh nghiệp tư nhân',
  HD: 'Công ty hợp danh',
};

// The word the name carries, whether the firm manufactures, and its VSIC 2018 section (level-1 code of
// the Vietnamese standard industrial classification, QĐ 27/2018/QĐ-TTg): the register's `sector`.
const SECTORS = new WeightedTable<readonly [string, boolean, string]>([
  [['Thương mại', false, 'G'], 18], [['Thương mại và Dịch vụ', false, 'G'], 14], [['Xây dựng', false, 'F'], 10],
  [['Đầu tư và Xây dựng', false, 'F'], 5], [['Sản xuất và Thương mại', true, 'C'], 8], [['Vận tải', false, 'H'], 6],
  [['Nông nghiệp', false, 'A'], 4], [['May mặc', true, 'C'], 5], [['Cơ khí', true, 'C'], 5], [['Thực phẩm', true, 'C'], 4],
  [['Công nghệ', false, 'J'], 4], [['Điện tử', true, 'C'], 3], [['Vật liệu xây dựng', true, 'C'], 4], [['Dịch vụ', false, 'N'], 5],
  [['Du lịch', false, 'I'], 2], [['Dược phẩm', false, 'G'], 1], [['Nội thất', true, 'C'], 3], [['Môi trường', false, 'E'], 1],
]);

// Brand names are two auspicious syllables, e.g. 'Minh Phát', 'Hưng Thịnh'.
const BRAND_FIRST = [
  'Minh', 'Hưng', 'An', 'Phú', 'Thành', 'Hoàng', 'Việt', 'Đại', 'Tân', 'Hải', 'Phúc', 'Bình', 'Hồng',
  'Kim', 'Nam', 'Đức', 'Tiến', 'Thịnh', 'Quang', 'Gia', 'Toàn', 'Hòa', 'Ngọc', 'Vạn', 'Long', 'Trường',
  'Sơn', 'Thái', 'Lộc', 'Khang',
];
const BRAND_SECOND = [
  'Phát', 'Thịnh', 'Phú', 'Cường', 'Đạt', 'Long', 'Tiến', 'Lộc', 'Minh', 'Hưng', 'Thành', 'An', 'Khang',
  'Việt', 'Hà', 'Sơn', 'Hải', 'Anh', 'Gia', 'Tín',
];

/** Charter capital in VND; sole proprietorships are smaller, joint-stock companies larger. */
const CAPITAL_STEPS = [100e6, 200e6, 500e6, 1e9, 2e9, 3e9, 5e9, 10e9, 20e9, 50e9, 100e9];
const CAPITAL_WEIGHTS: Readonly<Record<Kind, readonly number[]>> = {
  TNHH1: [4, 8, 14, 20, 16, 10, 12, 8, 4, 2, 0.5],
  TNHH2: [2, 5, 12, 20, 18, 12, 14, 10, 5, 2, 0.5],
  CP: [0, 1, 4, 10, 14, 12, 18, 18, 12, 8, 3],
  DNTN: [15, 20, 25, 20, 10, 5, 4, 1, 0, 0, 0],
  HD: [5, 10, 20, 30, 20, 10, 5, 0, 0, 0, 0],
};
const CAPITAL_TABLES = Object.fromEntries(
  (Object.keys(CAPITAL_WEIGHTS) as Kind[]).map((k) => [k, new WeightedTable(CAPITAL_STEPS.map((c, i) => [c, CAPITAL_WEIGHTS[k][i]] as const))]),
) as Record<Kind, WeightedTable<number>>;

function eligibleRepresentative(pop: Population, i: number): boolean {
  if (pop.died[i] !== NO_DAY) return false;
  const age = ageToday(pop.born[i]);
  return age >= 20 && age <= 70;
}

class EnterpriseFactory {
  private readonly serials: UniqueSerials;
  private readonly usedNames = new Set<string>();

  constructor(
    private readonly rng: Random,
    private readonly addresses: AddressBook,
    private readonly pop: Population,
  ) {
    this.serials = new UniqueSerials(rng, 6);
  }

  /** 10-digit enterprise code = tax code; Hưng Yên codes start 0900, old Thái Bình ones 1000. */
  private code(profile: UnitProfile): string {
    const prefix = profile.oldProvinceCode === '33' ? '0900' : '1000';
    return `${prefix}${String(this.serials.next(Number(prefix))).padStart(6, '0')}`;
  }

  private name(kind: Kind, sector: string, profile: UnitProfile): string {
    let name = '';
    for (let attempt = 0; attempt < 8; attempt++) {
      const first = this.rng.pick(BRAND_FIRST);
      let second = this.rng.pick(BRAND_SECOND);
      while (second === first) second = this.rng.pick(BRAND_SECOND);
      const brand = `${first} ${second}`;
      name = kind === 'DNTN' && this.rng.chance(0.5) ? `${NAME_PREFIX[kind]} ${brand}` : `${NAME_PREFIX[kind]} ${sector} ${brand}`;
      if (!this.usedNames.has(name)) break;
    }
    // Real registries resolve clashes by adding the place name or a number.
    if (this.usedNames.has(name)) name = `${name} ${profile.shortName}`;
    for (let n = 2; this.usedNames.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
    this.usedNames.add(name);
    return name.normalize('NFC');
  }

  make(representative: number, forceActive: boolean): EnterpriseDraft {
    const rng = this.rng;
    const pop = this.pop;
    const kind = KINDS.pick(rng);
    const [sector, industrial, vsicSection] = SECTORS.pick(rng);
    // Most firms register where their owner lives; some in another unit's industrial area.
    const profile = rng.chance(0.75) ? pop.profiles[pop.householdOf[representative]] : rng.pick(UNIT_PROFILES);
    const earliest = Math.max(addYears(pop.born[representative], 18) + 1, REGISTRY_START);
    const latest = TODAY - 1;
    // sqrt skews registrations towards recent years, as the number of firms keeps growing.
    const registered = earliest + Math.floor((latest - earliest) * Math.sqrt(rng.next()));
    const yearsOld = (TODAY - registered) / 365.25;
    let status: Enterprise['status'] = 'active';
    if (!forceActive) {
      const r = rng.next();
      if (r < Math.min(0.25, 0.015 * yearsOld)) status = 'dissolved';
      else if (r < Math.min(0.25, 0.015 * yearsOld) + 0.06) status = 'suspended';
    }
    const enterprise: Enterprise = {
      code: this.code(profile),
      name: this.name(kind, sector, profile),
      kind: KIND_NAMES[kind],
      registeredOn: toIso(registered),
      status,
      unitCode: profile.unit.code,
      address: this.addresses.business(rng, profile, industrial),
      legalRepresentativeId: pop.citizens[representative].id,
      charterCapital: CAPITAL_TABLES[kind].pick(rng),
      sector: vsicSection,
    };
    return { enterprise, registered, profile, industrial };
  }
}

export function generateEnterprises(rng: Random, pop: Population, addresses: AddressBook): EnterpriseDraft[] {
  const eligible: number[] = [];
  for (let i = 0; i < pop.citizens.length; i++) if (eligibleRepresentative(pop, i)) eligible.push(i);
  if (eligible.length === 0) return [];
  const count = Math.max(MIN_ENTERPRISES, Math.round(pop.citizens.length / CITIZENS_PER_ENTERPRISE));
  const factory = new EnterpriseFactory(rng, addresses, pop);
  const drafts: EnterpriseDraft[] = [];
  const representatives = new Set<number>();
  for (const head of pop.demoHeads) {
    if (drafts.length >= count) break;
    representatives.add(head);
    drafts.push(factory.make(head, true));
  }
  while (drafts.length < count) {
    // Prefer people who do not yet represent a firm; a few represent two (tiny populations).
    let rep = rng.pick(eligible);
    for (let attempt = 0; attempt < 5 && representatives.has(rep); attempt++) rep = rng.pick(eligible);
    representatives.add(rep);
    drafts.push(factory.make(rep, false));
  }
  return drafts;
}
