// Street addresses, field locations and places of birth. Each unit gets a stable set of
// hamlets (communes) or streets (wards); house numbers increase along a street so that two
// households rarely share a number.

import type { UnitProfile } from './administrativeUnits.ts';
import { FORMER_UNITS } from './administrativeUnits.ts';
import { REFORM_DATE } from './dates.ts';
import { type Random, WeightedTable } from './random.ts';

const PROVINCE_SUFFIX = 'tỉnh Hưng Yên';

const HAMLETS = [
  'Đông', 'Đoài', 'Nam', 'Bắc', 'Thượng', 'Hạ', 'Trung', 'Đông Mai', 'Yên Phú', 'An Lạc', 'Phú Mỹ',
  'Tân Dân', 'Hòa Bình', 'Đồng Lạc', 'Cao Xá', 'Văn Nhuế', 'Xuân Đào', 'Nội Lễ', 'Ngọc Lịch',
  'Thiện Phiến', 'Đào Xá', 'Phương Đường', 'Lạc Thủy', 'Kim Ngưu', 'Thọ Bình', 'Vân Trường',
  'Hạ Đồng', 'Cổ Lễ', 'Thuận An', 'Bình An', 'Tiên Cầu', 'Hoàng Xá', 'Phù Sa', 'Đông Tảo',
  'La Tiến', 'Thanh Xá', 'Lương Xá', 'Mễ Xá', 'Phú Thị', 'Tử Dương',
];

const STREETS = [
  'Nguyễn Văn Linh', 'Điện Biên', 'Lê Lợi', 'Trần Hưng Đạo', 'Hai Bà Trưng', 'Quang Trung',
  'Nguyễn Thiện Thuật', 'Phạm Ngũ Lão', 'Bạch Đằng', 'Chu Mạnh Trinh', 'Tô Hiệu', 'Lê Quý Đôn',
  'Nguyễn Trãi', 'Lý Bôn', 'Lý Thường Kiệt', 'Trần Phú', 'Hoàng Hoa Thám', 'Nguyễn Du',
  'Lê Thánh Tông', 'Triệu Quang Phục', 'Nguyễn Lương Bằng', 'Hùng Vương', 'Lê Đại Hành',
  'Trần Thái Tông', 'Kỳ Đồng', 'Lý Thái Tổ', 'Đinh Tiên Hoàng', 'Võ Nguyên Giáp', 'Tôn Đức Thắng',
  'Nguyễn Văn Cừ', 'Bãi Sậy', 'Phố Hiến', 'Trần Quốc Toản', 'Nguyễn Tất Thành', 'Lê Văn Lương',
];

const FIELDS = [
  'Cửa Đình', 'Đồng Sau', 'Bãi Giữa', 'Ao Cá', 'Đồng Trước', 'Cầu Đá', 'Gò Cao', 'Đồng Cói',
  'Mả Tre', 'Đồng Dưới', 'Đồng Lớn', 'Bờ Sông', 'Ruộng Chùa', 'Đồng Chiêm', 'Ven Đê', 'Bãi Ngoài',
];

interface Locality {
  hamlets: string[];
  streets: string[];
  nextNumber: Map<string, number>;
}

function sample(rng: Random, pool: readonly string[], count: number): string[] {
  return rng.shuffle(pool.map((s) => s.normalize('NFC'))).slice(0, count);
}

export class AddressBook {
  private readonly localities = new Map<string, Locality>();
  private readonly fields = new Map<string, string>();

  constructor(rng: Random, profiles: readonly UnitProfile[]) {
    // Iterate the ordered profile list (never a Map/object) so the draws are reproducible.
    for (const profile of profiles) {
      this.localities.set(profile.unit.code, {
        hamlets: sample(rng, HAMLETS, rng.int(6, 10)),
        streets: sample(rng, STREETS, rng.int(6, 10)),
        nextNumber: new Map(),
      });
    }
  }

  private locality(profile: UnitProfile): Locality {
    const found = this.localities.get(profile.unit.code);
    if (!found) throw new Error(`no locality for unit ${profile.unit.code}`);
    return found;
  }

  private houseNumber(rng: Random, locality: Locality, key: string): number {
    const n = (locality.nextNumber.get(key) ?? 0) + rng.int(1, 4);
    locality.nextNumber.set(key, n);
    return n;
  }

  /** 'Số 12, thôn Đông, Xã …' in communes; 'Số 45 đường Nguyễn Văn Linh, Phường …' in wards. */
  home(rng: Random, profile: UnitProfile): string {
    const locality = this.locality(profile);
    const unitName = profile.unit.name;
    // Array.join builds one flat string; chained concatenation would keep a tree of pieces
    // alive for every household, which adds up at 10^5 households.
    if (profile.unit.kind === 'commune') {
      const hamlet = rng.pick(locality.hamlets);
      return ['Số ', this.houseNumber(rng, locality, hamlet), ', thôn ', hamlet, ', ', unitName, ', ', PROVINCE_SUFFIX].join('');
    }
    const street = rng.pick(locality.streets);
    if (rng.chance(0.2)) {
      const alley = rng.int(1, 30) * 2;
      const n = this.houseNumber(rng, locality, `${street}/${alley}`);
      return ['Số ', n, ' ngõ ', alley, ' đường ', street, ', ', unitName, ', ', PROVINCE_SUFFIX].join('');
    }
    return ['Số ', this.houseNumber(rng, locality, street), ' đường ', street, ', ', unitName, ', ', PROVINCE_SUFFIX].join('');
  }

