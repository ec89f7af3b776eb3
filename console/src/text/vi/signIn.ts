export const signIn = {
  title: 'Đăng nhập',
  devIntro:
    'Môi trường phát triển: chọn vai trò, cơ quan và tài khoản để nhận một mã truy cập thử (hiệu lực một giờ), như lệnh npm run token.',
  productionIntro:
    'Dán mã truy cập (bearer token) do hệ thống đăng nhập của tỉnh cấp. Mã chỉ được giữ trong phiên trình duyệt này.',
  role: 'Vai trò',
  agency: 'Cơ quan',
  noAgency: '(không thuộc cơ quan nào)',
  subject: 'Số định danh cá nhân (công dân) hoặc tài khoản (cán bộ)',
  subjectHint: 'Công dân: 12 chữ số. Cán bộ: để trống để dùng tài khoản mặc định.',
  demoCitizens: 'Công dân mẫu',
  purpose: 'Mục đích mặc định (X-Purpose)',
  noPurpose: '(không khai báo)',
  caseId: 'Số hồ sơ vụ việc mặc định (X-Case-Id)',
  token: 'Mã truy cập',
  submit: 'Đăng nhập',
  signedIn: 'Đã đăng nhập.',
  invalidToken: 'Mã truy cập không đọc được (không phải JWT).',
  // Why no development token was given (the gateway's code).
  problems: {
    ROLE_REQUIRED: 'Hãy chọn một vai trò.',
    UNKNOWN_ROLE: 'Vai trò này không có trên nền tảng.',
    AGENCY_REQUIRED: 'Cán bộ, hệ thống, cán bộ bảo vệ dữ liệu cá nhân và người công bố dữ liệu mở phải thuộc một cơ quan.',
    CITIZEN_ID_REQUIRED: 'Công dân đăng nhập bằng số định danh cá nhân gồm đúng 12 chữ số.',
    BAD_LIFETIME: 'Thời hạn của mã phải từ 1 đến 86400 giây.',
  } as Record<string, string>,
};
