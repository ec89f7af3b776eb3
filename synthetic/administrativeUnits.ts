// Hưng Yên province after the 1 July 2025 reform: two levels (province -> commune/ward),
// districts abolished, the old Hưng Yên (33) and Thái Bình (34) merged under code '33'.
//
// This is a REPRESENTATIVE SAMPLE, not the official list: the eleven ward names are real new
// wards, the communes are plausible, and the codes and the former-unit mapping are modelled on
// the GSO numbering (5-digit codes, old districts in code blocks, a new unit keeping the code of
// one of the communes merged into it) without claiming to reproduce the official decision.

import type { AdministrativeUnit, FormerUnit } from './types.ts';

export const PROVINCE_CODE = '33';
const EFFECTIVE_FROM = '2025-07-01';

export const PROVINCE: AdministrativeUnit = {
  code: PROVINCE_CODE,
  name: 'Tỉnh Hưng Yên',
  kind: 'province',
  parentCode: null,
  effectiveFrom: EFFECTIVE_FROM,
};

/** Generation traits of a unit that are not part of the public record. */
export interface UnitProfile {
  unit: AdministrativeUnit;
  /** Name without 'Phường '/'Xã ', used in addresses of local businesses and fields. */
  shortName: string;
  /** Pre-reform province the unit's area belonged to ('33' Hưng Yên, '34' Thái Bình). */
  oldProvinceCode: '33' | '34';
  /** Relative population: merged communes are larger than the urban wards. */
  populationWeight: number;
  /** Share of Catholic households (high in the coastal Thái Bình districts). */
  catholicShare: number;
}

type Former = readonly [oldCode: string, oldName: string, oldDistrict: string];
type Row = readonly [kind: 'ward' | 'commune', name: string, oldProvince: '33' | '34', catholicShare: number, formers: readonly Former[]];

const TP_HY = 'Thành phố Hưng Yên';
const TX_MH = 'Thị xã Mỹ Hào';
const TP_TB = 'Thành phố Thái Bình';

