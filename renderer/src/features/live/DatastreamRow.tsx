import { memo } from 'react';
import type { DatastreamSummary } from '../../../../core/contracts/http';
import { displayUnit, formatAge, formatUtc, formatValue, parseTime } from '../../format';

interface DatastreamRowProps {
  datastream: DatastreamSummary;
  /** Position in the panel (its line color), -1 when not selected. */
  colorIndex: number;
  disabled: boolean;
  now: number;
  onToggle(key: string): void;
}

/** How old a last value may be before it is shown as stale: 3 cadences (or an hour). */
function isStale(ds: DatastreamSummary, lastMs: number | null, now: number): boolean {
  if (lastMs === null) return true;
  return now - lastMs > Math.max(3_600_000, (ds.cadenceSeconds ?? 0) * 3000);
}

export const DatastreamRow = memo(function DatastreamRow({
  datastream: ds,
  colorIndex,
  disabled,
  now,
  onToggle,
}: DatastreamRowProps) {
  const selected = colorIndex >= 0;
  const lastMs = parseTime(ds.lastTime);
  const variable = ds.variable.replaceAll('_', ' ');
  return (
    <li>
      <label
        className="picker-row"
        data-testid={`datastream-option-${ds.key}`}
        data-selected={selected}
        title={`${ds.key}${ds.description ? ` · ${ds.description}` : ''}`}
      >
        <input
          type="checkbox"
          checked={selected}
          disabled={disabled}
          onChange={() => onToggle(ds.key)}
        />
        <span
          className="swatch"
          style={selected ? { background: `var(--series-${(colorIndex % 8) + 1})` } : undefined}
          aria-hidden="true"
        />
        <span className="picker-row-main">
          <span className="picker-variable">{variable}</span>
          <span className="picker-unit">{displayUnit(ds.unit)}</span>
        </span>
        <span className="picker-row-last" data-stale={isStale(ds, lastMs, now)}>
          <span className="picker-value" data-testid={`datastream-last-${ds.key}`}>
            {formatValue(ds.lastValue, ds.unit)}
          </span>
          <span className="picker-age" title={formatUtc(lastMs)}>
            {formatAge(lastMs, now)}
          </span>
        </span>
      </label>
    </li>
  );
});
