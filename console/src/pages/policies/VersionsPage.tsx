// The versions of the policy set, newest first, each restorable with a reason (a rollback proposal).
import { useAnswer } from '../../graphql/useAnswer.ts';
import { useLanguage } from '../../text/language.tsx';
import { ErrorList } from '../../ui/ErrorList.tsx';
import { formatMoment } from '../../ui/dates.ts';
import { PolicyPage } from './PolicyPage.tsx';
import { VERSIONS, type PolicyVersion } from './policyQueries.ts';
import { RollbackForm } from './RollbackForm.tsx';

export function VersionsPage() {
  const { texts, language } = useLanguage();
  const t = texts.policies.versions;
  const answer = useAnswer<{ policyVersions: PolicyVersion[] | null }>(VERSIONS);
  const versions = answer.data?.policyVersions ?? [];
  return (
    <PolicyPage title={t.title}>
      <p>{t.intro}</p>
      <ErrorList errors={answer.errors} />
      {answer.loading && !answer.data && <p>{texts.common.loading}</p>}
      {versions.length > 0 && (
        <table className="versions">
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.version}</th>
              <th scope="col">{t.createdAt}</th>
              <th scope="col">{t.action}</th>
              <th scope="col">{t.author}</th>
              <th scope="col">{t.approvedBy}</th>
              <th scope="col">{t.reason}</th>
              <th scope="col">{t.changedFiles}</th>
              <th scope="col">{t.rollback}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version, index) => (
              <tr key={version.version}>
                <th scope="row">
                  {version.version}
                  {index === 0 && <div className="in-force">{t.inForce}</div>}
                </th>
                <td>{formatMoment(version.createdAt, language)}</td>
                <td>
                  {texts.policies.actions[version.action] ?? version.action}
                  {version.restoresVersion !== null && <div>{t.restores(version.restoresVersion)}</div>}
                </td>
                <td>{version.author}</td>
                <td>{version.approvedBy ?? ''}</td>
                <td>{version.reason}</td>
                <td>
                  {version.changedFiles.length <= 3 ? (
                    version.changedFiles.join(', ')
                  ) : (
                    <details>
                      <summary>{t.fileCount(version.changedFiles.length)}</summary>
                      {version.changedFiles.join(', ')}
                    </details>
                  )}
                </td>
                <td>{index > 0 && <RollbackForm version={version.version} onDone={answer.reload} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PolicyPage>
  );
}
