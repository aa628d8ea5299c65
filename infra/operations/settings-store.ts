import type { Queryable } from '../db/types';

// The operators' switches: automation per rule and command, and the staffed flag per station.
// Callers audit each change in the same transaction.

export interface AutomationRow {
  ruleId: string;
  instrument: string;
  command: string;
  enabled: boolean;
  changedBy: string;
  changedAt: string;
}

export async function setAutomation(
  db: Queryable,
  row: Omit<AutomationRow, 'changedAt'>,
): Promise<AutomationRow> {
  const { rows } = await db.query<{ changed_at: Date | string }>(
    `INSERT INTO command_automations (rule_id, instrument_id, command, enabled, changed_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (rule_id, instrument_id, command) DO UPDATE SET enabled = EXCLUDED.enabled,
       changed_by = EXCLUDED.changed_by, changed_at = now()
     RETURNING changed_at`,
    [row.ruleId, row.instrument, row.command, row.enabled, row.changedBy],
  );
  return { ...row, changedAt: new Date(rows[0]!.changed_at).toISOString() };
}

export async function listAutomations(db: Queryable): Promise<AutomationRow[]> {
  const { rows } = await db.query<{
    rule_id: string;
    instrument_id: string;
    command: string;
    enabled: boolean;
    changed_by: string;
    changed_at: Date | string;
  }>('SELECT * FROM command_automations ORDER BY rule_id, instrument_id, command');
  return rows.map((r) => ({
    ruleId: r.rule_id,
    instrument: r.instrument_id,
    command: r.command,
    enabled: r.enabled,
    changedBy: r.changed_by,
    changedAt: new Date(r.changed_at).toISOString(),
  }));
}

export async function automationEnabled(
  db: Queryable,
  ruleId: string,
  instrument: string,
  command: string,
): Promise<boolean> {
  const { rows } = await db.query<{ enabled: boolean }>(
    `SELECT enabled FROM command_automations WHERE rule_id = $1 AND instrument_id = $2 AND command = $3`,
    [ruleId, instrument, command],
  );
  return rows[0]?.enabled === true;
}

export interface StaffingRow {
  station: string;
  staffed: boolean;
  changedBy: string | null;
  changedAt: string | null;
}

export async function setStaffed(
  db: Queryable,
  station: string,
  staffed: boolean,
  by: string,
): Promise<StaffingRow> {
  const { rows } = await db.query<{ changed_at: Date | string }>(
    `INSERT INTO station_staffing (station_id, staffed, changed_by) VALUES ($1, $2, $3)
     ON CONFLICT (station_id) DO UPDATE SET staffed = EXCLUDED.staffed,
       changed_by = EXCLUDED.changed_by, changed_at = now()
     RETURNING changed_at`,
    [station, staffed, by],
  );
  return {
    station,
    staffed,
    changedBy: by,
    changedAt: new Date(rows[0]!.changed_at).toISOString(),
  };
}

/** Every station with its flag; a station nobody has marked is not staffed. */
export async function listStaffing(db: Queryable): Promise<StaffingRow[]> {
  const { rows } = await db.query<{
    id: string;
    staffed: boolean | null;
    changed_by: string | null;
    changed_at: Date | string | null;
  }>(
    `SELECT s.id, st.staffed, st.changed_by, st.changed_at FROM stations s
     LEFT JOIN station_staffing st ON st.station_id = s.id ORDER BY s.id`,
  );
  return rows.map((r) => ({
    station: r.id,
    staffed: r.staffed ?? false,
    changedBy: r.changed_by,
    changedAt: r.changed_at === null ? null : new Date(r.changed_at).toISOString(),
  }));
}
