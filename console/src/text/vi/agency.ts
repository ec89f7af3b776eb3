export const agency = {
  title: 'Cơ quan',
};
