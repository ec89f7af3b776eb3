// Vietnamese personal names: family name + middle name + given name, e.g. 'Nguyễn Văn Hùng'.
// Frequencies are approximate and tuned for a northern (Red River delta) province, where
// Hoàng and Vũ are common and their southern variants Huỳnh and Võ are rare.
// Every string is normalised to NFC so that equality and sorting behave predictably.

import { type Random, WeightedTable } from './random.ts';
import type { Gender } from './types.ts';

const nfc = (entries: readonly (readonly [string, number])[]): [string, number][] =>
  entries.map(([name, weight]) => [name.normalize('NFC'), weight]);

/** [family name, relative weight]; Nguyễn ends up at ~38% of the total. */
export const FAMILY_NAMES: readonly (readonly [string, number])[] = nfc([
  ['Nguyễn', 36.5], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4.5], ['Huỳnh', 0.4],
  ['Phan', 3.2], ['Vũ', 3.8], ['Võ', 0.4], ['Đặng', 2.1], ['Bùi', 2.0], ['Đỗ', 1.6], ['Hồ', 0.8],
  ['Ngô', 1.3], ['Dương', 1.0], ['Lý', 0.5], ['Đào', 0.9], ['Đoàn', 0.8], ['Đinh', 0.8],
  ['Trịnh', 0.7], ['Lương', 0.6], ['Mai', 0.5], ['Cao', 0.5], ['Tạ', 0.4], ['Hà', 0.5], ['Lưu', 0.4],
  ['Vương', 0.3], ['Chu', 0.3], ['Tô', 0.3], ['Phí', 0.2], ['Nghiêm', 0.2], ['Khúc', 0.15],
  ['Lại', 0.2], ['Quách', 0.15], ['Triệu', 0.2], ['Kiều', 0.15], ['Lâm', 0.2], ['Đồng', 0.15],
  ['Đàm', 0.15], ['Mạc', 0.1], ['Nhữ', 0.1], ['Tống', 0.15], ['Doãn', 0.1], ['Lã', 0.1],
  ['Phùng', 0.3], ['Trương', 0.4], ['Ninh', 0.1], ['Hứa', 0.1], ['Thái', 0.1], ['Văn', 0.1], ['Giang', 0.1],
]);

/**
 * Middle names with two weights: [name, weight for people born before ~1980, weight for people
 * born after ~2000]. Văn and Thị dominate older generations and are much rarer among the young.
 */
const MALE_MIDDLE: readonly (readonly [string, number, number])[] = [
  ['Văn', 60, 15], ['Hữu', 5, 3], ['Đức', 8, 10], ['Minh', 4, 15], ['Quang', 4, 7], ['Thanh', 3, 4],
  ['Xuân', 3, 2], ['Công', 4, 3], ['Đình', 5, 3], ['Ngọc', 2, 3], ['Mạnh', 2, 4], ['Tiến', 1, 2],
  ['Trọng', 2, 3], ['Anh', 0.5, 5], ['Duy', 0.5, 5], ['Gia', 0.2, 7], ['Hoàng', 1, 5], ['Quốc', 2, 5],
  ['Bảo', 0.2, 6], ['Việt', 1, 3], ['Thế', 2, 2], ['Khắc', 1.5, 1], ['Trung', 1, 2], ['Hải', 1, 3],
];
const FEMALE_MIDDLE: readonly (readonly [string, number, number])[] = [
  ['Thị', 75, 18], ['Ngọc', 4, 10], ['Thu', 4, 6], ['Thanh', 4, 6], ['Minh', 1, 8], ['Phương', 1, 5],
  ['Thùy', 2, 6], ['Hồng', 3, 3], ['Mai', 1, 3], ['Bảo', 0.2, 6], ['Khánh', 0.3, 5], ['Diệu', 0.2, 3],
  ['Kim', 2, 3], ['Hà', 0.5, 3], ['Lan', 1, 2], ['Hải', 0.5, 3], ['Tuyết', 1, 1], ['Huyền', 0.3, 2],
  ['Thảo', 0.3, 3], ['Quỳnh', 0.3, 3], ['Cẩm', 0.5, 1], ['Vân', 0.5, 2], ['Gia', 0.1, 4], ['An', 0.1, 3],
];

