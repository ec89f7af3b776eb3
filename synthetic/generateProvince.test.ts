import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CITIZENS, DEFAULT_SEED, generateProvince } from './generateProvince.ts';
import { parsePersonalId } from './personalId.ts';
import type { Citizen, Province } from './types.ts';

const TODAY = '2026-11-01';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const province = generateProvince({ seed: DEFAULT_SEED, citizens: DEFAULT_CITIZENS });

/** The date `years` after an ISO date, as a string (29 Feb compares like 1 Mar). */
const plusYears = (iso: string, years: number): string => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
const isAdultOn = (c: Citizen, on: string): boolean => plusYears(c.dateOfBirth, 18) <= on;
const isMinorToday = (c: Citizen): boolean => plusYears(c.dateOfBirth, 18) > TODAY;

function index(p: Province) {
  const citizens = new Map(p.citizens.map((c) => [c.id, c]));
  const households = new Map(p.households.map((h) => [h.id, h]));
  const units = new Map(p.units.map((u) => [u.code, u]));
  const enterprises = new Map(p.enterprises.map((e) => [e.code, e]));
  const parcels = new Map(p.parcels.map((x) => [x.id, x]));
  const members = new Map<string, Citizen[]>();
  for (const c of p.citizens) {
    const list = members.get(c.householdId) ?? [];
    list.push(c);
    members.set(c.householdId, list);
  }
  return { citizens, households, units, enterprises, parcels, members };
}

const idx = index(province);
const cit = (id: string): Citizen => {
  const c = idx.citizens.get(id);
  if (!c) throw new Error(`no citizen ${id}`);
  return c;
};

describe('determinism and scale', () => {
  it('produces identical output for the same seed and size', () => {
    const again = generateProvince({ seed: DEFAULT_SEED, citizens: DEFAULT_CITIZENS });
    expect(JSON.stringify(again)).toBe(JSON.stringify(province));
  });

  it('produces different output for a different seed', () => {
    const other = generateProvince({ seed: DEFAULT_SEED + 1, citizens: DEFAULT_CITIZENS });
    expect(other.citizens.length).toBe(DEFAULT_CITIZENS);
    expect(JSON.stringify(other.citizens)).not.toBe(JSON.stringify(province.citizens));
  });

  it('matches a recorded fingerprint, so output is identical across machines and Node versions', () => {
    // Update deliberately (and say so) when the generator is changed on purpose.
    const small = generateProvince({ seed: 1, citizens: 200 });
    expect(small.citizens[0].id).toBe('033094642778');
    expect(small.citizens[0].fullName).toBe('Phạm Quang Thái');
    expect(createHash('sha256').update(JSON.stringify(small)).digest('hex')).toBe(
      '1f7169012c2c3f3ce96c8c89367b347f42b430676daa8bc37fc84ec7e8b82248',
    );
  });

  it('creates exactly the requested number of citizens, even for tiny sizes', () => {
    for (const n of [0, 1, 2, 5, 7, 50, 777]) {
      const p = generateProvince({ seed: 7, citizens: n });
      expect(p.citizens.length).toBe(n);
      expect(p.units.length).toBe(province.units.length);
    }
  });

  it('scales record counts roughly linearly with the population', () => {
    const double = generateProvince({ seed: DEFAULT_SEED, citizens: DEFAULT_CITIZENS * 2 });
    expect(double.citizens.length).toBe(DEFAULT_CITIZENS * 2);
    for (const key of ['households', 'births', 'marriages', 'parcels', 'parcelHolders', 'certificates', 'benefits'] as const) {
      const ratio = double[key].length / province[key].length;
      expect(ratio, key).toBeGreaterThan(1.6);
      expect(ratio, key).toBeLessThan(2.4);
    }
    expect(province.enterprises.length).toBe(Math.max(20, Math.round(DEFAULT_CITIZENS / 60)));
    expect(double.enterprises.length).toBe(Math.max(20, Math.round((DEFAULT_CITIZENS * 2) / 60)));
    expect(generateProvince({ seed: 3, citizens: 300 }).enterprises.length).toBe(20);
  });

  it('rejects an invalid size', () => {
    expect(() => generateProvince({ seed: 1, citizens: -1 })).toThrow(RangeError);
    expect(() => generateProvince({ seed: 1, citizens: 2.5 })).toThrow(RangeError);
  });
});

