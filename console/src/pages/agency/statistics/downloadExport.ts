// The gateway's statistics exports need the bearer token, which a plain link cannot carry (and the token
// stays out of every URL): fetched with it, then saved from a blob.
import type { Session } from '../../../session/session.tsx';

export async function downloadExport(session: Session | null, path: string, fileName: string): Promise<string | null> {
  const response = await fetch(path, { headers: session ? { authorization: `Bearer ${session.token}` } : {} }).catch(() => null);
  if (!response?.ok) return response ? `HTTP ${response.status}` : 'NETWORK';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}
