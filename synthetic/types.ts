// Public shapes of the synthetic province. Dates are ISO 'YYYY-MM-DD' strings so the
// data can be serialised, compared and loaded into any store without conversion.

export type Gender = 'male' | 'female';

export interface ProvinceOptions {
  seed: number;
  /** Target population size; the generator produces exactly this many citizens. */
  citizens: number;
}

export interface AdministrativeUnit {
  code: string;
  name: string;
  kind: 'province' | 'ward' | 'commune';
  parentCode: string | null;
  effectiveFrom: string;
}

export interface FormerUnit {
  oldCode: string;
  oldName: string;
  oldDistrict: string;
  oldProvinceCode: string;
  newCode: string;
}

export interface EthnicGroup {
  code: string;
  name: string;
}

export interface Citizen {
  id: string;
  fullName: string;
  gender: Gender;
  dateOfBirth: string;
  ethnicGroupCode: string;
  religion: string | null;
  householdId: string;
  unitCode: string;
  address: string;
  fatherId: string | null;
  motherId: string | null;
  dateOfDeath: string | null;
}

export interface Household {
  id: string;
  headId: string;
  unitCode: string;
  address: string;
  registeredOn: string;
}

export interface Birth {
  id: string;
  registrationNumber: string;
  childId: string;
  fatherId: string | null;
  motherId: string | null;
  placeOfBirth: string;
  unitCode: string;
  registeredOn: string;
}

export interface Marriage {
  id: string;
  registrationNumber: string;
  husbandId: string;
  wifeId: string;
  unitCode: string;
  registeredOn: string;
}

export interface Death {
  id: string;
  registrationNumber: string;
  deceasedId: string;
  dateOfDeath: string;
  unitCode: string;
  registeredOn: string;
}

export interface Enterprise {
  code: string;
  name: string;
  kind: string;
  registeredOn: string;
  status: 'active' | 'suspended' | 'dissolved';
  unitCode: string;
  address: string;
  legalRepresentativeId: string;
  charterCapital: number;
  /** VSIC 2018 section (level-1 code, A-U) of the main line of business. */
  sector: string;
}

export interface LandParcel {
  id: string;
  mapSheet: number;
  parcelNumber: number;
  /** m², one decimal. */
  area: number;
  landUsePurpose: string;
  unitCode: string;
  address: string;
}

export interface ParcelHolder {
  parcelId: string;
  citizenId: string | null;
  enterpriseCode: string | null;
  share: number;
}

export interface LandCertificate {
  serialNumber: string;
  parcelId: string;
  issuedOn: string;
  holderCitizenId: string | null;
  holderEnterpriseCode: string | null;
}

export interface BenefitProgram {
  code: string;
  name: string;
  legalBasis: string;
}

export interface Benefit {
  id: string;
  citizenId: string;
  programCode: string;
  /** VND, multiple of 1,000. */
  monthlyAmount: number;
  startedOn: string;
  endedOn: string | null;
  status: 'active' | 'ended';
}

export interface Province {
  province: AdministrativeUnit;
  units: AdministrativeUnit[];
  formerUnits: FormerUnit[];
  ethnicGroups: EthnicGroup[];
  citizens: Citizen[];
  households: Household[];
  births: Birth[];
  marriages: Marriage[];
  deaths: Death[];
  enterprises: Enterprise[];
  parcels: LandParcel[];
  parcelHolders: ParcelHolder[];
  certificates: LandCertificate[];
  benefitPrograms: BenefitProgram[];
  benefits: Benefit[];
  /** 3-5 living adults with a birth record, a marriage, a parcel and an enterprise; at least one has a benefit. */
  demoCitizenIds: string[];
}
