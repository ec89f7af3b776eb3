// The 54 ethnic groups of Vietnam with their codes in the order of the General Statistics
// Office classification (Quyết định 121-TCTK/PPCĐ, 1979), spelled as in GSO publications.

import { WeightedTable } from './random.ts';
import type { EthnicGroup } from './types.ts';

const NAMES = [
  'Kinh', 'Tày', 'Thái', 'Hoa', 'Khơ-me', 'Mường', 'Nùng', 'HMông', 'Dao', 'Gia-rai',
  'Ngái', 'Ê-đê', 'Ba-na', 'Xơ-Đăng', 'Sán Chay', 'Cơ-ho', 'Chăm', 'Sán Dìu', 'Hrê', 'Mnông',
  'Ra-glai', 'Xtiêng', 'Bru-Vân Kiều', 'Thổ', 'Giáy', 'Cơ-tu', 'Gié-Triêng', 'Mạ', 'Khơ-mú', 'Co',
  'Tà-ôi', 'Chơ-ro', 'Kháng', 'Xinh-mun', 'Hà Nhì', 'Chu-ru', 'Lào', 'La Chí', 'La Ha', 'Phù Lá',
  'La Hủ', 'Lự', 'Lô Lô', 'Chứt', 'Mảng', 'Pà Thẻn', 'Co Lao', 'Cống', 'Bố Y', 'Si La',
  'Pu Péo', 'Brâu', 'Ơ-đu', 'Rơ-măm',
];

export const ETHNIC_GROUPS: readonly EthnicGroup[] = NAMES.map((name, i) => ({
  code: String(i + 1).padStart(2, '0'),
  name: name.normalize('NFC'),
}));

/**
 * Ethnic mix of a Red River delta province: ~98.5% Kinh, the rest mostly northern
 * mountain groups who moved for work or marriage, plus a small Hoa community.
 */
export const ETHNIC_MIX = new WeightedTable<string>([
  ['01', 98.5], // Kinh
  ['06', 0.4], // Mường
  ['02', 0.3], // Tày
  ['07', 0.2], // Nùng
  ['03', 0.15], // Thái
  ['04', 0.15], // Hoa
  ['09', 0.1], // Dao
  ['08', 0.05], // HMông
  ['18', 0.05], // Sán Dìu
  ['05', 0.05], // Khơ-me
  ['15', 0.05], // Sán Chay
]);
