export const openData = {
  title: 'Dữ liệu mở',
};
