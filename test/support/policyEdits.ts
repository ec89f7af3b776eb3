// What the policy tests do to a policy file, and how they wait for a running system to follow.
import { parseDocument } from 'yaml';
import { justiceOfficer, query, seededProvince } from './stack.ts';

/** The policy text without the rules that name the given agency. */
export function withoutRulesFor(agency: string, policyText: string): string {
  const document = parseDocument(policyText);
  const rules = document.getIn(['rules']) as { items: Array<{ toJSON(): { agencies?: string[] } }> };
  rules.items = rules.items.filter((rule) => !(rule.toJSON().agencies ?? []).includes(agency));
  return document.toString();
}

/** Polls `check` until it holds or `seconds` pass. */
export async function within(seconds: number, check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  do {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  } while (Date.now() < deadline);
  return false;
}

/** What a justice officer gets for the first demo citizen's name: the whole response. */
export async function justiceAsksForAName() {
  return query(justiceOfficer, `{ citizen(id: "${seededProvince().demoCitizenIds[0]}") { fullName } }`);
}

/** The first demo citizen's name, as the justice officer of `justiceAsksForAName` reads it. */
export function demoName(): string {
  const id = seededProvince().demoCitizenIds[0];
  return seededProvince().citizens.find((citizen) => citizen.id === id)!.fullName;
}
