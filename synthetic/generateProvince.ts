// Deterministic synthetic data for the post-reform Hưng Yên province: same (seed, citizens)
// gives byte-identical output. Each stage draws from its own forked random stream.

import { AddressBook } from './addresses.ts';
import { FORMER_UNITS, PROVINCE, UNIT_PROFILES, UNITS } from './administrativeUnits.ts';
import { BENEFIT_PROGRAMS } from './benefitPrograms.ts';
import { ETHNIC_GROUPS } from './ethnicGroups.ts';
import { generateBenefits } from './generateBenefits.ts';
import { generateDeaths } from './generateDeaths.ts';
import { generateEnterprises } from './generateEnterprises.ts';
import { generateLand } from './generateLand.ts';
import { generatePopulation } from './generatePopulation.ts';
import { Random } from './random.ts';
import type { Province, ProvinceOptions } from './types.ts';

export const DEFAULT_SEED = 20250701;
export const DEFAULT_CITIZENS = 3000;
export const BENCH_CITIZENS = 200_000;

export function generateProvince(options: ProvinceOptions): Province {
  const { seed, citizens } = options;
  if (!Number.isInteger(citizens) || citizens < 0) throw new RangeError(`citizens must be a non-negative integer, got ${citizens}`);
  const root = new Random(seed);
  const addresses = new AddressBook(root.fork('addresses'), UNIT_PROFILES);
  const population = generatePopulation(root.fork('population'), citizens, addresses);
  // Deaths come before enterprises, land and benefits, which all need to know who is alive.
  const deaths = generateDeaths(root.fork('deaths'), population);
  const enterpriseDrafts = generateEnterprises(root.fork('enterprises'), population, addresses);
  const land = generateLand(root.fork('land'), population, enterpriseDrafts, addresses);
  const benefits = generateBenefits(root.fork('benefits'), population);

  return {
    // Copies, so a caller mutating the result cannot alter the module's reference data.
    province: { ...PROVINCE },
    units: UNITS.map((u) => ({ ...u })),
    formerUnits: FORMER_UNITS.map((f) => ({ ...f })),
    ethnicGroups: ETHNIC_GROUPS.map((g) => ({ ...g })),
    citizens: population.citizens,
    households: population.households,
    births: population.births,
    marriages: population.marriages,
    deaths,
    enterprises: enterpriseDrafts.map((d) => d.enterprise),
    parcels: land.parcels,
    parcelHolders: land.parcelHolders,
    certificates: land.certificates,
    benefitPrograms: BENEFIT_PROGRAMS.map((p) => ({ ...p })),
    benefits,
    demoCitizenIds: population.demoHeads.map((i) => population.citizens[i].id),
  };
}
