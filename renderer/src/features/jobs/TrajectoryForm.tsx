import { useCatalog } from '../../state/catalog';
import { ErrorNote } from '../../shell/PageState';
import { liveRangeInView } from './liveLink';
import { draftForStation, draftFromRange, windChoices } from './trajectoryDraft';
import { useTrajectoryForm } from './trajectoryStore';

/** "Run a back-trajectory for this time range": a backward-dispersion job by hand. */
export function TrajectoryForm() {
  const { draft, errors, serverError, submitting, change, submit, hide } = useTrajectoryForm();
  const stations = useCatalog((s) => s.stations).filter((s) => s.latitude !== null);
  const datastreams = useCatalog((s) => s.datastreams);
  const wind = windChoices(datastreams, draft.station);
  const number = (
    key: 'releaseHours' | 'durationHours' | 'particleCount' | 'outputIntervalHours',
  ) =>
    ({
      type: 'number',
      value: Number.isFinite(draft[key]) ? draft[key] : '',
      onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
        change({ [key]: e.target.valueAsNumber }),
    }) as const;
  const range = liveRangeInView();
  return (
    <form
      className="trajectory-form"
      data-testid="trajectory-form"
      aria-label="Run a back-trajectory"
      // The schema checks and names every field; the browser's bubbles would show one at a time.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        Station
        <select
          value={draft.station}
          data-testid="trajectory-station"
          onChange={(e) => change(draftForStation(draft, e.target.value, datastreams, Date.now()))}
        >
          <option value="">choose…</option>
          {stations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Wind speed
        <select
          value={draft.speed}
          data-testid="trajectory-speed"
          onChange={(e) => change({ speed: e.target.value })}
        >
          <option value="">choose…</option>
          {wind.speed.map((key) => (
            <option key={key}>{key}</option>
          ))}
        </select>
      </label>
      <label>
        Wind direction
        <select
          value={draft.direction}
          data-testid="trajectory-direction"
          onChange={(e) => change({ direction: e.target.value })}
        >
          <option value="">choose…</option>
          {wind.direction.map((key) => (
            <option key={key}>{key}</option>
          ))}
        </select>
      </label>
      <label>
        Release ends (UTC)
        <input
          type="datetime-local"
          value={draft.releaseEnd}
          data-testid="trajectory-release-end"
          onChange={(e) => change({ releaseEnd: e.target.value })}
        />
      </label>
      <label>
        Release over (hours)
        <input
          {...number('releaseHours')}
          min={0}
          step="any"
          data-testid="trajectory-release-hours"
        />
      </label>
      <label>
        Hours back (1–216)
        <input {...number('durationHours')} min={1} max={216} data-testid="trajectory-duration" />
      </label>
      <label>
        Particles
        <input {...number('particleCount')} min={1} step={1} data-testid="trajectory-particles" />
      </label>
      <label>
        Output every (hours)
        <input
          {...number('outputIntervalHours')}
          min={0}
          step="any"
          data-testid="trajectory-interval"
        />
      </label>
      {errors.length > 0 && (
        <ul className="form-errors" role="alert" data-testid="trajectory-errors">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      <div className="form-errors">
        <ErrorNote message={serverError} testId="trajectory-server-error" />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={submitting}
          data-testid="trajectory-submit"
        >
          {submitting ? 'Queueing…' : 'Run back-trajectory'}
        </button>
        {range && (
          <button
            type="button"
            className="button"
            data-testid="trajectory-from-live"
            title="Release at the end of the Live page's range, going back over all of it"
            onClick={() => change(draftFromRange(draft, range))}
          >
            Use the Live page's range
          </button>
        )}
        <button type="button" className="button" onClick={hide} data-testid="trajectory-close">
          Close
        </button>
      </div>
    </form>
  );
}
