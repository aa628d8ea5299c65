import { useEffect } from 'react';
import { useCatalog } from '../../state/catalog';
import { useCan } from '../session/useCan';
import { BacktestPanel } from './BacktestPanel';
import { RuleEditor } from './RuleEditor';
import { RuleList } from './RuleList';
import { RuleVersions } from './RuleVersions';
import { useBacktest } from './backtestStore';
import { useRules } from './rulesStore';

/** Rules: the list with enabled switches, the editor, its backtest and its versions. */
export function RulesPage() {
  const selectedId = useRules((s) => s.selectedId);
  const status = useRules((s) => s.status);
  const revision = useRules((s) => s.rules.find((r) => r.id === s.selectedId)?.version ?? 0);
  const canWrite = useCan('scientist');
  useEffect(() => {
    void useRules.getState().load();
    if (useCatalog.getState().status === 'error') void useCatalog.getState().load();
  }, []);

  return (
    <section className="page page--split" data-testid="rules-page" data-phase={status}>
      <aside className="page-side">
        <div className="page-toolbar">
          <h1 className="page-title">Rules</h1>
          <button
            type="button"
            className="button"
            disabled={!canWrite.allowed}
            title={canWrite.reason}
            onClick={() => {
              useBacktest.getState().reset();
              useRules.getState().select(null, '');
            }}
            data-testid="rule-new"
          >
            New rule
          </button>
        </div>
        <RuleList />
      </aside>
      <div className="page-body">
        <RuleEditor />
        <BacktestPanel />
        {selectedId !== null && <RuleVersions id={selectedId} revision={revision} />}
      </div>
    </section>
  );
}
