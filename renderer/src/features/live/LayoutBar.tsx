import { useEffect, useState } from 'react';
import { MAX_PANELS, useSelection } from '../../state/selection';
import { useActingUser } from '../session/actingUser';
import { useLayouts } from './layoutsStore';

/**
 * Saved layouts of the acting user (open, save under a name, delete) and adding a panel.
 * Saving without a new name overwrites the layout last opened.
 */
export function LayoutBar() {
  const user = useActingUser();
  const { layouts, current, error, busy } = useLayouts();
  const panelCount = useSelection((s) => s.panels.length);
  const [name, setName] = useState('');
  useEffect(() => {
    void useLayouts.getState().load();
  }, [user]);
  const target = name.trim() || current;

  return (
    <div className="toolbar layout-bar" data-testid="layout-bar">
      <label className="layout-pick">
        <span className="muted">Layout</span>
        <select
          className="input"
          value={current ?? ''}
          onChange={(e) => useLayouts.getState().open(e.target.value)}
          data-testid="layout-select"
        >
          <option value="" disabled>
            {layouts.length === 0 ? 'none saved' : 'choose…'}
          </option>
          {layouts.map((l) => (
            <option key={l.name} value={l.name}>
              {l.name} ({l.layout.panels.length} {l.layout.panels.length === 1 ? 'panel' : 'panels'}
              )
            </option>
          ))}
        </select>
      </label>
      <form
        className="layout-save"
        onSubmit={(e) => {
          e.preventDefault();
          if (target)
            void useLayouts
              .getState()
              .save(target)
              .then(() => setName(''));
        }}
      >
        <input
          className="input"
          placeholder={current ? `Save as… (or over ${current})` : 'Save as…'}
          aria-label="Layout name"
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          data-testid="layout-name"
        />
        <button
          type="submit"
          className="button"
          disabled={busy || !target}
          data-testid="layout-save"
        >
          Save
        </button>
      </form>
      {current && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void useLayouts.getState().remove(current)}
          data-testid="layout-delete"
        >
          Delete “{current}”
        </button>
      )}
      <button
        type="button"
        className="button"
        disabled={panelCount >= MAX_PANELS}
        title={
          panelCount >= MAX_PANELS
            ? `At most ${MAX_PANELS} panels`
            : 'A panel below, on the same time axis'
        }
        onClick={() => useSelection.getState().addPanel()}
        data-testid="panel-add"
      >
        + Panel
      </button>
      {error && (
        <span className="inline-error" role="alert" data-testid="layout-error">
          {error}
        </span>
      )}
    </div>
  );
}
