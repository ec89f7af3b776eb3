// What the sign-in page may offer: in development the gateway lists roles, agencies, purposes and the demo
// citizens and mints development tokens (the rules of npm run token); in production it mints nothing.
export interface SignInOptions {
  development: boolean;
  roles: string[];
  agencies: { code: string; name: string }[];
  purposes: { code: string; name: string }[];
  demoCitizens: { id: string; name: string }[];
}

export async function fetchSignInOptions(): Promise<SignInOptions> {
  const response = await fetch('/console/api/sign-in-options');
  if (!response.ok) return { development: false, roles: [], agencies: [], purposes: [], demoCitizens: [] };
  return (await response.json()) as SignInOptions;
}

/** A development token, or the gateway's reason for refusing the choice (its code said by the page). */
export async function mintDevToken(choice: { roles: string[]; agency: string | null; sub: string | null }): Promise<{ token: string } | { problem: string; code?: string }> {
  const response = await fetch('/console/api/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(choice),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; problem?: string; code?: string };
  return body.token ? { token: body.token } : { problem: body.problem ?? `HTTP ${response.status}`, code: body.code };
}
