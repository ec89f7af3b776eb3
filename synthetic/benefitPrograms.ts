// Monthly social-protection programmes administered at commune level, with the decree each
// rests on. Amounts: the social-assistance base is 500,000 VND/month since 1 July 2024
// (Nghị định 76/2024/NĐ-CP) times a coefficient; the merit-benefit base is 2,789,000 VND
// (Nghị định 77/2024/NĐ-CP).

import type { BenefitProgram } from './types.ts';

export const PROGRAM_ELDERLY = 'TCXH-NCT80';
export const PROGRAM_DISABILITY = 'TCXH-NKT';
export const PROGRAM_POOR_HOUSEHOLD = 'HT-HONGHEO';
export const PROGRAM_MERIT = 'UD-NCC';

export const BENEFIT_PROGRAMS: readonly BenefitProgram[] = [
  {
    code: PROGRAM_ELDERLY,
    name: 'Trợ cấp xã hội hằng tháng đối với người cao tuổi từ đủ 80 tuổi trở lên',
    legalBasis: 'Nghị định 20/2021/NĐ-CP, sửa đổi bởi Nghị định 76/2024/NĐ-CP',
  },
  {
    code: PROGRAM_DISABILITY,
    name: 'Trợ cấp xã hội hằng tháng đối với người khuyết tật nặng và đặc biệt nặng',
    legalBasis: 'Nghị định 20/2021/NĐ-CP, sửa đổi bởi Nghị định 76/2024/NĐ-CP',
  },
  {
    code: PROGRAM_POOR_HOUSEHOLD,
    name: 'Hỗ trợ hằng tháng đối với người thuộc hộ nghèo',
    legalBasis: 'Nghị định 07/2021/NĐ-CP (chuẩn nghèo đa chiều); Nghị định 20/2021/NĐ-CP',
  },
  {
    code: PROGRAM_MERIT,
    name: 'Trợ cấp ưu đãi hằng tháng đối với người có công với cách mạng và thân nhân',
    legalBasis: 'Nghị định 75/2021/NĐ-CP, sửa đổi bởi Nghị định 77/2024/NĐ-CP',
  },
].map((p) => ({ code: p.code, name: p.name.normalize('NFC'), legalBasis: p.legalBasis.normalize('NFC') }));

/** Social-assistance base level (mức chuẩn trợ giúp xã hội), VND per month. */
export const SOCIAL_ASSISTANCE_BASE = 500_000;
/** Merit-benefit base level (mức chuẩn trợ cấp ưu đãi), VND per month. */
export const MERIT_BASE = 2_789_000;
