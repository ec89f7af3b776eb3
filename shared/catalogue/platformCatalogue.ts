// The platform's starting catalogues. After the first start they are data in the platform database:
// agencies, purposes and legal bases change by law and by decision, not by deploy.
// Focal-point names and contacts are synthetic.

export const AGENCIES = [
  { code: 'ubnd-tinh', name: 'Ủy ban nhân dân tỉnh Hưng Yên', focalPoint: ['Nguyễn Văn Hùng', 'Chánh Văn phòng', '0221 3862 001', 'vanphong@hungyen.gov.vn'] },
  { code: 'cong-an-tinh', name: 'Công an tỉnh Hưng Yên', focalPoint: ['Trần Minh Đức', 'Trưởng phòng Cảnh sát quản lý hành chính về trật tự xã hội', '0221 3862 113', 'pc06@congan.hungyen.gov.vn'] },
  { code: 'so-tu-phap', name: 'Sở Tư pháp tỉnh Hưng Yên', focalPoint: ['Lê Thị Thu Hà', 'Trưởng phòng Hành chính tư pháp', '0221 3863 254', 'hanhchinhtuphap@stp.hungyen.gov.vn'] },
  { code: 'so-tai-chinh', name: 'Sở Tài chính tỉnh Hưng Yên', focalPoint: ['Phạm Quang Huy', 'Trưởng phòng Đăng ký kinh doanh', '0221 3865 310', 'dkkd@stc.hungyen.gov.vn'] },
  { code: 'so-nong-nghiep-moi-truong', name: 'Sở Nông nghiệp và Môi trường tỉnh Hưng Yên', focalPoint: ['Vũ Thị Lan', 'Giám đốc Văn phòng Đăng ký đất đai', '0221 3864 428', 'vpdkdd@snnmt.hungyen.gov.vn'] },
  { code: 'so-y-te', name: 'Sở Y tế tỉnh Hưng Yên', focalPoint: ['Đặng Văn Nam', 'Trưởng phòng Bảo trợ xã hội', '0221 3866 579', 'baotroxahoi@syt.hungyen.gov.vn'] },
  { code: 'so-khoa-hoc-cong-nghe', name: 'Sở Khoa học và Công nghệ tỉnh Hưng Yên', focalPoint: ['Hoàng Anh Tuấn', 'Giám đốc Trung tâm Chuyển đổi số', '0221 3867 600', 'cds@skhcn.hungyen.gov.vn'] },
  { code: 'so-noi-vu', name: 'Sở Nội vụ tỉnh Hưng Yên', focalPoint: ['Bùi Thị Hương', 'Trưởng phòng Lao động - Việc làm', '0221 3861 742', 'laodong@snv.hungyen.gov.vn'] },
  { code: 'thue-tinh', name: 'Thuế tỉnh Hưng Yên', focalPoint: ['Ngô Văn Thắng', 'Trưởng phòng Quản lý hộ kinh doanh, cá nhân', '0221 3868 811', 'hkd@thue.hungyen.gov.vn'] },
  { code: 'bhxh-tinh', name: 'Bảo hiểm xã hội tỉnh Hưng Yên', focalPoint: ['Đỗ Thị Mai', 'Trưởng phòng Quản lý thu, sổ, thẻ', '0221 3869 905', 'thu@bhxh.hungyen.gov.vn'] },
] as const;

/** The state agencies of the directory: every one may handle a citizen's administrative dossier. */
const STATE_AGENCIES = AGENCIES.map((agency) => agency.code);
const OFFICERS_AND_SYSTEMS = ['officer', 'system'] as const;
// A dossier number of an agency's procedure: its register's prefix, the year, the number (DKKD-2026/004217).
const DOSSIER = { pattern: '^[A-Z]{2,6}-[0-9]{4}/[A-Z0-9]{1,10}$', example: 'DKKD-2026/004217' };