export const MALE_GIVEN_NAMES: readonly string[] = [
  'Hùng', 'Dũng', 'Tuấn', 'Minh', 'Hải', 'Nam', 'Long', 'Thắng', 'Cường', 'Hiếu', 'Trung', 'Quân',
  'Đức', 'Sơn', 'Phong', 'Tùng', 'Huy', 'Hoàng', 'Khánh', 'Kiên', 'Việt', 'Thành', 'Bình', 'Hưng',
  'Toàn', 'Tú', 'Vinh', 'Bảo', 'Khôi', 'Phúc', 'An', 'Đạt', 'Duy', 'Lâm', 'Nghĩa', 'Quang', 'Tâm',
  'Thịnh', 'Trí', 'Hòa', 'Tiến', 'Chiến', 'Mạnh', 'Thọ', 'Lợi', 'Hậu', 'Quý', 'Tài', 'Thái', 'Dương',
  'Hiệp', 'Lực', 'Khoa', 'Nguyên', 'Phát', 'Đăng', 'Hoan', 'Thuận', 'Công', 'Kiệt',
].map((n) => n.normalize('NFC'));

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Lan', 'Hoa', 'Hương', 'Hà', 'Linh', 'Mai', 'Ngọc', 'Trang', 'Thảo', 'Hằng', 'Huyền', 'Nhung',
  'Phương', 'Thủy', 'Yến', 'Hạnh', 'Loan', 'Dung', 'Nga', 'Oanh', 'Vân', 'Anh', 'Chi', 'Giang',
  'Hiền', 'Hồng', 'Liên', 'Ly', 'My', 'Nhi', 'Quyên', 'Tâm', 'Thu', 'Trâm', 'Uyên', 'Vy', 'Xuân',
  'Diệp', 'Hậu', 'Nhàn', 'Thơm', 'Huệ', 'Tuyết', 'Duyên', 'Thư', 'Ngân', 'Châu', 'Lụa', 'Hoài', 'Thắm',
].map((n) => n.normalize('NFC'));

/** Three eras: weights interpolated between the 'old' and 'young' columns; picks an index. */
function middleTables(source: readonly (readonly [string, number, number])[]): WeightedTable<number>[] {
  return [0, 0.5, 1].map((t) => new WeightedTable(source.map(([, old, young], i) => [i, old * (1 - t) + young * t] as const)));
}

const familyTable = new WeightedTable(FAMILY_NAMES);
const MIDDLE_NAMES = {
  male: MALE_MIDDLE.map(([name]) => name.normalize('NFC')),
  female: FEMALE_MIDDLE.map(([name]) => name.normalize('NFC')),
};
const middleByGender = { male: middleTables(MALE_MIDDLE), female: middleTables(FEMALE_MIDDLE) };
const GIVEN_NAMES = { male: MALE_GIVEN_NAMES, female: FEMALE_GIVEN_NAMES };

export function pickFamilyName(rng: Random): string {
  return familyTable.pick(rng);
}

function middleIndex(rng: Random, gender: Gender, birthYear: number): number {
  const era = birthYear < 1980 ? 0 : birthYear < 2000 ? 1 : 2;
  return middleByGender[gender][era].pick(rng);
}

// Full names repeat a lot (a few tens of thousands of combinations for hundreds of thousands
// of people); sharing one string per combination keeps large populations light on memory.
const familyIndex = new Map(FAMILY_NAMES.map(([name], i) => [name, i]));
/** fullNames[(family * 2 + gender) * 100 + middle][given]; small arrays, filled lazily. */
const fullNames: (string[] | undefined)[] = [];

/** 'Family Middle Given', avoiding a repeated syllable such as 'Minh Minh'. */
export function makeFullName(rng: Random, familyName: string, gender: Gender, birthYear: number): string {
  const middles = MIDDLE_NAMES[gender];
  const givens = GIVEN_NAMES[gender];
  const m = middleIndex(rng, gender, birthYear);
  let g = Math.floor(rng.next() * givens.length);
  while (givens[g] === middles[m]) g = Math.floor(rng.next() * givens.length);
  const f = familyIndex.get(familyName);
  if (f === undefined) return `${familyName} ${middles[m]} ${givens[g]}`; // not from our list: no caching
  const slot = (f * 2 + (gender === 'male' ? 0 : 1)) * 100 + m;
  let byGiven = fullNames[slot];
  if (byGiven === undefined) {
    byGiven = new Array<string>(givens.length).fill('');
    fullNames[slot] = byGiven;
  }
  let name = byGiven[g];
  if (name === '') {
    name = `${familyName} ${middles[m]} ${givens[g]}`;
    byGiven[g] = name;
  }
  return name;
}
