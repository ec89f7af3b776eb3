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
};
