import { useState } from 'react';
import { WEEKDAYS } from '../../../../core/schedules/recurrence';
import { newScheduleForm, formOfSchedule, type ScheduleForm } from './scheduleForm';
import type { StoredSchedule } from './schedulesApi';
import { useSchedules } from './schedulesStore';

/** Creates or changes a schedule: when (daily or weekdays, time, zone) and which job. */
export function ScheduleEditor({ schedule }: { schedule: StoredSchedule | undefined }) {
  const [form, setForm] = useState<ScheduleForm>(() =>
    schedule ? formOfSchedule(schedule) : newScheduleForm(),
  );
  const saveError = useSchedules((s) => s.saveError);
  const [saving, setSaving] = useState(false);
  const edit = (patch: Partial<ScheduleForm>) => setForm((f) => ({ ...f, ...patch }));
  const toggleDay = (day: ScheduleForm['days'][number], on: boolean) =>
    edit({ days: on ? [...form.days, day] : form.days.filter((d) => d !== day) });
  return (
    <form
      className="prefs-form"
      data-testid="schedule-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        void useSchedules
          .getState()
          .save(form)
          .finally(() => setSaving(false));
      }}
    >
      <label>
        Name
        <input
          className="input input--wide"
          value={form.name}
          onChange={(e) => edit({ name: e.target.value })}
          data-testid="schedule-name"
        />
      </label>
      <fieldset>
        <legend>When (station time)</legend>
        <div className="inline-form">
          <select
            value={form.kind}
            aria-label="Recurrence"
            onChange={(e) => edit({ kind: e.target.value === 'weekly' ? 'weekly' : 'daily' })}
            data-testid="schedule-kind"
          >
            <option value="daily">every day</option>
            <option value="weekly">on weekdays</option>
          </select>
          <label>
            at
            <input
              type="time"
              value={form.at}
              onChange={(e) => edit({ at: e.target.value })}
              data-testid="schedule-at"
            />
          </label>
          <label>
            Time zone
            <input
              className="input"
              value={form.timeZone}
              onChange={(e) => edit({ timeZone: e.target.value })}
              data-testid="schedule-time-zone"
            />
          </label>
        </div>
        {form.kind === 'weekly' && (
          <div className="inline-form" role="group" aria-label="Weekdays">
            {WEEKDAYS.map((day) => (
              <label key={day}>
                <input
                  type="checkbox"
                  checked={form.days.includes(day)}
                  onChange={(e) => toggleDay(day, e.target.checked)}
                  data-testid={`schedule-day-${day}`}
                />
                {day}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>Job</legend>
        <div className="inline-form">
          <select
            value={form.queue}
            aria-label="Queue"
            onChange={(e) => edit({ queue: e.target.value as ScheduleForm['queue'] })}
            data-testid="schedule-queue"
          >
            <option value="jobs.sod">jobs.sod (service)</option>
            <option value="jobs.cod">jobs.cod (computing)</option>
            <option value="jobs.ood">jobs.ood (operating)</option>
          </select>
          <label>
            Type
            <input
              className="input"
              value={form.type}
              onChange={(e) => edit({ type: e.target.value })}
              data-testid="schedule-type"
            />
          </label>
        </div>
        <label>
          Parameters (JSON; {'{{previousDay}}'}, {'{{day}}'} and {'{{occurrence}}'} name the run)
          <textarea
            className="input input--wide mono"
            rows={5}
            value={form.paramsText}
            onChange={(e) => edit({ paramsText: e.target.value })}
            data-testid="schedule-params"
          />
        </label>
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={form.enabled}
          onChange={(e) => edit({ enabled: e.target.checked })}
          data-testid="schedule-enabled"
        />
        Enabled
      </label>
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={saving}
          data-testid="schedule-save"
        >
          {saving ? 'Saving…' : 'Save schedule'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => useSchedules.getState().edit(null)}
          data-testid="schedule-cancel"
        >
          Cancel
        </button>
      </div>
      {saveError && (
        <pre className="inline-error" role="alert" data-testid="schedule-save-error">
          {saveError}
        </pre>
      )}
    </form>
  );
}
