import type { MenuItemConstructorOptions } from 'electron';
import { healthResponseSchema } from '../core/contracts/http';

/** ok, the bus away with the outbox holding, a failing part, or no answer at all. */
export type TrayState = 'ok' | 'offline' | 'degraded' | 'unreachable';

export interface TrayStatus {
  state: TrayState;
  /** One line, as the header chip says it: "ok", "offline: 12,345 buffered", … */
  headline: string;
  /** Lines under it in the tray menu. */
  details: string[];
  /** Hover text; Windows cuts tray tooltips at 127 characters. */
  tooltip: string;
}

const TOOLTIP_MAX = 127;
const count = new Intl.NumberFormat('en-US');

function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return h < 48 ? `${h} h ${m % 60} min` : `${Math.floor(h / 24)} d ${h % 24} h`;
}

function tooltipOf(headline: string, details: string[]): string {
  let text = `Firn: ${headline}`;
  for (const line of details) {
    if (text.length + 1 + line.length > TOOLTIP_MAX) break;
    text += `\n${line}`;
  }
  return text.length > TOOLTIP_MAX ? `${text.slice(0, TOOLTIP_MAX - 1)}…` : text;
}

function status(state: TrayState, headline: string, details: string[]): TrayStatus {
  return { state, headline, details, tooltip: tooltipOf(headline, details) };
}

/**
 * The tray's words for one answer of GET /api/health (or the error of asking). Offline is
 * decided as in the control room's header: the bus is not ok and the outbox count is known.
 */
export function trayStatus(answer: unknown, error?: string): TrayStatus {
  if (error !== undefined) return status('unreachable', 'station not answering', [error]);
  const parsed = healthResponseSchema.safeParse(answer);
  if (!parsed.success) {
    return status('unreachable', 'station not answering', ['unexpected health answer']);
  }
  const { database, bus, outbox } = parsed.data;
  const db = `Database ${database.kind}: ${database.ok ? 'ok' : (database.error ?? 'failing')}`;
  if (!bus.ok && outbox.backlog >= 0) {
    const oldest =
      outbox.oldestAgeSeconds === null
        ? 'nothing waiting yet'
        : `oldest waited ${duration(outbox.oldestAgeSeconds)}`;
    return status('offline', `offline: ${count.format(outbox.backlog)} buffered`, [
      `Bus ${bus.kind} unreachable: ${bus.error ?? 'no answer'}`,
      oldest,
      db,
    ]);
  }
  const busLine = `Bus ${bus.kind}: ${bus.ok ? 'ok' : (bus.error ?? 'failing')}`;
  const outboxLine =
    outbox.backlog < 0 ? 'Outbox: unknown' : `Outbox: ${count.format(outbox.backlog)} waiting`;
  if (parsed.data.status === 'degraded' || !database.ok) {
    const failing = [!database.ok && 'database', !bus.ok && 'bus'].filter(Boolean).join(', ');
    return status('degraded', `degraded: ${failing || 'check the station'}`, [
      db,
      busLine,
      outboxLine,
    ]);
  }
  return status('ok', 'ok', [db, busLine, outboxLine]);
}

export interface TrayActions {
  show(): void;
  openAlerts(): void;
  quit(): void;
}

/** The tray's context menu: the status (not clickable), then what an operator does from it. */
export function trayMenuTemplate(
  current: TrayStatus,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  return [
    { id: 'status', label: `Station: ${current.headline}`, enabled: false },
    ...current.details.map((line) => ({ label: line, enabled: false })),
    { type: 'separator' },
    { id: 'show', label: 'Show Firn', click: () => actions.show() },
    { id: 'alerts', label: 'Open Alerts', click: () => actions.openAlerts() },
    { type: 'separator' },
    { id: 'quit', label: 'Quit Firn', click: () => actions.quit() },
  ];
}
