// Land parcels, their holders and certificates (giấy chứng nhận quyền sử dụng đất).
// Purpose codes follow the 2024 Land Law list: ONT/ODT rural/urban residential, LUC/LUK rice,
// HNK other annual crops, CLN perennial crops, NTS aquaculture, TMD commercial, SKC production.
// Households hold their residential plot and, in communes, their share of farmland; the
// head holds alone or jointly with the spouse (shares sum to 1).

import type { UnitProfile } from './administrativeUnits.ts';
import type { AddressBook } from './addresses.ts';
import { addYears, fromIso, toIso, TODAY, yearOf } from './dates.ts';
import type { EnterpriseDraft } from './generateEnterprises.ts';
import { NO_DAY, NOBODY, type Population } from './generatePopulation.ts';
import { type Random, UniqueSerials, WeightedTable } from './random.ts';
import type { LandCertificate, LandParcel, ParcelHolder } from './types.ts';

export interface Land {
  parcels: LandParcel[];
  parcelHolders: ParcelHolder[];
  certificates: LandCertificate[];
}

// Certificates were issued under the 1993 Land Law onwards.
const CERTIFICATES_FROM = fromIso('1994-01-01');

const FARM_PURPOSES = new WeightedTable<string>([['LUC', 55], ['LUK', 5], ['HNK', 15], ['CLN', 13], ['NTS', 12]]);

/** Typical plot sizes in m² (the delta is densely settled; a 'sào' of rice is 360 m²). */
const AREA_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  ONT: [90, 450],
  ODT: [40, 180],
  LUC: [300, 2200],
  LUK: [300, 1500],
  HNK: [150, 1000],
  CLN: [150, 1500],
  NTS: [300, 5000],
  TMD: [200, 5000],
  SKC: [2000, 60000],
};

// Blank certificates are printed in series; the letters advanced as forms changed over time.
const SECOND_LETTERS = [...'ABCDEGHKLMNPQRSTUVXY'];

interface SheetCursor {
  sheet: number;
  number: number;
  capacity: number;
}

class LandRegistry {
  readonly parcels: LandParcel[] = [];
  readonly parcelHolders: ParcelHolder[] = [];
  readonly certificates: LandCertificate[] = [];
  private readonly cursors = new Map<string, SheetCursor>();
  private readonly serials: UniqueSerials;

  constructor(
    private readonly rng: Random,
    private readonly pop: Population,
  ) {
    this.serials = new UniqueSerials(rng, 6);
  }

  /** Next (map sheet, parcel number) in the unit; a cadastral sheet holds 80-250 parcels. */
  private nextNumber(unitCode: string): SheetCursor {
    let cursor = this.cursors.get(unitCode);
    if (!cursor) {
      cursor = { sheet: 1, number: 0, capacity: this.rng.int(80, 250) };
      this.cursors.set(unitCode, cursor);
    }
    cursor.number += 1;
    if (cursor.number > cursor.capacity) {
      cursor.sheet += 1;
      cursor.number = 1;
      cursor.capacity = this.rng.int(80, 250);
    }
    return cursor;
  }

  addParcel(profile: UnitProfile, purpose: string, address: string): LandParcel {
    const { sheet, number } = this.nextNumber(profile.unit.code);
    const [min, max] = AREA_RANGE[purpose];
    const parcel: LandParcel = {
      // One flat string (see AddressBook.home): 'TD' + unit + 3-digit sheet + 4-digit number.
      id: ['TD', profile.unit.code, String(sheet).padStart(3, '0'), String(number).padStart(4, '0')].join(''),
      mapSheet: sheet,
      parcelNumber: number,
      area: Math.round(this.rng.float(min, max) * 10) / 10,
      landUsePurpose: purpose,
      unitCode: profile.unit.code,
      address,
    };
    this.parcels.push(parcel);
    return parcel;
  }

