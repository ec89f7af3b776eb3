export const policies = {
  title: 'Chính sách truy cập',
};
