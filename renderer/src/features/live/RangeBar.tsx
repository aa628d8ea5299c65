import { useState } from 'react';
import { formatUtc } from '../../format';
import { RANGE_PRESETS, useSelection } from '../../state/selection';
import type { RangePreset, TimeRange } from '../../state/selection';
import { CustomRangeForm } from './CustomRangeForm';
import { presetRange } from './timeRange';

const DAY_MS = 86_400_000;

const PRESET_LABEL: Record<RangePreset, string> = {
  '1h': '1 h',
  '24h': '24 h',
  '7d': '7 d',
  '30d': '30 d',
  '1y': '1 y',
  all: 'All',
};

/** Time range presets, follow toggle and, after a zoom, the zoomed range with a reset. */
export function RangeBar() {
  const preset = useSelection((s) => s.preset);
  const follow = useSelection((s) => s.follow);
  const customRange = useSelection((s) => s.customRange);
  const setPreset = useSelection((s) => s.setPreset);
  const setFollow = useSelection((s) => s.setFollow);
  const setCustomRange = useSelection((s) => s.setCustomRange);
  /** The range the custom form opened on; null while it is closed. */
  const [typing, setTyping] = useState<TimeRange | null>(null);
  const rangeInView = (): TimeRange => {
    const now = Date.now();
    return customRange ?? presetRange(preset, null, now) ?? { from: now - DAY_MS, to: now };
  };

  return (
    <div className="toolbar" data-testid="range-bar">
      <div className="segmented" role="group" aria-label="Time range">
        {RANGE_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className="segment"
            data-testid={`range-preset-${p}`}
            aria-pressed={p === preset && customRange === null}
            onClick={() => setPreset(p)}
          >
            {PRESET_LABEL[p]}
          </button>
        ))}
        <button
          type="button"
          className="segment"
          data-testid="range-custom"
          aria-pressed={typing !== null}
          title="Type a range (UTC)"
          onClick={() => setTyping(typing ? null : rangeInView())}
        >
          Custom…
        </button>
      </div>
      {typing && <CustomRangeForm inView={typing} onDone={() => setTyping(null)} />}
      <button
        type="button"
        className="toggle"
        data-testid="follow-toggle"
        aria-pressed={follow}
        title="Keep the time axis sliding with the newest data"
        onClick={() => setFollow(!follow)}
      >
        <span className="toggle-dot" aria-hidden="true" />
        Follow
      </button>
      {customRange && (
        <div className="zoom-range" data-testid="custom-range">
          <span>
            {formatUtc(customRange.from)} → {formatUtc(customRange.to)}
          </span>
          <button
            type="button"
            className="link-button"
            data-testid="reset-zoom"
            onClick={() => setCustomRange(null)}
          >
            Back to {PRESET_LABEL[preset]}
          </button>
        </div>
      )}
      <span className="toolbar-note">UTC · drag to zoom, double-click to reset</span>
    </div>
  );
}
