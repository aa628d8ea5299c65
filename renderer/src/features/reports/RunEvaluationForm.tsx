import { useEffect, useState, type FormEvent } from 'react';
import { ErrorNote } from '../../shell/PageState';
import { useCatalog } from '../../state/catalog';
import { useReports } from './reportsStore';
import { evaluationRequestOf, yesterdayUtc } from './runForm';

const FOLLOW_MS = 1_000;

/** Stations and days to evaluate; submits the job and shows its progress until the report is in. */
export function RunEvaluationForm() {
  const stations = useCatalog((s) => s.stations);
  const { run, runError } = useReports();
  const [chosen, setChosen] = useState<string[]>([]);
  const [firstDay, setFirstDay] = useState(() => yesterdayUtc(Date.now()));
  const [lastDay, setLastDay] = useState(firstDay);
  const [formError, setFormError] = useState<string | null>(null);
  const active = run !== null && (run.state === 'queued' || run.state === 'running');

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void useReports.getState().follow(), FOLLOW_MS);
    return () => clearInterval(timer);
  }, [active]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = evaluationRequestOf({ stations: chosen, firstDay, lastDay });
    setFormError(checked.ok ? null : checked.error);
    if (checked.ok) void useReports.getState().start(checked.request);
  };
  const toggle = (id: string) =>
    setChosen((now) => (now.includes(id) ? now.filter((s) => s !== id) : [...now, id]));

  return (
    <form className="run-evaluation" onSubmit={submit} data-testid="run-evaluation">
      <h2 className="section-title">Run evaluation</h2>
      <fieldset className="run-evaluation-stations">
        <legend>Stations</legend>
        {stations.map((station) => (
          <label key={station.id}>
            <input
              type="checkbox"
              checked={chosen.includes(station.id)}
              onChange={() => toggle(station.id)}
              data-testid={`run-station-${station.id}`}
            />{' '}
            {station.name}
          </label>
        ))}
      </fieldset>
      <label>
        First day (UTC){' '}
        <input
          type="date"
          value={firstDay}
          onChange={(e) => setFirstDay(e.target.value)}
          data-testid="run-first-day"
        />
      </label>
      <label>
        Last day{' '}
        <input
          type="date"
          value={lastDay}
          onChange={(e) => setLastDay(e.target.value)}
          data-testid="run-last-day"
        />
      </label>
      <button
        type="submit"
        className="button button--primary"
        disabled={active}
        data-testid="run-submit"
      >
        Run evaluation
      </button>
      <ErrorNote message={formError ?? runError} testId="run-error" />
      {run && (
        <p
          className="run-evaluation-progress"
          data-testid="run-progress"
          data-state={run.state}
          role="status"
        >
          <span className="mono">{run.jobId}</span>: {run.state}
          {run.progress !== null && active && (
            <>
              {' '}
              <progress max={1} value={run.progress} aria-label="evaluation progress" />{' '}
              {Math.round(run.progress * 100)} %
            </>
          )}
          {run.message && <span className="muted"> · {run.message}</span>}
          {run.error && <span className="inline-error"> · {run.error}</span>}
        </p>
      )}
    </form>
  );
}
