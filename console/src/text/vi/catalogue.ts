// The platform's catalogues in Vietnamese, by code, for every area: where a code is missing here the
// gateway's own words are shown (agency and purpose names are Vietnamese already).
export const catalogue = {
  // The gateway gives legal bases' titles in English and their documents in Vietnamese.
  legalBasisTitles: {
    'civil-status-law-2014': 'Đăng ký hộ tịch',
    'criminal-procedure-code-2015': 'Thu thập chứng cứ trong tố tụng hình sự',
    'data-sharing-decree-2025': 'Chia sẻ dữ liệu giữa các cơ quan nhà nước qua nền tảng của tỉnh',
    'enterprise-law-2020': 'Đăng ký doanh nghiệp',
    'identity-law-2023': 'Cơ sở dữ liệu quốc gia về dân cư và căn cước',
    'land-law-2024': 'Đăng ký đất đai và cấp giấy chứng nhận quyền sử dụng đất',
    'open-data': 'Dữ liệu mở công bố cho mọi người',
    owner: 'Cơ quan dùng dữ liệu do chính mình thu thập và quản lý',
    'pdpl-2025-consent': 'Sự đồng ý của chủ thể dữ liệu, theo từng mục đích',
    'pdpl-2025-state-duties': 'Xử lý không cần sự đồng ý để thực hiện nhiệm vụ của cơ quan nhà nước',
    'pdpl-2025-subject-request': 'Chủ thể dữ liệu yêu cầu cung cấp dữ liệu của mình',
    'residence-law-2020': 'Đăng ký và quản lý cư trú',
    'social-assistance-decree-2021': 'Chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội',
    'social-insurance-law-2024': 'Tham gia và hưởng bảo hiểm xã hội, bảo hiểm y tế',
    'tax-administration-law-2019': 'Quản lý thuế',
  } as Record<string, string>,
  // Agencies and purposes: the gateway's Vietnamese names are used as they are.
  agencyNames: {} as Record<string, string>,
  purposeNames: {} as Record<string, string>,
};