// Who may declare each purpose (X-Purpose): `agencies` null is any agency (or none, for citizens and
// security officers), and a caller needs one of `roles`. `caseId`: the format of X-Case-Id under the
// purpose, for case work; null where any dossier number will do.
export const PURPOSES = [
  { code: 'civil-status-procedure', name: 'Thủ tục hộ tịch', description: 'Registering births, marriages, deaths and issuing civil-status extracts.',
    declarableBy: { agencies: ['so-tu-phap'], roles: OFFICERS_AND_SYSTEMS }, caseId: { pattern: '^HT-[0-9]{4}/[0-9]{1,8}$', example: 'HT-2026/000777' } },
  { code: 'residence-management', name: 'Quản lý cư trú', description: 'Registering and checking permanent and temporary residence.',
    declarableBy: { agencies: ['cong-an-tinh'], roles: OFFICERS_AND_SYSTEMS }, caseId: DOSSIER },
  { code: 'business-registration', name: 'Đăng ký doanh nghiệp', description: 'Registering enterprises and verifying their legal representatives.',
    declarableBy: { agencies: ['so-tai-chinh'], roles: OFFICERS_AND_SYSTEMS }, caseId: DOSSIER },
  { code: 'land-administration', name: 'Quản lý đất đai', description: 'Registering land use rights, issuing certificates, resolving land procedures.',
    declarableBy: { agencies: ['so-nong-nghiep-moi-truong'], roles: OFFICERS_AND_SYSTEMS }, caseId: DOSSIER },
  { code: 'social-assistance', name: 'Trợ giúp xã hội', description: 'Deciding and paying social-assistance and meritorious-people benefits.',
    declarableBy: { agencies: ['so-y-te'], roles: OFFICERS_AND_SYSTEMS }, caseId: DOSSIER },
  { code: 'tax-administration', name: 'Quản lý thuế', description: 'Assessing and collecting taxes and fees.',
    declarableBy: { agencies: ['thue-tinh'], roles: OFFICERS_AND_SYSTEMS }, caseId: DOSSIER },
  { code: 'social-insurance', name: 'Bảo hiểm xã hội, bảo hiểm y tế', description: 'Enrolling and paying social and health insurance.',
    declarableBy: { agencies: ['bhxh-tinh'], roles: OFFICERS_AND_SYSTEMS }, caseId: DOSSIER },
  // A criminal case (HS, hình sự) or the procuracy's file on it (VKS).
  { code: 'criminal-investigation', name: 'Điều tra hình sự', description: 'Investigating offences under the Criminal Procedure Code.',
    declarableBy: { agencies: ['cong-an-tinh'], roles: OFFICERS_AND_SYSTEMS }, caseId: { pattern: '^(HS|VKS)-[0-9]{4}/[0-9]{4,8}$', example: 'HS-2026/0042' } },
  { code: 'public-service-delivery', name: 'Giải quyết thủ tục hành chính', description: 'Handling a citizen\'s administrative dossier without asking again for data the state holds.',
    declarableBy: { agencies: STATE_AGENCIES, roles: OFFICERS_AND_SYSTEMS }, caseId: DOSSIER },
  { code: 'statistics', name: 'Thống kê', description: 'Producing aggregate statistics; no decision about a person.',
    declarableBy: { agencies: null, roles: ['officer', 'system', 'security-officer', 'data-protection-officer'] }, caseId: null },
  { code: 'citizen-self-service', name: 'Công dân tự tra cứu', description: 'A citizen reading their own data.',
    declarableBy: { agencies: null, roles: ['citizen'] }, caseId: null },
  { code: 'data-protection-oversight', name: 'Giám sát bảo vệ dữ liệu cá nhân', description: 'Reviewing how personal data was used: an agency\'s data-protection officer over its own data, security officers over the whole disclosure log.',
    declarableBy: { agencies: null, roles: ['data-protection-officer', 'security-officer'] }, caseId: null },
  // Open data (issue 15): a dataset's publisher or the portal's operator reading the contact a person left
  // with a problem report, to answer them (Thái Bình QĐ 27/2025 Đ9).
  { code: 'open-data-feedback', name: 'Trả lời phản ánh về dữ liệu mở', description: 'Answering a person who reported a problem with an open dataset: its publisher or the portal operator reads the contact they left.',
    declarableBy: { agencies: null, roles: ['publisher', 'officer', 'platform-admin'] }, caseId: null },
] as const satisfies readonly PurposeEntry[];

export const LEGAL_BASES = [
  { code: 'owner', kind: 'owner', title: 'The agency reads data it collects and manages itself', document: 'Luật Dữ liệu số 60/2024/QH15', provision: null },
  { code: 'pdpl-2025-consent', kind: 'consent', title: "The data subject's consent, per purpose", document: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15', provision: null },
  { code: 'pdpl-2025-subject-request', kind: 'subject-request', title: 'The data subject asks that their data be provided', document: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15', provision: null },
  { code: 'pdpl-2025-state-duties', kind: 'statutory', title: 'Processing without consent to perform a state agency\'s duties', document: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15', provision: 'Điều 19 khoản 1 điểm c' },
  { code: 'residence-law-2020', kind: 'statutory', title: 'Residence registration and management', document: 'Luật Cư trú số 68/2020/QH14', provision: null },
  { code: 'identity-law-2023', kind: 'statutory', title: 'The national population database and identity', document: 'Luật Căn cước số 26/2023/QH15', provision: null },
  { code: 'civil-status-law-2014', kind: 'statutory', title: 'Civil-status registration', document: 'Luật Hộ tịch số 60/2014/QH13', provision: null },
  { code: 'social-insurance-law-2024', kind: 'statutory', title: 'Social and health insurance enrolment and benefits', document: 'Luật Bảo hiểm xã hội số 41/2024/QH15', provision: null },
  { code: 'tax-administration-law-2019', kind: 'statutory', title: 'Tax administration', document: 'Luật Quản lý thuế số 38/2019/QH14', provision: null },
  { code: 'enterprise-law-2020', kind: 'statutory', title: 'Enterprise registration', document: 'Luật Doanh nghiệp số 59/2020/QH14', provision: null },
  { code: 'land-law-2024', kind: 'statutory', title: 'Land registration and land-use certificates', document: 'Luật Đất đai số 31/2024/QH15', provision: null },
  { code: 'social-assistance-decree-2021', kind: 'statutory', title: 'Social-assistance policies for social protection beneficiaries', document: 'Nghị định số 20/2021/NĐ-CP', provision: null },
  { code: 'criminal-procedure-code-2015', kind: 'statutory', title: 'Collecting evidence in criminal proceedings', document: 'Bộ luật Tố tụng hình sự số 101/2015/QH13', provision: null },
  { code: 'data-sharing-decree-2025', kind: 'statutory', title: 'Sharing data between state agencies through the provincial platform', document: 'Nghị định số 278/2025/NĐ-CP', provision: null },
  { code: 'open-data', kind: 'open', title: 'Open data published for anyone', document: 'Luật Dữ liệu số 60/2024/QH15', provision: null },
] as const;

interface PurposeEntry {
  code: string;
  name: string;
  description: string;
  declarableBy: { agencies: readonly string[] | null; roles: readonly string[] };
  caseId: { pattern: string; example: string } | null;
}

/** The codes policies may name, as the platform's catalogues start out. */
export const CATALOGUE_CODES: { agencies: readonly string[]; purposes: readonly string[]; legalBases: readonly string[] } = {
  agencies: AGENCIES.map((agency) => agency.code),
  purposes: PURPOSES.map((purpose) => purpose.code),
  legalBases: LEGAL_BASES.map((basis) => basis.code),
};
