// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command, InstrumentView } from '../../../../core/contracts/operations';
import { ApiError } from '../../api/client';
import * as api from './operationsApi';
import { useBookings } from './bookingStore';
import { OperationsPage } from './OperationsPage';
import { useOperations } from './operationsStore';

vi.mock('./operationsApi', () => ({
  fetchInstruments: vi.fn(),
  fetchCommands: vi.fn(),
  fetchCommandDetail: vi.fn(),
  requestCommand: vi.fn(),
  approveCommand: vi.fn(),
  rejectCommand: vi.fn(),
  auditCsvUrl: () => '/api/v1/operations/audit.csv',
  fetchBookings: vi.fn(),
  requestBooking: vi.fn(),
  cancelBooking: vi.fn(),
}));
const mocked = vi.mocked(api);

const imager: InstrumentView = {
  id: 'zugspitze.airglow',
  station: 'zugspitze',
  name: 'Airglow imager',
  driver: { kind: 'mqtt', url: 'mqtt://127.0.0.1:1883', topicPrefix: 't' },
  stateVariables: ['mode'],
  modes: ['standby', 'night-series'],
  commands: [
    {
      name: 'start-night-series',
      description: '',
      params: {},
      required: [],
      risk: 'two_approvals',
      interlocks: [{ kind: 'no_daylight', maxSolarElevationDeg: -6 }, { kind: 'staffed' }],
      timeoutSeconds: 30,
    },
  ],
  live: { mode: 'standby', values: [], connection: 'connected', lastAckAt: null },
  staffed: false,
};
const proposed: Command = {
  id: 'cmd-1',
  instrument: 'zugspitze.airglow',
  command: 'start-night-series',
  params: { seconds: 5 },
  risk: 'two_approvals',
  state: 'proposed',
  reason: null,
  requestedBy: 'rule',
  ruleId: 'clear-night',
  bookingId: null,
  notBefore: null,
  approvalsNeeded: 2,
  approvals: [
    {
      by: 'olga',
      role: 'operator',
      decision: 'approve',
      reason: 'clear',
      at: '2026-11-25T06:00:00Z',
    },
  ],
  createdAt: '2026-11-25T06:00:00Z',
  updatedAt: '2026-11-25T06:00:00Z',
};

describe('the operations console', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    useOperations.setState({ status: 'idle', loadedAtMs: null, error: null, actionErrors: {} });
    useBookings.setState({ instrument: null, status: 'idle', refusal: null, bookings: [] });
    mocked.fetchInstruments.mockResolvedValue([imager]);
    mocked.fetchCommands.mockResolvedValue([proposed]);
    mocked.fetchBookings.mockResolvedValue([]);
  });
  afterEach(cleanup);

  it('shows a pending command with who, rule, risk and interlocks; a reason is required', async () => {
    render(<OperationsPage />);
    const row = await screen.findByTestId('ops-pending-row-cmd-1');
    expect(row.textContent).toContain('needs two approvals · 1 of 2 given');
    expect(screen.getByTestId('ops-pending-rule-cmd-1').textContent).toBe('clear-night');
    expect(screen.getByTestId('ops-pending-params-cmd-1').textContent).toBe('seconds = 5');
    expect(screen.getByTestId('ops-pending-interlocks-cmd-1').textContent).toContain(
      'no exposure in daylight (sun ≤ -6°); only while the station is staffed (now not staffed)',
    );
    const approve = screen.getByTestId('ops-pending-approve-cmd-1') as HTMLButtonElement;
    expect(approve.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('ops-pending-reason-cmd-1'), {
      target: { value: 'sky clear' },
    });
    expect(approve.disabled).toBe(false);
  });

  it('rejects with the reason, and shows the server’s refusal of an approval', async () => {
    render(<OperationsPage />);
    await screen.findByTestId('ops-pending-row-cmd-1');
    fireEvent.change(screen.getByTestId('ops-pending-reason-cmd-1'), {
      target: { value: 'cloudy' },
    });
    fireEvent.click(screen.getByTestId('ops-pending-reject-cmd-1'));
    await waitFor(() => expect(mocked.rejectCommand).toHaveBeenCalledWith('cmd-1', 'cloudy'));

    mocked.approveCommand.mockRejectedValue(
      new ApiError('interlock no_daylight: the sun is at 12.3°', 409),
    );
    fireEvent.change(screen.getByTestId('ops-pending-reason-cmd-1'), { target: { value: 'go' } });
    fireEvent.click(screen.getByTestId('ops-pending-approve-cmd-1'));
    expect((await screen.findByTestId('ops-pending-error-cmd-1')).textContent).toContain(
      'the sun is at 12.3°',
    );
  });

  it('shows the live mode and an error without losing what it showed', async () => {
    render(<OperationsPage />);
    expect((await screen.findByTestId('ops-instrument-mode-zugspitze.airglow')).textContent).toBe(
      'standby',
    );
    mocked.fetchCommands.mockRejectedValue(new ApiError('server unreachable', 0));
    fireEvent.click(screen.getByTestId('ops-refresh'));
    expect((await screen.findByTestId('ops-error')).textContent).toContain('server unreachable');
    expect(screen.getByTestId('ops-pending-row-cmd-1')).toBeTruthy();
  });

  it('shows why a booking was refused, inline', async () => {
    mocked.requestBooking.mockRejectedValue(
      new ApiError('overlaps booking bk-1 of sara on zugspitze.airglow from …', 409),
    );
    render(<OperationsPage />);
    await screen.findByTestId('ops-booking-form');
    fireEvent.change(screen.getByTestId('ops-booking-start'), {
      target: { value: '2030-01-01T20:00' },
    });
    fireEvent.change(screen.getByTestId('ops-booking-end'), {
      target: { value: '2030-01-01T23:00' },
    });
    fireEvent.change(screen.getByTestId('ops-booking-purpose'), { target: { value: 'airglow' } });
    fireEvent.click(screen.getByTestId('ops-booking-submit'));
    expect((await screen.findByTestId('ops-booking-refusal')).textContent).toContain(
      'overlaps booking bk-1 of sara',
    );
    expect(mocked.requestBooking).toHaveBeenCalledWith(
      expect.objectContaining({ instrument: 'zugspitze.airglow', purpose: 'airglow' }),
    );
  });
});
