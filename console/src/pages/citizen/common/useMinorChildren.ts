// The signed-in parent's minor children, by name: the population register lists their ids (asked as the
// parent, never as a child), then each child's name and birth date are read as that child's record
// (X-Child-Id), so each read is in the child's "who used my data" under the parent's name.
import { useEffect, useState } from 'react';
import { ask } from '../../../graphql/ask.ts';
import { useAnswer } from '../../../graphql/useAnswer.ts';
import { hasRole, useSession } from '../../../session/session.tsx';
import { SELF_SERVICE } from './selfService.ts';

export interface MinorChild {
  id: string;
  /** Null when the child's record could not be read (the id is still offered). */
  fullName: string | null;
  dateOfBirth: string | null;
}

const CHILDREN_QUERY = '{ myMinorChildren }';
const NAME_QUERY = '{ me { fullName dateOfBirth } }';

export function useMinorChildren(): MinorChild[] {
  const { session } = useSession();
  const ids = useAnswer<{ myMinorChildren: string[] | null }>(hasRole(session, 'citizen') ? CHILDREN_QUERY : null, {}, SELF_SERVICE).data?.myMinorChildren;
  const [children, setChildren] = useState<MinorChild[]>([]);
  const idsKey = (ids ?? []).join(',');
  useEffect(() => {
    if (!ids?.length) return setChildren([]);
    const controller = new AbortController();
    Promise.all(
      ids.map(async (id): Promise<MinorChild> => {
        const { data } = await ask<{ me: { fullName: string | null; dateOfBirth: string | null } | null }>(session, NAME_QUERY, {}, { ...SELF_SERVICE, childId: id, signal: controller.signal });
        return { id, fullName: data?.me?.fullName ?? null, dateOfBirth: data?.me?.dateOfBirth ?? null };
      }),
    )
      .then(setChildren)
      .catch(() => undefined);
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idsKey, session]);
  return children;
}
