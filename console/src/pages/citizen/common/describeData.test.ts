import { describe, expect, it } from 'vitest';
import { en } from '../../../text/en/index.ts';
import { vi } from '../../../text/vi/index.ts';
import { fieldWords, groupWords, reasonWords, registerOf } from './describeData.ts';

describe('field groups and fields in words', () => {
  it('says a consentable group by its name, its record and its register, with its fields, in each language', () => {
    const fields = ['Citizen.fullName', 'Citizen.dateOfBirth', 'Citizen.gender', 'Citizen.nationality'];
    expect(groupWords(vi.citizen, 'population.citizen:identity', fields)).toEqual({
      title: 'Nhân thân (hồ sơ công dân, Cơ sở dữ liệu dân cư)',
      name: 'Nhân thân',
      record: 'hồ sơ công dân',
      fields: 'họ và tên, ngày sinh, giới tính, quốc tịch',
    });
    expect(groupWords(en.citizen, 'population.citizen:identity', fields).title).toBe('Identity (personal record, Population register)');
    expect(registerOf('civil-status.birth:parents')).toBe('civil-status');
  });

  it('shows a name the texts do not know as the platform gave it', () => {
    expect(fieldWords(vi.citizen, 'Vehicle.plate')).toBe('Vehicle.plate');
    expect(groupWords(vi.citizen, 'transport.vehicle:plates', []).title).toBe('plates (vehicle, transport)');
    expect(reasonWords(vi, 'CONSENT_REQUIRED')).toBe('cần sự đồng ý của bạn');
    expect(reasonWords(en, 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});
