// The licences an open dataset may carry (SPDX ids), with the URL a catalogue links (dct:license).
// Open data must be usable by anyone without asking (Thái Bình QĐ 27/2025 Đ8): open licences only.
export const LICENCES: Readonly<Record<string, string>> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'ODC-BY-1.0': 'https://opendatacommons.org/licenses/by/1-0/',
  'ODbL-1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
};
