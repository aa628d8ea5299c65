import type { StoredRule } from '../../api/controlRoom';
import { Empty, ErrorNote, Loading } from '../../shell/PageState';
import { useBacktest } from './backtestStore';
import { pretty, useRules } from './rulesStore';

function open(rule: StoredRule): void {
  useBacktest.getState().reset();
  useRules.getState().select(rule, pretty(rule.document));
}

/** The user's rules (and those shared with them), each with its enabled switch. */
export function RuleList() {
  const { status, error, rules, selectedId, toggleErrors } = useRules();
  if (status === 'idle' || status === 'loading')
    return <Loading what="rules" testId="rules-loading" />;
  return (
    <div className="rule-list">
      <ErrorNote
        message={error}
        testId="rules-error"
        onRetry={() => void useRules.getState().load()}
      />
      {rules.length === 0 && status === 'ready' ? (
        <Empty testId="rules-empty">No rules yet. Write one with the form.</Empty>
      ) : (
        <ul className="list" data-testid="rules-list">
          {rules.map((rule) => (
            <li
              key={rule.id}
              className="list-item"
              aria-current={rule.id === selectedId ? 'true' : undefined}
              data-testid={`rule-item-${rule.id}`}
              data-enabled={String(rule.enabled)}
            >
              <button
                type="button"
                className="link-button list-main"
                onClick={() => open(rule)}
                data-testid={`rule-open-${rule.id}`}
              >
                <span className="mono">{rule.id}</span>
                <span className="list-sub">
                  v{rule.version} · {rule.owner} · {rule.visibility}
                </span>
              </button>
              <label className="switch">
                <input
                  type="checkbox"
                  checked={rule.enabled}
                  onChange={() => void useRules.getState().toggleEnabled(rule)}
                  data-testid={`rule-enabled-${rule.id}`}
                />
                {rule.enabled ? 'enabled' : 'disabled'}
              </label>
              {toggleErrors[rule.id] && (
                <div
                  className="inline-error"
                  role="alert"
                  data-testid={`rule-toggle-error-${rule.id}`}
                >
                  {toggleErrors[rule.id]}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
