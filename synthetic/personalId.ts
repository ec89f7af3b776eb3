// 12-digit personal identification numbers (số định danh cá nhân / CCCD), structure per
// Thông tư 59/2021/TT-BCA:
//   PPP  code of the province where the birth was registered (pre-2025 numbering, e.g. 033)
//   G    century and gender: 0/1 = male/female born 1900-1999, 2/3 = 2000-2099, ... up to 8/9
//   YY   last two digits of the birth year
//   NNNNNN random serial
// The serial is passed in (the generator draws it) so that this module stays pure.

import type { Gender } from './types.ts';

/** Birth-registration codes of the 63 pre-2025 provinces (the merged provinces kept one of them). */
export const PIN_PROVINCE_CODES: ReadonlySet<string> = new Set([
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022',
  '024', '025', '026', '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042',
  '044', '045', '046', '048', '049', '051', '052', '054', '056', '058', '060', '062', '064', '066',
  '067', '068', '070', '072', '074', '075', '077', '079', '080', '082', '083', '084', '086', '087',
  '089', '091', '092', '093', '094', '095', '096',
]);

export interface PersonalIdParts {
  provinceCode: string;
  gender: Gender;
  birthYear: number;
}

export interface PersonalIdInput extends PersonalIdParts {
  /** 0..999999, the last six digits. */
  serial: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2399; // digit 8/9 covers 2300-2399

export function makePersonalId({ provinceCode, gender, birthYear, serial }: PersonalIdInput): string {
  if (!PIN_PROVINCE_CODES.has(provinceCode)) throw new RangeError(`unknown province code ${provinceCode}`);
  if (!Number.isInteger(birthYear) || birthYear < MIN_YEAR || birthYear > MAX_YEAR) {
    throw new RangeError(`birth year out of range: ${birthYear}`);
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 999_999) throw new RangeError(`serial out of range: ${serial}`);
  const century = Math.floor((birthYear - MIN_YEAR) / 100);
  const centuryGender = century * 2 + (gender === 'female' ? 1 : 0);
  const yy = birthYear % 100;
  return `${provinceCode}${centuryGender}${yy < 10 ? '0' : ''}${yy}${String(serial).padStart(6, '0')}`;
}

/** Structural validation and decoding; returns null for anything that is not a well-formed id. */
export function parsePersonalId(id: string): PersonalIdParts | null {
  if (typeof id !== 'string' || !/^\d{12}$/.test(id)) return null;
  const provinceCode = id.slice(0, 3);
  if (!PIN_PROVINCE_CODES.has(provinceCode)) return null;
  const centuryGender = id.charCodeAt(3) - 48;
  const yy = Number(id.slice(4, 6));
  return {
    provinceCode,
    gender: centuryGender % 2 === 0 ? 'male' : 'female',
    birthYear: MIN_YEAR + Math.floor(centuryGender / 2) * 100 + yy,
  };
}