  /** Agricultural land is located by field name rather than house number. */
  field(rng: Random, profile: UnitProfile): string {
    const name = rng.pick(FIELDS);
    const key = `${profile.unit.code}/${name}`;
    let address = this.fields.get(key);
    if (address === undefined) {
      address = `Xứ đồng ${name.normalize('NFC')}, ${profile.unit.name}, ${PROVINCE_SUFFIX}`;
      this.fields.set(key, address);
    }
    return address; // shared: there are only a few fields per unit
  }

  /** Manufacturers sit in the unit's industrial cluster, other firms on a street. */
  business(rng: Random, profile: UnitProfile, industrial: boolean): string {
    if (industrial) {
      const lot = `${rng.pick(['A', 'B', 'C', 'D'])}${rng.int(1, 40)}`;
      return `Lô ${lot}, Cụm công nghiệp ${profile.shortName}, ${profile.unit.name}, ${PROVINCE_SUFFIX}`;
    }
    return this.home(rng, profile);
  }
}

/** Provinces other than Hưng Yên/Thái Bình where residents' births were registered. */
export const OTHER_BIRTH_PROVINCES = new WeightedTable<string>([
  ['001', 35], ['030', 15], ['031', 12], ['027', 8], ['035', 8], ['036', 8], ['038', 6], ['079', 8],
]);

const HOSPITALS_RAW: Readonly<Record<string, readonly string[]>> = {
  '033': ['Bệnh viện Đa khoa tỉnh Hưng Yên', 'Bệnh viện Sản Nhi Hưng Yên', 'Bệnh viện Đa khoa Phố Nối'],
  '034': ['Bệnh viện Đa khoa tỉnh Thái Bình', 'Bệnh viện Phụ sản Thái Bình'],
  '001': ['Bệnh viện Phụ sản Hà Nội', 'Bệnh viện Phụ sản Trung ương'],
  '030': ['Bệnh viện Đa khoa tỉnh Hải Dương'],
  '031': ['Bệnh viện Phụ sản Hải Phòng'],
  '027': ['Bệnh viện Đa khoa tỉnh Bắc Ninh'],
  '035': ['Bệnh viện Đa khoa tỉnh Hà Nam'],
  '036': ['Bệnh viện Phụ sản Nam Định'],
  '038': ['Bệnh viện Phụ sản Thanh Hóa'],
  '079': ['Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh', 'Bệnh viện Hùng Vương, Thành phố Hồ Chí Minh'],
};

const HOSPITALS = new Map(Object.entries(HOSPITALS_RAW).map(([code, names]) => [code, names.map((n) => n.normalize('NFC'))]));

// Commune health stations, named as they were when the birth happened: before the reform
// after one of the former communes (with its district and old province), after it by the new unit.
const OLD_PROVINCE_NAMES: Readonly<Record<string, string>> = { '33': 'tỉnh Hưng Yên', '34': 'tỉnh Thái Bình' };
const formerClinics = new Map<string, string[]>();
for (const f of FORMER_UNITS) {
  const list = formerClinics.get(f.newCode) ?? [];
  list.push(`Trạm Y tế ${f.oldName}, ${f.oldDistrict}, ${OLD_PROVINCE_NAMES[f.oldProvinceCode]}`.normalize('NFC'));
  formerClinics.set(f.newCode, list);
}
const currentClinics = new Map<string, string>();

function clinic(rng: Random, profile: UnitProfile, born: number): string {
  const former = formerClinics.get(profile.unit.code);
  if (born < REFORM_DATE && former && former.length > 0) return rng.pick(former);
  let name = currentClinics.get(profile.unit.code);
  if (name === undefined) {
    name = `Trạm Y tế ${profile.unit.name}, ${PROVINCE_SUFFIX}`;
    currentClinics.set(profile.unit.code, name);
  }
  return name;
}

/** Where a person was born, consistent with the province that registered the birth. */
export function placeOfBirth(rng: Random, pinProvinceCode: string, profile: UnitProfile, born: number, birthYear: number): string {
  const hospitals = HOSPITALS.get(pinProvinceCode) ?? HOSPITALS.get('033')!;
  // A local clinic only if the unit lay in the province that registered the birth.
  const local =
    (pinProvinceCode === '033' && (profile.oldProvinceCode === '33' || born >= REFORM_DATE)) ||
    (pinProvinceCode === '034' && profile.oldProvinceCode === '34');
  // Home and commune-clinic births were the norm before the 1990s.
  const clinicShare = birthYear < 1975 ? 0.7 : birthYear < 1995 ? 0.4 : 0.1;
  if (local && rng.chance(clinicShare)) return clinic(rng, profile, born);
  return rng.pick(hospitals);
}
