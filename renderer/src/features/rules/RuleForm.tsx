import type { ThresholdDraft } from './ruleDraft';
import { suggestedId } from './ruleDraft';
import { useCatalog } from '../../state/catalog';

/** The common rule in a few fields: one datastream above or below a value, for a while. */
export function RuleForm({
  draft,
  onChange,
  idLocked,
}: {
  draft: ThresholdDraft;
  onChange(draft: ThresholdDraft): void;
  idLocked: boolean;
}) {
  const datastreams = useCatalog((s) => s.datastreams);
  const change = (patch: Partial<ThresholdDraft>) => {
    const next = { ...draft, ...patch };
    // Until someone types an id, it follows the datastream and threshold.
    if (!idLocked && (draft.id === '' || draft.id === suggestedId(draft))) {
      next.id = suggestedId(next);
    }
    onChange(next);
  };
  return (
    <fieldset className="rule-form" data-testid="rule-form">
      <legend>Threshold rule</legend>
      <label>
        Datastream
        <select
          value={draft.datastream}
          onChange={(e) => change({ datastream: e.target.value })}
          data-testid="rule-form-datastream"
        >
          <option value="">choose…</option>
          {datastreams.map((ds) => (
            <option key={ds.key} value={ds.key}>
              {ds.key} ({ds.unit})
            </option>
          ))}
        </select>
      </label>
      <label>
        Fires when
        <select
          value={draft.op}
          onChange={(e) => change({ op: e.target.value === 'below' ? 'below' : 'above' })}
          data-testid="rule-form-op"
        >
          <option value="above">above</option>
          <option value="below">below</option>
        </select>
      </label>
      <label>
        Value
        <input
          type="number"
          step="any"
          value={Number.isFinite(draft.value) ? draft.value : ''}
          onChange={(e) => change({ value: e.target.valueAsNumber })}
          data-testid="rule-form-value"
        />
      </label>
      <label>
        For at least
        <input
          value={draft.minDuration}
          placeholder="10m"
          onChange={(e) => change({ minDuration: e.target.value })}
          data-testid="rule-form-duration"
        />
      </label>
      <label>
        Severity
        <select
          value={draft.severity}
          onChange={(e) => change({ severity: e.target.value as ThresholdDraft['severity'] })}
          data-testid="rule-form-severity"
        >
          <option value="info">info</option>
          <option value="warning">warning</option>
          <option value="critical">critical</option>
        </select>
      </label>
      <label>
        Id
        <input
          value={draft.id}
          disabled={idLocked}
          onChange={(e) => onChange({ ...draft, id: e.target.value })}
          data-testid="rule-form-id"
        />
      </label>
      <label>
        Name
        <input
          value={draft.name}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
          data-testid="rule-form-name"
        />
      </label>
    </fieldset>
  );
}