  private serial(issued: number): string {
    const year = yearOf(issued);
    const first = year < 2015 ? this.rng.pick(['A', 'B']) : year < 2020 ? 'C' : 'D';
    const second = this.rng.pick(SECOND_LETTERS);
    const number = this.serials.next(first.charCodeAt(0) * 256 + second.charCodeAt(0));
    return `${first}${second} ${String(number).padStart(6, '0')}`;
  }

  certify(parcel: LandParcel, earliest: number, latest: number, citizenId: string | null, enterpriseCode: string | null): void {
    if (earliest > latest) return;
    const issued = this.rng.int(earliest, latest);
    this.certificates.push({
      serialNumber: this.serial(issued),
      parcelId: parcel.id,
      issuedOn: toIso(issued),
      holderCitizenId: citizenId,
      holderEnterpriseCode: enterpriseCode,
    });
  }

  /** Head alone, or head and spouse in equal shares; the certificate names the head. */
  holdByHousehold(parcel: LandParcel, h: number, certifyChance: number): void {
    const pop = this.pop;
    const head = pop.head[h];
    const headId = pop.citizens[head].id;
    const spouse = pop.spouse[head];
    const joint = spouse !== NOBODY && pop.householdOf[spouse] === h && this.rng.chance(0.45);
    this.parcelHolders.push({ parcelId: parcel.id, citizenId: headId, enterpriseCode: null, share: joint ? 0.5 : 1 });
    if (joint) this.parcelHolders.push({ parcelId: parcel.id, citizenId: pop.citizens[spouse].id, enterpriseCode: null, share: 0.5 });
    if (this.rng.chance(certifyChance)) {
      const earliest = Math.max(addYears(pop.born[head], 18) + 1, CERTIFICATES_FROM);
      const latest = pop.died[head] !== NO_DAY ? pop.died[head] - 1 : TODAY - 1;
      this.certify(parcel, earliest, latest, headId, null);
    }
  }
}

export function generateLand(rng: Random, pop: Population, enterprises: readonly EnterpriseDraft[], addresses: AddressBook): Land {
  const registry = new LandRegistry(rng, pop);
  const demoHouseholds = new Set(pop.demoHeads.map((i) => pop.householdOf[i]));

  for (let h = 0; h < pop.households.length; h++) {
    const profile = pop.profiles[h];
    const isDemo = demoHouseholds.has(h);
    if (isDemo || rng.chance(0.92)) {
      const purpose = profile.unit.kind === 'commune' ? 'ONT' : 'ODT';
      const parcel = registry.addParcel(profile, purpose, pop.households[h].address);
      registry.holdByHousehold(parcel, h, isDemo ? 1 : 0.9);
    }
    // Farmland was allocated per household in the 1990s; most rural families still farm it.
    const farmCount = profile.unit.kind === 'commune' ? (rng.chance(0.7) ? rng.int(1, 3) : 0) : rng.chance(0.1) ? 1 : 0;
    for (let i = 0; i < farmCount; i++) {
      const parcel = registry.addParcel(profile, FARM_PURPOSES.pick(rng), addresses.field(rng, profile));
      registry.holdByHousehold(parcel, h, 0.8);
    }
  }

  for (const draft of enterprises) {
    if (draft.enterprise.status === 'dissolved' || !rng.chance(0.45)) continue;
    const count = rng.int(1, 2);
    for (let i = 0; i < count; i++) {
      const purpose = draft.industrial && rng.chance(0.8) ? 'SKC' : 'TMD';
      const parcel = registry.addParcel(draft.profile, purpose, draft.enterprise.address);
      registry.parcelHolders.push({ parcelId: parcel.id, citizenId: null, enterpriseCode: draft.enterprise.code, share: 1 });
      if (rng.chance(0.92)) registry.certify(parcel, draft.registered + 30, TODAY - 1, null, draft.enterprise.code);
    }
  }

  return { parcels: registry.parcels, parcelHolders: registry.parcelHolders, certificates: registry.certificates };
}
