import { useEffect } from 'react';
import { describeRecurrence } from '../../../../core/schedules/recurrence';
import { Empty, ErrorNote, Loading } from '../../shell/PageState';
import { ScheduleEditor } from './ScheduleEditor';
import { formatInZone } from './scheduleForm';
import type { StoredSchedule } from './schedulesApi';
import { useActingUser } from '../session/actingUser';
import { useSchedules } from './schedulesStore';

/** The last job's state moves on its own (queued → running → succeeded): look again this often. */
const REFRESH_MS = 5_000;

/** Recurring jobs such as the daily report: list, create, edit, enable, run now, delete. */
export function SchedulesSection() {
  const { status, error, schedules, editing } = useSchedules();
  useEffect(() => {
    void useSchedules.getState().load();
    const timer = setInterval(() => void useSchedules.getState().load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const store = useSchedules.getState();
  return (
    <section data-testid="schedules" data-phase={status}>
      <div className="page-toolbar">
        <h2 className="section-title">Schedules</h2>
        <button
          type="button"
          className="button"
          onClick={() => store.edit('new')}
          disabled={editing !== null}
          data-testid="schedule-add"
        >
          New schedule
        </button>
      </div>
      {editing !== null && (
        <ScheduleEditor key={editing} schedule={schedules.find((s) => s.id === editing)} />
      )}
      <ErrorNote message={error} testId="schedules-error" onRetry={() => void store.load()} />
      {status === 'loading' || status === 'idle' ? (
        <Loading what="schedules" testId="schedules-loading" />
      ) : schedules.length === 0 ? (
        <Empty testId="schedules-empty">No schedules yet: add one to run a report every day.</Empty>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="schedules-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>When</th>
                <th>Job</th>
                <th>Last run</th>
                <th>Next run</th>
                <th>Last job</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {schedules.map((schedule) => (
                <ScheduleRow key={schedule.id} schedule={schedule} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ScheduleRow({ schedule }: { schedule: StoredSchedule }) {
  const user = useActingUser();
  const actionError = useSchedules((s) => s.actionErrors[schedule.id] ?? null);
  const store = useSchedules.getState();
  const zone = schedule.recurrence.timeZone;
  const mine = schedule.owner === user;
  const tid = (part: string) => `schedule-${part}-${schedule.id}`;
  return (
    <tr
      data-testid={`schedule-row-${schedule.id}`}
      data-name={schedule.name}
      data-enabled={String(schedule.enabled)}
    >
      <td>
        {schedule.name}
        <div className="muted">by {schedule.owner}</div>
      </td>
      <td>
        {describeRecurrence(schedule.recurrence)}
        {!schedule.enabled && (
          <span className="tag" data-testid={tid('disabled')}>
            disabled
          </span>
        )}
      </td>
      <td className="mono">
        {schedule.job.queue} / {schedule.job.type}
      </td>
      <td className="mono" data-testid={tid('last-run')}>
        {formatInZone(schedule.lastRunAt, zone)}
      </td>
      <td className="mono" data-testid={tid('next-run')}>
        {formatInZone(schedule.nextRunAt, zone)}
      </td>
      <td data-testid={tid('last-job')} data-state={schedule.lastJobState ?? 'none'}>
        {schedule.lastJobId === null ? (
          '—'
        ) : (
          <>
            <a className="mono" href={`#/jobs/${encodeURIComponent(schedule.lastJobId)}`}>
              {schedule.lastJobId}
            </a>{' '}
            <span className="tag">{schedule.lastJobState ?? 'unknown'}</span>
          </>
        )}
      </td>
      <td>
        <span className="row-actions">
          <button
            type="button"
            className="button"
            disabled={!mine}
            onClick={() => void store.runNow(schedule.id)}
            data-testid={tid('run')}
          >
            Run now
          </button>
          <button
            type="button"
            className="button"
            disabled={!mine}
            onClick={() => void store.setEnabled(schedule.id, !schedule.enabled)}
            data-testid={tid('toggle')}
          >
            {schedule.enabled ? 'Disable' : 'Enable'}
          </button>
          <button
            type="button"
            className="button"
            disabled={!mine}
            onClick={() => store.edit(schedule.id)}
            data-testid={tid('edit')}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={!mine}
            onClick={() => void store.remove(schedule.id)}
            data-testid={tid('delete')}
          >
            Delete
          </button>
        </span>
        {actionError && (
          <div className="inline-error" role="alert" data-testid={tid('error')}>
            {actionError}
          </div>
        )}
      </td>
    </tr>
  );
}
