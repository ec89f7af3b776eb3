export const citizen = {
  title: 'Dữ liệu của tôi',
};
