// Public API of the synthetic-data generator.

export { BENCH_CITIZENS, DEFAULT_CITIZENS, DEFAULT_SEED, generateProvince } from './generateProvince.ts';
export { makePersonalId, parsePersonalId, PIN_PROVINCE_CODES } from './personalId.ts';
export type { PersonalIdInput, PersonalIdParts } from './personalId.ts';
export { ETHNIC_GROUPS } from './ethnicGroups.ts';
export { FORMER_UNITS, PROVINCE, PROVINCE_CODE, UNITS } from './administrativeUnits.ts';
export { BENEFIT_PROGRAMS } from './benefitPrograms.ts';
export { Random, WeightedTable } from './random.ts';
export { TODAY_ISO } from './dates.ts';
export type {
  AdministrativeUnit,
  Benefit,
  BenefitProgram,
  Birth,
  Citizen,
  Death,
  Enterprise,
  EthnicGroup,
  FormerUnit,
  Gender,
  Household,
  LandCertificate,
  LandParcel,
  Marriage,
  ParcelHolder,
  Province,
  ProvinceOptions,
} from './types.ts';
