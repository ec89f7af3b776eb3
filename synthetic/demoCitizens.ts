// The README's demo citizens of the default seed, by name: offered by the development sign-in of the
// console and the playground (demoCitizens.test.ts checks them against the generated province).
export const DEMO_CITIZENS: readonly { id: string; name: string }[] = [
  { id: '033094279365', name: 'Hồ Hữu Lâm' },
  { id: '079095101529', name: 'Trần Văn Kiệt' },
  { id: '033091622985', name: 'Trần Xuân Tùng' },
  { id: '033090174552', name: 'Nguyễn Văn Khôi' },
];
