export const home = {
  title: 'Trang chủ',
  intro: 'Các trang cho người dùng nền tảng chia sẻ dữ liệu của tỉnh. Chọn việc bạn cần làm:',
  areas: {
    policies: { title: 'Chính sách truy cập', text: 'Xem, sửa, đề xuất và phê duyệt chính sách truy cập dữ liệu.' },
    citizen: { title: 'Dữ liệu của tôi', text: 'Hồ sơ của tôi, sự đồng ý, yêu cầu cung cấp dữ liệu và ai đã dùng dữ liệu của tôi.' },
    agency: { title: 'Cơ quan', text: 'Danh mục dịch vụ chia sẻ, yêu cầu kết nối, thống kê, báo lỗi dữ liệu.' },
    openData: { title: 'Dữ liệu mở', text: 'Danh mục dữ liệu mở của tỉnh: tìm kiếm và tải về, không cần đăng nhập.' },
    playground: { title: 'GraphiQL', text: 'Thử truy vấn GraphQL trên lược đồ của tỉnh.' },
  },
};