const ROWS: readonly Row[] = [
  ['ward', 'Phố Hiến', '33', 0.02, [['11950', 'Phường Lê Lợi', TP_HY], ['11953', 'Phường Minh Khai', TP_HY], ['11956', 'Phường Quang Trung', TP_HY], ['11959', 'Phường Hiến Nam', TP_HY]]],
  ['ward', 'Sơn Nam', '33', 0.02, [['11962', 'Phường Lam Sơn', TP_HY], ['11965', 'Phường An Tảo', TP_HY], ['11968', 'Xã Trung Nghĩa', TP_HY]]],
  ['ward', 'Hồng Châu', '33', 0.03, [['11971', 'Xã Quảng Châu', TP_HY], ['11974', 'Xã Hoàng Hanh', TP_HY], ['11977', 'Xã Tân Hưng', TP_HY]]],
  ['ward', 'Mỹ Hào', '33', 0.02, [['12097', 'Phường Bần Yên Nhân', TX_MH], ['12100', 'Phường Phan Đình Phùng', TX_MH], ['12103', 'Phường Nhân Hòa', TX_MH]]],
  ['ward', 'Đường Hào', '33', 0.02, [['12106', 'Phường Dị Sử', TX_MH], ['12109', 'Phường Phùng Chí Kiên', TX_MH], ['12112', 'Xã Hưng Long', TX_MH]]],
  ['ward', 'Thượng Hồng', '33', 0.02, [['12115', 'Phường Bạch Sam', TX_MH], ['12118', 'Phường Minh Đức', TX_MH], ['12121', 'Xã Dương Quang', TX_MH]]],
  ['ward', 'Thái Bình', '34', 0.04, [['12436', 'Phường Lê Hồng Phong', TP_TB], ['12439', 'Phường Bồ Xuyên', TP_TB], ['12442', 'Phường Đề Thám', TP_TB], ['12445', 'Phường Kỳ Bá', TP_TB]]],
  ['ward', 'Trần Lãm', '34', 0.04, [['12448', 'Phường Trần Lãm', TP_TB], ['12451', 'Phường Tiền Phong', TP_TB], ['12454', 'Phường Quang Trung', TP_TB]]],
  ['ward', 'Trần Hưng Đạo', '34', 0.04, [['12457', 'Phường Trần Hưng Đạo', TP_TB], ['12460', 'Phường Hoàng Diệu', TP_TB], ['12463', 'Xã Phú Xuân', TP_TB]]],
  ['ward', 'Trà Lý', '34', 0.05, [['12466', 'Phường Phú Khánh', TP_TB], ['12469', 'Xã Đông Mỹ', TP_TB], ['12472', 'Xã Đông Hòa', TP_TB]]],
  ['ward', 'Vũ Phúc', '34', 0.05, [['12475', 'Xã Vũ Phúc', TP_TB], ['12478', 'Xã Vũ Chính', TP_TB], ['12481', 'Xã Vũ Lạc', TP_TB]]],
  ['commune', 'Như Quỳnh', '33', 0.02, [['11986', 'Thị trấn Như Quỳnh', 'Huyện Văn Lâm'], ['11989', 'Xã Tân Quang', 'Huyện Văn Lâm'], ['11992', 'Xã Trưng Trắc', 'Huyện Văn Lâm']]],
  ['commune', 'Lạc Đạo', '33', 0.02, [['11995', 'Xã Lạc Đạo', 'Huyện Văn Lâm'], ['11998', 'Xã Chỉ Đạo', 'Huyện Văn Lâm'], ['12001', 'Xã Đại Đồng', 'Huyện Văn Lâm']]],
  ['commune', 'Văn Giang', '33', 0.03, [['12025', 'Thị trấn Văn Giang', 'Huyện Văn Giang'], ['12028', 'Xã Liên Nghĩa', 'Huyện Văn Giang'], ['12031', 'Xã Tân Tiến', 'Huyện Văn Giang']]],
  ['commune', 'Yên Mỹ', '33', 0.02, [['12070', 'Thị trấn Yên Mỹ', 'Huyện Yên Mỹ'], ['12073', 'Xã Trung Hưng', 'Huyện Yên Mỹ'], ['12076', 'Xã Tân Lập', 'Huyện Yên Mỹ'], ['12079', 'Xã Thanh Long', 'Huyện Yên Mỹ']]],
  ['commune', 'Ân Thi', '33', 0.02, [['12133', 'Thị trấn Ân Thi', 'Huyện Ân Thi'], ['12136', 'Xã Quảng Lãng', 'Huyện Ân Thi'], ['12139', 'Xã Hoàng Hoa Thám', 'Huyện Ân Thi']]],
  ['commune', 'Khoái Châu', '33', 0.06, [['12166', 'Thị trấn Khoái Châu', 'Huyện Khoái Châu'], ['12169', 'Xã An Vĩ', 'Huyện Khoái Châu'], ['12172', 'Xã Dân Tiến', 'Huyện Khoái Châu']]],
  ['commune', 'Tiên Lữ', '33', 0.03, [['12259', 'Thị trấn Vương', 'Huyện Tiên Lữ'], ['12262', 'Xã Hưng Đạo', 'Huyện Tiên Lữ'], ['12265', 'Xã Nhật Tân', 'Huyện Tiên Lữ']]],
  ['commune', 'Quỳnh Phụ', '34', 0.04, [['12490', 'Thị trấn Quỳnh Côi', 'Huyện Quỳnh Phụ'], ['12493', 'Xã Quỳnh Hải', 'Huyện Quỳnh Phụ'], ['12496', 'Xã Quỳnh Hồng', 'Huyện Quỳnh Phụ']]],
  ['commune', 'Hưng Hà', '34', 0.03, [['12568', 'Thị trấn Hưng Hà', 'Huyện Hưng Hà'], ['12571', 'Xã Tân Lễ', 'Huyện Hưng Hà'], ['12574', 'Xã Hồng Minh', 'Huyện Hưng Hà']]],
  ['commune', 'Đông Hưng', '34', 0.04, [['12661', 'Thị trấn Đông Hưng', 'Huyện Đông Hưng'], ['12664', 'Xã Đông Hợp', 'Huyện Đông Hưng'], ['12667', 'Xã Đông La', 'Huyện Đông Hưng']]],
  ['commune', 'Thái Thụy', '34', 0.08, [['12757', 'Thị trấn Diêm Điền', 'Huyện Thái Thụy'], ['12760', 'Xã Thụy Hà', 'Huyện Thái Thụy'], ['12763', 'Xã Thụy Trường', 'Huyện Thái Thụy']]],
  ['commune', 'Tiền Hải', '34', 0.25, [['12862', 'Thị trấn Tiền Hải', 'Huyện Tiền Hải'], ['12865', 'Xã Tây Giang', 'Huyện Tiền Hải'], ['12868', 'Xã Tây Ninh', 'Huyện Tiền Hải'], ['12871', 'Xã Phương Công', 'Huyện Tiền Hải']]],
  ['commune', 'Kiến Xương', '34', 0.2, [['12925', 'Thị trấn Thanh Nê', 'Huyện Kiến Xương'], ['12928', 'Xã Bình Minh', 'Huyện Kiến Xương'], ['12931', 'Xã Quang Minh', 'Huyện Kiến Xương']]],
];

export const UNIT_PROFILES: readonly UnitProfile[] = ROWS.map(([kind, shortName, oldProvinceCode, catholicShare, formers]) => ({
  unit: {
    code: formers[0][0], // the new unit keeps the code of the first commune merged into it
    name: `${kind === 'ward' ? 'Phường' : 'Xã'} ${shortName}`.normalize('NFC'),
    kind,
    parentCode: PROVINCE_CODE,
    effectiveFrom: EFFECTIVE_FROM,
  },
  shortName: shortName.normalize('NFC'),
  oldProvinceCode,
  // Merged communes absorb more old units and more rural population than city wards.
  populationWeight: formers.length * (kind === 'commune' ? 1.25 : 1),
  catholicShare,
}));

export const UNITS: readonly AdministrativeUnit[] = UNIT_PROFILES.map((p) => p.unit);

export const FORMER_UNITS: readonly FormerUnit[] = ROWS.flatMap(([, , oldProvinceCode, , formers]) =>
  formers.map(([oldCode, oldName, oldDistrict]) => ({
    oldCode,
    oldName: oldName.normalize('NFC'),
    oldDistrict: oldDistrict.normalize('NFC'),
    oldProvinceCode,
    newCode: formers[0][0],
  })),
);
