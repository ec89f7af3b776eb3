import { describe, expect, it } from 'vitest';
import { searchText } from './searchText.ts';

describe('the text the catalogue searches', () => {
  it('matches Vietnamese with or without its accents, in any case', () => {
    expect(searchText('Sở Tư pháp: Hộ tịch')).toBe('so tu phap: ho tich');
    expect(searchText('ĐĂNG KÝ ĐẤT ĐAI')).toBe('dang ky dat dai');
    expect(searchText('  Công   an tỉnh ')).toBe('cong an tinh');
  });

  it('leaves plain identifiers as they are, in lower case', () => {
    expect(searchText('population.citizen:identity Citizen.fullName')).toBe('population.citizen:identity citizen.fullname');
  });
});
