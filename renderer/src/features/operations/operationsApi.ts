import { bookingRoutes, type Booking } from '../../../../core/contracts/bookings';
import { routePath, routes } from '../../../../core/contracts/http';
import type {
  Command,
  CommandDetail,
  CommandRequest,
  InstrumentView,
} from '../../../../core/contracts/operations';
import { getJson, sendJson } from '../../api/client';

// The console's calls: operations (instruments, commands, audit) and the booking calendar.

export type CommandRequestBody = Omit<CommandRequest, 'reason'> & { reason?: string };

export async function fetchInstruments(signal?: AbortSignal): Promise<InstrumentView[]> {
  const path = routePath('operationsInstruments');
  return (await getJson(path, routes.operationsInstruments.response, signal)).instruments;
}

export async function fetchCommands(signal?: AbortSignal): Promise<Command[]> {
  const path = `${routePath('operationsCommands')}?limit=200`;
  return (await getJson(path, routes.operationsCommands.response, signal)).commands;
}

export function fetchCommandDetail(id: string, signal?: AbortSignal): Promise<CommandDetail> {
  return getJson(routePath('operationsCommand', { id }), routes.operationsCommand.response, signal);
}

/** Asks for a command, now or (with `at`) in one of the requester's booked slots. */
export function requestCommand(request: CommandRequestBody): Promise<Command> {
  return sendJson('POST', routePath('requestCommand'), request, routes.requestCommand.response);
}

export function approveCommand(id: string, comment: string): Promise<Command> {
  const path = routePath('approveCommand', { id });
  return sendJson('POST', path, { comment }, routes.approveCommand.response);
}

export function rejectCommand(id: string, reason: string): Promise<Command> {
  const path = routePath('rejectCommand', { id });
  return sendJson('POST', path, { reason }, routes.rejectCommand.response);
}

/** The audit trail as CSV, optionally of one instrument: a plain link downloads it. */
export function auditCsvUrl(instrument: string | null): string {
  const query = instrument === null ? '' : `?instrument=${encodeURIComponent(instrument)}`;
  return `${routePath('operationsAuditCsv')}${query}`;
}

export async function fetchBookings(
  instrument: string,
  fromMs: number,
  toMs: number,
  signal?: AbortSignal,
): Promise<Booking[]> {
  const query = new URLSearchParams({
    instrument,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
  });
  const path = `${routePath('bookings')}?${query.toString()}`;
  return (await getJson(path, bookingRoutes.bookings.response, signal)).bookings;
}

export function requestBooking(request: {
  instrument: string;
  startMs: number;
  endMs: number;
  purpose: string;
}): Promise<Booking> {
  const body = {
    instrument: request.instrument,
    start: new Date(request.startMs).toISOString(),
    end: new Date(request.endMs).toISOString(),
    purpose: request.purpose,
  };
  return sendJson('POST', routePath('requestBooking'), body, bookingRoutes.requestBooking.response);
}

export function cancelBooking(id: string): Promise<Booking> {
  const path = routePath('cancelBooking', { id });
  return sendJson('POST', path, undefined, bookingRoutes.cancelBooking.response);
}
