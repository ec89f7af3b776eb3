import { describe, expect, it } from 'vitest';
import { DEMO_CITIZENS } from './demoCitizens.ts';
import { DEFAULT_CITIZENS, DEFAULT_SEED, generateProvince } from './generateProvince.ts';

describe('the demo citizens offered at sign-in', () => {
  it('are the default province demo citizens, with their names', () => {
    const province = generateProvince({ seed: DEFAULT_SEED, citizens: DEFAULT_CITIZENS });
    expect(DEMO_CITIZENS.map(({ id }) => id)).toEqual(province.demoCitizenIds);
    for (const { id, name } of DEMO_CITIZENS) expect(province.citizens.find((citizen) => citizen.id === id)?.fullName).toBe(name);
  });
});
