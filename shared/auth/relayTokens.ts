// Tokens the gateway mints for one request so that a service may call other agencies' internal routes
// on the caller's behalf: each is narrow (one audience, short-lived) and carries the caller as the
// gateway established them, so the agency answering decides by itself what that caller may get.
// - `guardianship`: the population register tells the platform which minors the citizen is a parent of.
// - `<subgraph>-disclosure-log`: that agency's disclosure log, read for the caller (who used my data),
//   and the release of a restricted disclosure in it.
export const RELAY_TOKENS_HEADER = 'x-relay-tokens';
export const GUARDIANSHIP_AUDIENCE = 'guardianship';
/** The population register's route answering which minors the caller is a parent of. */
export const CHILDREN_PATH = '/internal/children';
/** Every agency's route answering what its disclosure log holds for the caller. */
export const DISCLOSURE_LOG_PATH = '/internal/disclosure-log';

export function disclosureLogAudience(subgraph: string): string {
  return `${subgraph}-disclosure-log`;
}

/**
 * Every agency's route releasing a restricted disclosure of its log (oversight officers only): a route of
 * the same log, answering the same tokens (`<subgraph>-disclosure-log`), so no agency holds another key.
 */
export const DISCLOSURE_RELEASE_PATH = '/internal/disclosure-release';

/** The header's JSON object, audience -> token; anything malformed counts as no token at all. */
export function parseRelayTokens(header: string | string[] | undefined): Readonly<Record<string, string>> {
  if (typeof header !== 'string' || header.length > 16_384) return {};
  try {
    const parsed: unknown = JSON.parse(header);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}
