import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import type { RuleVersion } from '../../api/controlRoom';
import { fetchRuleVersions } from '../../api/controlRoom';
import { Empty, ErrorNote, Loading } from '../../shell/PageState';
import { pretty, useRules } from './rulesStore';

type VersionsState =
  | { for: string; status: 'error'; error: string }
  | { for: string; status: 'ready'; versions: RuleVersion[] };

/** Every stored version of a rule, newest first; a version can be loaded into the editor. */
export function RuleVersions({ id, revision }: { id: string; revision: number }) {
  const key = `${id}@${revision}`;
  const [loaded, setLoaded] = useState<VersionsState | null>(null);
  useEffect(() => {
    let live = true;
    fetchRuleVersions(id).then(
      (versions) =>
        live && setLoaded({ for: key, status: 'ready', versions: [...versions].reverse() }),
      (error: unknown) =>
        live && setLoaded({ for: key, status: 'error', error: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [id, key]);
  // A result for another rule or version is stale: loading until this one's arrives.
  const state = loaded?.for === key ? loaded : { status: 'loading' as const };

  return (
    <section className="versions" data-testid="rule-versions">
      <h2 className="section-title">Versions</h2>
      {state.status === 'loading' && <Loading what="versions" testId="rule-versions-loading" />}
      {state.status === 'error' && <ErrorNote message={state.error} testId="rule-versions-error" />}
      {state.status === 'ready' && state.versions.length === 0 && (
        <Empty testId="rule-versions-empty">No versions.</Empty>
      )}
      {state.status === 'ready' && state.versions.length > 0 && (
        <ol className="list">
          {state.versions.map((v) => (
            <li key={v.version} className="list-item" data-testid={`rule-version-${v.version}`}>
              <span className="mono">v{v.version}</span> {v.change} by {v.changedBy}
              <span className="list-sub">{v.at}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => useRules.getState().setText(pretty(v.document))}
                data-testid={`rule-version-load-${v.version}`}
              >
                load
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
