// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command, InstrumentView } from '../../../../core/contracts/operations';
import { ApiError } from '../../api/client';
import { useSession } from '../session/sessionStore';
import { useBookings } from './bookingStore';
import { emptyDraft } from './commandDraft';
import { useCommandRequest } from './commandRequestStore';
import * as api from './operationsApi';
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
      name: 'set-exposure',
      description: '',
      params: {
        seconds: { type: 'number', description: 'Exposure time', integer: false, unit: 's' },
      },
      required: ['seconds'],
      risk: 'approval',
      interlocks: [],
      timeoutSeconds: 30,
    },
    {
      name: 'standby',
      description: '',
      params: {},
      required: [],
      risk: 'automatic',
      interlocks: [],
      timeoutSeconds: 30,
    },
  ],
  live: { mode: 'standby', values: [], connection: 'connected', lastAckAt: null },
  staffed: false,
};
const command = (over: Partial<Command>): Command => ({
  id: 'cmd-9',
  instrument: imager.id,
  command: 'set-exposure',
  params: { seconds: 5 },
  risk: 'approval',
  state: 'proposed',
  reason: null,
  requestedBy: 'sam',
  ruleId: null,
  bookingId: null,
  notBefore: null,
  approvalsNeeded: 1,
  approvals: [],
  createdAt: '2030-01-01T20:00:00Z',
  updatedAt: '2030-01-01T20:00:00Z',
  ...over,
});

const as = (role: 'viewer' | 'scientist' | 'operator') =>
  useSession.setState({ status: 'ready', mode: 'required', user: { name: 'sam', role } });

describe('the command request form', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    useOperations.setState({ status: 'idle', loadedAtMs: null, error: null, actionErrors: {} });
    useBookings.setState({ instrument: null, status: 'idle', bookings: [], zone: 'UTC' });
    useCommandRequest.setState({ draft: emptyDraft(), refusal: null, made: null });
    mocked.fetchInstruments.mockResolvedValue([imager]);
    mocked.fetchCommands.mockResolvedValue([]);
    mocked.fetchBookings.mockResolvedValue([]);
    as('scientist');
  });
  afterEach(cleanup);

  it('asks for a command now with its parameters, and says what became of it', async () => {
    mocked.requestCommand.mockResolvedValue(command({}));
    render(<OperationsPage />);
    fireEvent.change(await screen.findByTestId('ops-request-param-seconds'), {
      target: { value: '5' },
    });
    fireEvent.click(screen.getByTestId('ops-request-submit'));
    await waitFor(() =>
      expect(mocked.requestCommand).toHaveBeenCalledWith({
        instrument: 'zugspitze.airglow',
        command: 'set-exposure',
        params: { seconds: 5 },
      }),
    );
    expect((await screen.findByTestId('ops-request-made')).textContent).toContain(
      'cmd-9: proposed, waiting for an operator',
    );
  });

  it('sends a time in the slot as station time, and shows the server’s refusal inline', async () => {
    mocked.requestCommand.mockRejectedValue(
      new ApiError(
        'the slot bk-2 (2030-01-01T21:00Z–2030-01-02T03:00Z) is booked by sue; a command can only be scheduled into your own slot',
        409,
      ),
    );
    render(<OperationsPage />);
    fireEvent.change(await screen.findByTestId('ops-request-command'), {
      target: { value: 'standby' },
    });
    expect(screen.queryByTestId('ops-request-param-seconds')).toBeNull();
    fireEvent.click(screen.getByTestId('ops-request-when-slot'));
    fireEvent.change(screen.getByTestId('ops-request-at'), {
      target: { value: '2030-01-01T21:30' },
    });
    fireEvent.click(screen.getByTestId('ops-request-submit'));
    expect((await screen.findByTestId('ops-request-refusal')).textContent).toContain(
      'is booked by sue',
    );
    expect(mocked.requestCommand).toHaveBeenCalledWith({
      instrument: 'zugspitze.airglow',
      command: 'standby',
      params: {},
      at: '2030-01-01T21:30:00.000Z',
    });

    mocked.requestCommand.mockResolvedValue(
      command({
        command: 'standby',
        state: 'scheduled',
        bookingId: 'bk-1',
        notBefore: '2030-01-01T21:30:00.000Z',
      }),
    );
    fireEvent.click(screen.getByTestId('ops-request-submit'));
    expect((await screen.findByTestId('ops-request-made')).textContent).toContain(
      'scheduled for 2030-01-01 21:30:00 UTC in booking bk-1',
    );
    expect(screen.queryByTestId('ops-request-refusal')).toBeNull();
  });

  it('refuses a slot request without a time before asking the server', async () => {
    render(<OperationsPage />);
    fireEvent.click(await screen.findByTestId('ops-request-when-slot'));
    fireEvent.click(screen.getByTestId('ops-request-submit'));
    expect((await screen.findByTestId('ops-request-refusal')).textContent).toContain(
      'give the time in your booked slot',
    );
    expect(mocked.requestCommand).not.toHaveBeenCalled();
  });

  it('is disabled for a viewer, and approval is disabled for a scientist, each saying why', async () => {
    mocked.fetchCommands.mockResolvedValue([command({ id: 'cmd-p' })]);
    as('viewer');
    const { unmount } = render(<OperationsPage />);
    const submit = (await screen.findByTestId('ops-request-submit')) as HTMLButtonElement;
    expect(submit.closest('fieldset')?.disabled).toBe(true);
    expect(screen.getByTestId('ops-request-form').title).toBe(
      'needs the scientist role (you are viewer)',
    );
    expect(screen.getByTestId('ops-request-denied').textContent).toContain(
      'needs the scientist role',
    );
    unmount();

    as('scientist');
    render(<OperationsPage />);
    fireEvent.change(await screen.findByTestId('ops-pending-reason-cmd-p'), {
      target: { value: 'clear sky' },
    });
    for (const button of ['approve', 'reject']) {
      const element = screen.getByTestId(`ops-pending-${button}-cmd-p`) as HTMLButtonElement;
      expect(element.disabled).toBe(true);
      expect(element.title).toBe('needs the operator role (you are scientist)');
    }
    expect(
      (screen.getByTestId('ops-request-submit') as HTMLButtonElement).closest('fieldset')?.disabled,
    ).toBe(false);

    cleanup();
    as('operator');
    render(<OperationsPage />);
    fireEvent.change(await screen.findByTestId('ops-pending-reason-cmd-p'), {
      target: { value: 'clear sky' },
    });
    expect((screen.getByTestId('ops-pending-approve-cmd-p') as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});
