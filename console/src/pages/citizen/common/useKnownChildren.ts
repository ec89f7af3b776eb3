// The children a parent already acted for: the data subjects of their consents and requests who are not
// themself (the platform offers no list of a citizen's children; it checks parenthood on each action).
import { useMemo } from 'react';
import { useSession } from '../../../session/session.tsx';
import { useSelfServiceAnswer } from './selfService.ts';

const KNOWN_CHILDREN_QUERY = `query KnownChildren { myConsents { subjectId } mySubjectRequests { subjectId } }`;

export function useKnownChildren(): { children: string[]; reload: () => void } {
  const { session } = useSession();
  const { data, reload } = useSelfServiceAnswer<{ myConsents: { subjectId: string }[] | null; mySubjectRequests: { subjectId: string }[] | null }>(KNOWN_CHILDREN_QUERY);
  const children = useMemo(() => {
    const subjects = [...(data?.myConsents ?? []), ...(data?.mySubjectRequests ?? [])].map(({ subjectId }) => subjectId);
    return [...new Set(subjects)].filter((subject) => subject !== session?.sub).sort();
  }, [data, session]);
  return { children, reload };
}