describe('reference data', () => {
  it('has the 54 ethnic groups with unique codes 01-54 and unique names, Kinh first', () => {
    expect(province.ethnicGroups).toHaveLength(54);
    expect(province.ethnicGroups.map((g) => g.code)).toEqual(Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(new Set(province.ethnicGroups.map((g) => g.name)).size).toBe(54);
    expect(province.ethnicGroups[0]).toEqual({ code: '01', name: 'Kinh' });
    expect(province.ethnicGroups[7]).toEqual({ code: '08', name: 'HMông' });
  });

  it('describes the merged province and its two-level units', () => {
    expect(province.province).toMatchObject({ code: '33', kind: 'province', parentCode: null, effectiveFrom: '2025-07-01' });
    expect(province.units.length).toBeGreaterThanOrEqual(20);
    expect(new Set(province.units.map((u) => u.code)).size).toBe(province.units.length);
    for (const u of province.units) {
      expect(u.code).toMatch(/^\d{5}$/);
      expect(['ward', 'commune']).toContain(u.kind);
      expect(u.parentCode).toBe('33');
      expect(u.effectiveFrom).toBe('2025-07-01');
      expect(u.name.startsWith(u.kind === 'ward' ? 'Phường ' : 'Xã ')).toBe(true);
    }
    for (const ward of ['Phường Phố Hiến', 'Phường Sơn Nam', 'Phường Mỹ Hào', 'Phường Thái Bình', 'Phường Trần Lãm', 'Phường Vũ Phúc']) {
      expect(province.units.map((u) => u.name)).toContain(ward);
    }
  });

  it('maps 2-4 former communes from old Hưng Yên and Thái Bình onto each new unit', () => {
    expect(new Set(province.formerUnits.map((f) => f.oldCode)).size).toBe(province.formerUnits.length);
    for (const f of province.formerUnits) {
      expect(idx.units.has(f.newCode)).toBe(true);
      expect(['33', '34']).toContain(f.oldProvinceCode);
      expect(f.oldCode).toMatch(/^\d{5}$/);
      expect(f.oldDistrict).toMatch(/^(Thành phố|Thị xã|Huyện) /);
    }
    for (const u of province.units) {
      const count = province.formerUnits.filter((f) => f.newCode === u.code).length;
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(4);
    }
    expect(province.formerUnits.some((f) => f.oldProvinceCode === '34')).toBe(true);
  });

  it('lists benefit programmes with a decree as legal basis', () => {
    expect(province.benefitPrograms.length).toBeGreaterThanOrEqual(4);
    for (const p of province.benefitPrograms) expect(p.legalBasis).toMatch(/Nghị định \d+\/\d{4}\/NĐ-CP/);
  });
});

describe('citizens and personal ids', () => {
  it('gives every citizen a unique, well-formed id matching gender and birth year', () => {
    expect(idx.citizens.size).toBe(province.citizens.length);
    for (const c of province.citizens) {
      const parsed = parsePersonalId(c.id);
      expect(parsed, c.id).not.toBeNull();
      expect(parsed?.gender).toBe(c.gender);
      expect(parsed?.birthYear).toBe(Number(c.dateOfBirth.slice(0, 4)));
    }
  });

  it('registers ~85% of births in Hưng Yên (033), ~10% in Thái Bình (034), the rest elsewhere', () => {
    const share = (code: string) => province.citizens.filter((c) => c.id.startsWith(code)).length / province.citizens.length;
    expect(share('033')).toBeGreaterThan(0.8);
    expect(share('033')).toBeLessThan(0.9);
    expect(share('034')).toBeGreaterThan(0.06);
    expect(share('034')).toBeLessThan(0.14);
    expect(province.citizens.some((c) => !c.id.startsWith('033') && !c.id.startsWith('034'))).toBe(true);
  });

  it('uses valid dates, nobody born after today, ages up to about 95', () => {
    for (const c of province.citizens) {
      expect(c.dateOfBirth).toMatch(ISO);
      expect(c.dateOfBirth <= TODAY).toBe(true);
      expect(c.dateOfBirth >= '1926-01-01').toBe(true);
      expect(new Date(`${c.dateOfBirth}T00:00:00Z`).toISOString().slice(0, 10)).toBe(c.dateOfBirth);
    }
  });

  it('has a realistic age pyramid', () => {
    const age = (c: Citizen) => 2026 - Number(c.dateOfBirth.slice(0, 4));
    const share = (lo: number, hi: number) => province.citizens.filter((c) => age(c) >= lo && age(c) <= hi).length / province.citizens.length;
    expect(share(0, 14)).toBeGreaterThan(0.15);
    expect(share(0, 14)).toBeLessThan(0.3);
    expect(share(15, 64)).toBeGreaterThan(0.6);
    expect(share(65, 200)).toBeGreaterThan(0.06);
    expect(share(65, 200)).toBeLessThan(0.16);
    expect(share(80, 200)).toBeGreaterThan(0.01);
  });

  it('writes names in NFC with realistic family-name frequencies', () => {
    for (const c of province.citizens) {
      expect(c.fullName.normalize('NFC')).toBe(c.fullName);
      expect(c.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
      expect(c.address.normalize('NFC')).toBe(c.address);
    }
    const nguyen = province.citizens.filter((c) => c.fullName.startsWith('Nguyễn ')).length / province.citizens.length;
    expect(nguyen).toBeGreaterThan(0.3);
    expect(nguyen).toBeLessThan(0.46);
  });

  it('is ~98.5% Kinh and uses only known ethnic-group codes', () => {
    const codes = new Set(province.ethnicGroups.map((g) => g.code));
    for (const c of province.citizens) expect(codes.has(c.ethnicGroupCode)).toBe(true);
    const kinh = province.citizens.filter((c) => c.ethnicGroupCode === '01').length / province.citizens.length;
    expect(kinh).toBeGreaterThan(0.96);
    expect(kinh).toBeLessThan(1);
  });
});

describe('households and families', () => {
  it('links every citizen to an existing household and unit, sharing its address', () => {
    for (const c of province.citizens) {
      const h = idx.households.get(c.householdId);
      expect(h, c.householdId).toBeDefined();
      expect(c.unitCode).toBe(h?.unitCode);
      expect(c.address).toBe(h?.address);
      expect(idx.units.has(c.unitCode)).toBe(true);
    }
  });

  it('has households of 1-6 members with a member adult head and a unique id', () => {
    expect(idx.households.size).toBe(province.households.length);
    for (const h of province.households) {
      const members = idx.members.get(h.id) ?? [];
      expect(members.length).toBeGreaterThanOrEqual(1);
      expect(members.length).toBeLessThanOrEqual(6);
      const head = cit(h.headId);
      expect(head.householdId).toBe(h.id);
      expect(isAdultOn(head, TODAY)).toBe(true);
      expect(h.registeredOn).toMatch(ISO);
      expect(h.registeredOn <= TODAY).toBe(true);
      expect(h.address).toMatch(/^Số \d+/);
      expect(h.address).toContain(idx.units.get(h.unitCode)?.name ?? '?');
    }
  });

  it('makes parents 18-45 years older than their children, with the father\'s family name', () => {
    let withFather = 0;
    for (const c of province.citizens) {
      if (c.fatherId) {
        withFather++;
        const father = cit(c.fatherId);
        expect(father.gender).toBe('male');
        expect(plusYears(father.dateOfBirth, 18) <= c.dateOfBirth).toBe(true);
        expect(plusYears(father.dateOfBirth, 45) >= c.dateOfBirth).toBe(true);
        expect(c.fullName.split(' ')[0]).toBe(father.fullName.split(' ')[0]);
        expect(father.householdId).toBe(c.householdId);
      }
      if (c.motherId) {
        const mother = cit(c.motherId);
        expect(mother.gender).toBe('female');
        expect(plusYears(mother.dateOfBirth, 18) <= c.dateOfBirth).toBe(true);
        expect(plusYears(mother.dateOfBirth, 45) >= c.dateOfBirth).toBe(true);
        expect(mother.householdId).toBe(c.householdId);
      }
    }
    expect(withFather).toBeGreaterThan(province.citizens.length * 0.25);
  });
});

describe('civil-status records', () => {
  it('gives everyone born since 1990 a birth record, and ~40% of older people', () => {
    const births = new Map(province.births.map((b) => [b.childId, b]));
    expect(births.size).toBe(province.births.length);
    let older = 0;
    let olderWithRecord = 0;
    for (const c of province.citizens) {
      if (c.dateOfBirth >= '1990-01-01') expect(births.has(c.id), c.id).toBe(true);
      else {
        older++;
        if (births.has(c.id)) olderWithRecord++;
      }
    }
    expect(olderWithRecord / older).toBeGreaterThan(0.3);
    expect(olderWithRecord / older).toBeLessThan(0.5);
  });

  it('registers births 0-60 days after birth in the child\'s unit, pointing at the parents', () => {
    expect(new Set(province.births.map((b) => b.registrationNumber)).size).toBe(province.births.length);
    expect(new Set(province.births.map((b) => b.id)).size).toBe(province.births.length);
    for (const b of province.births) {
      const child = cit(b.childId);
      const delay = daysBetween(child.dateOfBirth, b.registeredOn);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(60);
      expect(b.registeredOn <= TODAY).toBe(true);
      expect(b.unitCode).toBe(child.unitCode);
      expect(b.fatherId).toBe(child.fatherId);
      expect(b.motherId).toBe(child.motherId);
      expect(b.registrationNumber).toMatch(new RegExp(`^\\d+/${b.registeredOn.slice(0, 4)}$`));
      expect(b.placeOfBirth.length).toBeGreaterThan(5);
    }
  });

  it('numbers each register per year in registration order', () => {
    for (const records of [province.births, province.marriages, province.deaths]) {
      let previous: { registeredOn: string; registrationNumber: string } | null = null;
      for (const r of records) {
        const [n, year] = r.registrationNumber.split('/');
        expect(year).toBe(r.registeredOn.slice(0, 4));
        if (previous && previous.registeredOn.slice(0, 4) === year) {
          expect(previous.registeredOn <= r.registeredOn).toBe(true);
          expect(Number(n)).toBe(Number(previous.registrationNumber.split('/')[0]) + 1);
        } else {
          expect(Number(n)).toBe(1);
        }
        previous = r;
      }
    }
  });

  it('gives each married couple living together exactly one marriage, registered after both were 18', () => {
    expect(new Set(province.marriages.map((m) => m.registrationNumber)).size).toBe(province.marriages.length);
    const married = new Set<string>();
    for (const m of province.marriages) {
      const husband = cit(m.husbandId);
      const wife = cit(m.wifeId);
      expect(husband.gender).toBe('male');
      expect(wife.gender).toBe('female');
      expect(married.has(husband.id) || married.has(wife.id)).toBe(false);
      married.add(husband.id);
      married.add(wife.id);
      expect(husband.householdId).toBe(wife.householdId);
      expect(m.unitCode).toBe(husband.unitCode);
      expect(isAdultOn(husband, m.registeredOn)).toBe(true);
      expect(isAdultOn(wife, m.registeredOn)).toBe(true);
      expect(m.registeredOn <= TODAY).toBe(true);
      for (const spouse of [husband, wife]) if (spouse.dateOfDeath) expect(m.registeredOn < spouse.dateOfDeath).toBe(true);
    }
    // Every pair of parents living with their child is a registered couple.
    for (const c of province.citizens) {
      if (c.fatherId && c.motherId) {
        expect(province.marriages.some((m) => m.husbandId === c.fatherId && m.wifeId === c.motherId)).toBe(true);
      }
    }
  });

  it('records ~0.6% deaths consistently', () => {
    const deceased = province.citizens.filter((c) => c.dateOfDeath !== null);
    expect(deceased.length).toBe(province.deaths.length);
    expect(deceased.length / province.citizens.length).toBeGreaterThan(0.004);
    expect(deceased.length / province.citizens.length).toBeLessThan(0.008);
    expect(new Set(province.deaths.map((d) => d.registrationNumber)).size).toBe(province.deaths.length);
    for (const d of province.deaths) {
      const c = cit(d.deceasedId);
      expect(c.dateOfDeath).toBe(d.dateOfDeath);
      expect(d.dateOfDeath > c.dateOfBirth).toBe(true);
      expect(d.dateOfDeath < TODAY).toBe(true);
      const delay = daysBetween(d.dateOfDeath, d.registeredOn);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(30);
      expect(d.unitCode).toBe(c.unitCode);
    }
    // Nobody died before one of their children was born.
    for (const c of province.citizens) {
      for (const parentId of [c.fatherId, c.motherId]) {
        const parent = parentId ? cit(parentId) : null;
        if (parent?.dateOfDeath) expect(parent.dateOfDeath > c.dateOfBirth).toBe(true);
      }
    }
  });

  it('never makes a deceased person head of a household with living minors', () => {
    for (const h of province.households) {
      const head = cit(h.headId);
      if (!head.dateOfDeath) continue;
      const minors = (idx.members.get(h.id) ?? []).filter((m) => !m.dateOfDeath && isMinorToday(m));
      expect(minors).toHaveLength(0);
    }
  });
});

describe('enterprises', () => {
  it('has unique 10-digit codes and living adult representatives registered after they turned 18', () => {
    expect(idx.enterprises.size).toBe(province.enterprises.length);
    for (const e of province.enterprises) {
      expect(e.code).toMatch(/^\d{10}$/);
      const rep = cit(e.legalRepresentativeId);
      expect(isAdultOn(rep, e.registeredOn)).toBe(true);
      expect(isAdultOn(rep, TODAY)).toBe(true);
      if (e.status === 'active') expect(rep.dateOfDeath).toBeNull();
      expect(e.registeredOn <= TODAY).toBe(true);
      expect(idx.units.has(e.unitCode)).toBe(true);
      expect(['active', 'suspended', 'dissolved']).toContain(e.status);
      expect(e.charterCapital).toBeGreaterThan(0);
      expect(e.name.length).toBeGreaterThan(10);
    }
    expect(new Set(province.enterprises.map((e) => e.name)).size).toBe(province.enterprises.length);
    expect(province.enterprises.some((e) => e.kind === 'Công ty cổ phần')).toBe(true);
  });
});

describe('land', () => {
  const PURPOSES = new Set(['ONT', 'ODT', 'LUC', 'LUK', 'HNK', 'CLN', 'NTS', 'TMD', 'SKC']);

  it('numbers parcels uniquely per unit, map sheet and parcel number', () => {
    expect(idx.parcels.size).toBe(province.parcels.length);
    const keys = new Set(province.parcels.map((p) => `${p.unitCode}/${p.mapSheet}/${p.parcelNumber}`));
    expect(keys.size).toBe(province.parcels.length);
    for (const p of province.parcels) {
      expect(PURPOSES.has(p.landUsePurpose)).toBe(true);
      expect(p.area).toBeGreaterThan(0);
      expect(Math.round(p.area * 10) / 10).toBe(p.area);
      const unit = idx.units.get(p.unitCode);
      expect(unit).toBeDefined();
      if (p.landUsePurpose === 'ONT') expect(unit?.kind).toBe('commune');
      if (p.landUsePurpose === 'ODT') expect(unit?.kind).toBe('ward');
      expect(Number.isInteger(p.mapSheet) && p.mapSheet > 0).toBe(true);
      expect(Number.isInteger(p.parcelNumber) && p.parcelNumber > 0).toBe(true);
    }
    const residential = province.parcels.filter((p) => p.landUsePurpose === 'ONT' || p.landUsePurpose === 'ODT').length;
    expect(residential / province.households.length).toBeGreaterThan(0.85);
    expect(province.parcels.some((p) => p.landUsePurpose === 'LUC')).toBe(true);
    expect(province.parcels.some((p) => p.landUsePurpose === 'TMD' || p.landUsePurpose === 'SKC')).toBe(true);
  });

  it('gives every parcel holders (citizen xor enterprise) whose shares sum to 1', () => {
    const shares = new Map<string, number>();
    for (const h of province.parcelHolders) {
      expect(idx.parcels.has(h.parcelId)).toBe(true);
      expect((h.citizenId === null) !== (h.enterpriseCode === null)).toBe(true);
      if (h.citizenId) expect(idx.citizens.has(h.citizenId)).toBe(true);
      if (h.enterpriseCode) expect(idx.enterprises.has(h.enterpriseCode)).toBe(true);
      expect(h.share).toBeGreaterThan(0);
      shares.set(h.parcelId, (shares.get(h.parcelId) ?? 0) + h.share);
    }
    for (const p of province.parcels) expect(shares.get(p.id)).toBeCloseTo(1, 9);
    // Household land is held by the household head (and possibly the spouse).
    const firstHolder = new Map<string, string | null>();
    for (const h of province.parcelHolders) if (!firstHolder.has(h.parcelId)) firstHolder.set(h.parcelId, h.citizenId);
    for (const [, citizenId] of firstHolder) {
      if (citizenId) expect(idx.households.get(cit(citizenId).householdId)?.headId).toBe(citizenId);
    }
  });

  it('issues unique certificates to the first holder of most parcels', () => {
    expect(new Set(province.certificates.map((c) => c.serialNumber)).size).toBe(province.certificates.length);
    expect(new Set(province.certificates.map((c) => c.parcelId)).size).toBe(province.certificates.length);
    expect(province.certificates.length / province.parcels.length).toBeGreaterThan(0.7);
    const first = new Map<string, { citizenId: string | null; enterpriseCode: string | null }>();
    for (const h of province.parcelHolders) if (!first.has(h.parcelId)) first.set(h.parcelId, h);
    for (const c of province.certificates) {
      expect(c.serialNumber).toMatch(/^[A-Z]{2} \d{6}$/);
      expect(c.issuedOn <= TODAY).toBe(true);
      const holder = first.get(c.parcelId);
      expect(c.holderCitizenId).toBe(holder?.citizenId);
      expect(c.holderEnterpriseCode).toBe(holder?.enterpriseCode);
      if (c.holderCitizenId) {
        const person = cit(c.holderCitizenId);
        expect(isAdultOn(person, c.issuedOn)).toBe(true);
        if (person.dateOfDeath) expect(c.issuedOn < person.dateOfDeath).toBe(true);
      }
      if (c.holderEnterpriseCode) expect(c.issuedOn > (idx.enterprises.get(c.holderEnterpriseCode)?.registeredOn ?? '')).toBe(true);
    }
  });
});

describe('benefits', () => {
  it('reaches 4-6% of citizens with consistent amounts, dates and statuses', () => {
    const programs = new Set(province.benefitPrograms.map((p) => p.code));
    expect(new Set(province.benefits.map((b) => b.id)).size).toBe(province.benefits.length);
    const beneficiaries = new Set(province.benefits.map((b) => b.citizenId));
    expect(beneficiaries.size / province.citizens.length).toBeGreaterThan(0.035);
    expect(beneficiaries.size / province.citizens.length).toBeLessThan(0.065);
    for (const b of province.benefits) {
      const c = cit(b.citizenId);
      expect(programs.has(b.programCode)).toBe(true);
      expect(b.monthlyAmount % 1000).toBe(0);
      expect(b.monthlyAmount).toBeGreaterThan(0);
      expect(b.startedOn > c.dateOfBirth).toBe(true);
      expect(b.startedOn <= TODAY).toBe(true);
      expect(b.status === 'active').toBe(b.endedOn === null);
      if (b.endedOn) {
        expect(b.endedOn > b.startedOn).toBe(true);
        expect(b.endedOn <= TODAY).toBe(true);
      }
      if (c.dateOfDeath) {
        expect(b.status).toBe('ended');
        expect(b.startedOn < c.dateOfDeath).toBe(true);
      }
      if (b.programCode === 'TCXH-NCT80') expect(plusYears(c.dateOfBirth, 80) <= b.startedOn).toBe(true);
    }
    for (const code of programs) expect(province.benefits.some((b) => b.programCode === code)).toBe(true);
    expect(province.benefits.some((b) => b.status === 'ended')).toBe(true);
  });
});

describe('demo citizens', () => {
  it('names 3-5 living adults with a birth record, a marriage, a parcel and an enterprise', () => {
    const ids = province.demoCitizenIds;
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(ids.length).toBeLessThanOrEqual(5);
    for (const id of ids) {
      const c = cit(id);
      expect(c.dateOfDeath).toBeNull();
      expect(isAdultOn(c, TODAY)).toBe(true);
      expect(province.births.some((b) => b.childId === id)).toBe(true);
      expect(province.marriages.some((m) => m.husbandId === id || m.wifeId === id)).toBe(true);
      expect(province.parcelHolders.some((h) => h.citizenId === id)).toBe(true);
      expect(province.enterprises.some((e) => e.legalRepresentativeId === id)).toBe(true);
    }
    expect(ids.some((id) => province.benefits.some((b) => b.citizenId === id && b.status === 'active'))).toBe(true);
  });
});
