// Text as the catalogue's search compares it: lower case, without Vietnamese diacritics (NFD, combining
// marks dropped, đ -> d), spaces collapsed. "Hộ tịch", "ho tich" and "HỘ TỊCH" all read "ho tich".
export function searchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
